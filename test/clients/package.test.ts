import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED, tempDir } from '../support.js';

/**
 * The package as a new user gets it: a fresh copy of the repository (its files, no dist/) is
 * packed with `npm pack` (prepack compiles the bundle and the type declarations), the tarball
 * is installed into an empty folder from the local npm cache (offline), and the CLI, the library
 * and its types are used there on the seed. Here, not in the unit project: packing and
 * installing take about a minute.
 */
const NPM = 'npm';

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env }, maxBuffer: 64 << 20, timeout: 600_000 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  expect(r.status, `${what}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The README's quick start: the commands of its first ```sh block under "## Quick start". */
export function quickStart(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Quick start'));
  if (!section) throw new Error('README.md has no "## Quick start" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('the quick start has no ```sh block');
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

describe('the packed package, installed in an empty folder', () => {
  let tarball: string;
  let files: string[];
  beforeAll(() => {
    // A fresh clone: the repository's files (committed or not, never ignored ones), without dist/.
    const fresh = tempDir('jianbao-clone-');
    const listed = sh('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT).stdout.split('\0').filter(Boolean);
    for (const f of listed) {
      if (!fs.existsSync(path.join(ROOT, f))) continue; // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(fresh, f)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, f), path.join(fresh, f));
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(fresh, 'node_modules'));
    expect(fs.existsSync(path.join(fresh, 'dist'))).toBe(false);
    const dest = tempDir('jianbao-pack-');
    const packed = JSON.parse(ok(sh(NPM, ['pack', '--json', '--pack-destination', dest], fresh), 'npm pack')) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(dest, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path);
  }, 600_000);

  it('carries the bundle, the library with its types, the templates, the scaffold and the viewer, and no sources or tests', () => {
    for (const f of ['bin/jianbao.cjs', 'dist/cli.cjs', 'dist/jianbao.cjs', 'dist/lib.mjs', 'dist/jianbao.d.ts', 'templates/report.hbs', 'templates/partials/blocks.hbs', 'scaffold/jianbao.yaml', 'scaffold/gitignore', 'viewer/viewer.js', 'package.json', 'README.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|bench|scripts)\//.test(f))).toEqual([]);
    // The declarations are one file that imports nothing: the packages the bundle carries are not installed.
    expect(files.filter((f) => f.endsWith('.d.ts'))).toEqual(['dist/jianbao.d.ts']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    expect(files).toContain(pkg.exports['.']!.types.replace(/^\.\//, ''));
    expect(files).toContain(pkg.exports['.']!.default.replace(/^\.\//, ''));
  });

  it('runs the README quick start from the tarball, offline, without engine warnings', () => {
    const home = tempDir('jianbao-user-');
    let cwd = home;
    const log: string[] = [];
    for (const line of quickStart()) {
      log.push(`$ ${line}`);
      const cd = /^mkdir (\S+) && cd \1$/.exec(line);
      if (cd) {
        cwd = path.join(cwd, cd[1]!);
        fs.mkdirSync(cwd, { recursive: true });
        continue;
      }
      // The tarball just packed stands for the one the README names; the cache stands for the registry.
      const cmd = line.replace(/\S*jianbao-[\w.-]*\.tgz/, tarball).replace(/^npm install\b/, 'npm install --offline --prefer-offline');
      const r = sh('sh', ['-c', cmd], cwd);
      log.push(r.stdout.trimEnd(), r.stderr.trimEnd());
      ok(r, log.join('\n'));
      expect(r.stderr, cmd).not.toMatch(/EBADENGINE|deprecated/);
    }
    expect(fs.existsSync(path.join(cwd, 'out/articles/sample-article/report.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'out/bulletins/sample-issue/bulletin.docx'))).toBe(true);
    if (process.env.JIANBAO_QUICKSTART_LOG) fs.writeFileSync(process.env.JIANBAO_QUICKSTART_LOG, log.filter(Boolean).join('\n') + '\n');
  });

  describe('in a project with the tarball installed', () => {
    let project: string;
    beforeAll(() => {
      project = tempDir('jianbao-installed-');
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'sample-reports', private: true, type: 'module' }, null, 2));
      ok(sh(NPM, ['install', '--offline', '--prefer-offline', '-D', tarball], project), 'npm install');
      ok(sh('node_modules/.bin/jianbao', ['init'], project), 'jianbao init');
      fs.copyFileSync(SEED, path.join(project, 'content/articles', path.basename(SEED)));
    }, 600_000);

    it('builds the seed with the CLI (the bin in node_modules/.bin, no registry)', () => {
      const r = sh('node_modules/.bin/jianbao', ['build', `content/articles/${path.basename(SEED)}`, '--jobs', '1', '--verify', '--json'], project);
      const json = JSON.parse(ok(r, 'jianbao build')) as { ok: boolean; outputs: { path: string }[] };
      expect(json.ok).toBe(true);
      expect(json.outputs.map((o) => o.path).sort()).toEqual(['articles/changzhou-united-front-2020/report.docx', 'articles/changzhou-united-front-2020/report.pdf']);
    });

    it('builds the seed through the library API, and says what is wrong with an option', () => {
      fs.writeFileSync(
        path.join(project, 'api.mjs'),
        `import { build, check, layouts, UsageError } from 'jianbao';
const seed = 'content/articles/${path.basename(SEED)}';
const checked = await check({ inputs: [seed] });
const built = await build({ inputs: [seed], formats: ['pdf'], out: 'api-out', jobs: 1, previews: false });
let usage;
try { await build({ inputs: seed }); } catch (e) { usage = { name: e.name, isUsage: e instanceof UsageError, message: e.message }; }
console.log(JSON.stringify({ ok: checked.ok, outputs: built.outputs.map((o) => o.path), layouts: layouts().map((l) => l.name), usage }));
`,
      );
      const out = JSON.parse(ok(sh('node', ['api.mjs'], project), 'api.mjs')) as { ok: boolean; outputs: string[]; layouts: string[]; usage: { name: string; isUsage: boolean; message: string } };
      expect(out.ok).toBe(true);
      expect(out.outputs).toEqual(['articles/changzhou-united-front-2020/report.pdf']);
      expect(fs.statSync(path.join(project, 'api-out/articles/changzhou-united-front-2020/report.pdf')).size).toBeGreaterThan(50_000);
      expect(out.layouts).toEqual(expect.arrayContaining(['booklet', 'bulletin', 'report']));
      // The value is quoted as found (a long one cut short with …).
      expect(out.usage).toMatchObject({ name: 'UsageError', isUsage: true });
      expect(out.usage.message).toMatch(/^build\(\): `inputs`: expected a list of paths, e\.g\. \['content\/articles\/a\.yaml'\], found the text "content\/articles\/changzhou/);
    });

    it('has types: a TypeScript user gets the options checked', () => {
      fs.writeFileSync(
        path.join(project, 'use.ts'),
        `import { build, check, preview, watch, type BuildOptions, type Diagnostic, type WatchOutcome } from 'jianbao';
const options: BuildOptions = { inputs: ['content/articles'], formats: ['pdf'], jobs: 1 };
export async function run(): Promise<Diagnostic[]> {
  await build(options);
  // @ts-expect-error: inputs is a list of paths
  await build({ inputs: 'content/articles' });
  // @ts-expect-error: a misspelt option
  await build({ formts: ['pdf'] });
  const stop = new AbortController();
  await watch({ signal: stop.signal, onBuild: (outcome: WatchOutcome) => void ('error' in outcome ? outcome.error : outcome.result.outputs) });
  await (await preview({ port: 0 })).close();
  return (await check()).diagnostics;
}
`,
      );
      const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
      ok(sh('node', [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), 'use.ts'], project), 'tsc on use.ts');
    });
  });
});
