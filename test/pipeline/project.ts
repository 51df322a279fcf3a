import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ROOT, tempDir } from '../support.js';

/** A short article: enough for a real one-page PDF and DOCX, quick to render. */
export function article(title: string, extra: { layouts?: string[]; date?: string; body?: string[] } = {}): string {
  const body = extra.body ?? [`${title}的正文第一段，用于测试构建。`, `第二段：增量构建只重做变化了的输出。`];
  return [
    `title: ${title}`,
    `column: 测试栏目`,
    `date: ${extra.date ?? '2021-03-04'}`,
    ...(extra.layouts ? [`layouts: [${extra.layouts.join(', ')}]`] : []),
    `body:`,
    ...body.map((p) => `  - ${p}`),
    '',
  ].join('\n');
}

/**
 * A project folder of its own, as a user has one: content/, and templates/ with the repository's
 * `report` layout (template, theme, the `blocks` and `furniture` partials) plus `memo`, a copy of `report`, so a
 * test can change one layout and see which outputs are rebuilt. Fonts come from npm.
 */
export function makeProject(articles: Record<string, string>): string {
  const dir = tempDir('jianbao-build-');
  const templates = path.join(dir, 'templates');
  fs.mkdirSync(path.join(templates, 'partials'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'templates/report.hbs'), path.join(templates, 'report.hbs'));
  fs.copyFileSync(path.join(ROOT, 'templates/report.theme.yaml'), path.join(templates, 'report.theme.yaml'));
  for (const partial of ['blocks.hbs', 'furniture.hbs']) fs.copyFileSync(path.join(ROOT, 'templates/partials', partial), path.join(templates, 'partials', partial));
  fs.copyFileSync(path.join(ROOT, 'templates/report.hbs'), path.join(templates, 'memo.hbs'));
  // `memo` lays out articles too, but only those that ask for it: `report` stays the default.
  const memoTheme = fs.readFileSync(path.join(ROOT, 'templates/report.theme.yaml'), 'utf8').replace(/^layout: .*$/m, 'layout: { content: article }');
  fs.writeFileSync(path.join(templates, 'memo.theme.yaml'), memoTheme);
  for (const [name, text] of Object.entries(articles)) {
    const file = path.join(dir, 'content/articles', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** Every file under a folder, relative, sorted, with its bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

export interface Manifest {
  outputs: { path: string; sha256: string; key: string; format: string; pages?: number; preview?: string; bytes: number; source: string; layout: string; draft?: true }[];
}

export function readManifest(out: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * Runs `jianbao` from the TypeScript sources in a child process (tsx), so a test controls its
 * environment (TZ, SOURCE_DATE_EPOCH, CI) as a user's shell would.
 */
export function runJianbao(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnJianbao(args, opts);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The child process itself, for a long-running command such as `build --watch`. */
export function spawnJianbao(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): ChildProcessByStdio<null, Readable, Readable> {
  const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v;
  return spawn(process.execPath, ['--import', tsx, path.join(ROOT, 'src/cli/entry.ts'), ...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}
