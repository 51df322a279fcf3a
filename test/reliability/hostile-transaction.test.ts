import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support.js';
import { checkOutcome, CLI, expectListsTrue, nestedProject, removeNested, spawnCli } from './outputs.js';

/**
 * One output transaction per build, against the disk and the user: a write the disk takes only
 * in part (a full disk, a file-size limit), a read-only disk and a folder the build may not
 * write are each one `error[io]` naming the file, exit 1; the previous file stays whole and
 * listed; the build says exactly what it wrote; and Ctrl-C or SIGTERM mid-build leaves
 * manifest.json and SHA256SUMS true. These run the compiled CLI, as the limits and signals
 * reach a process.
 */
afterAll(removeNested);

const SENTENCE = '全市统一战线第一时间认真落实市委、市政府决策部署，积极动员全市统一战线成员参与疫情防控，组织广大非公经济人士、党派成员、新阶层人士捐款捐物，支援全市疫情防控工作。';
/** An article of `paragraphs` paragraphs (its PDF: about 32 KB for 40); with none, one short paragraph (8 KB). */
const article = (title: string, paragraphs: number) =>
  `title: ${title}\ndate: 2021-03-04\nbody:\n${paragraphs === 0 ? '  - 示例段落。' : Array.from({ length: paragraphs }, (_, i) => `  - 第${i + 1}段，${SENTENCE}`).join('\n')}\n`;

/** A project of a short article a and a long one b, built once (PDF only), then both edited so both are stale. */
async function builtTwice(): Promise<{ outer: string; dir: string; previous: Buffer }> {
  const p = nestedProject({ files: { 'content/articles/a.yaml': article('示例短文', 0), 'content/articles/b.yaml': article('示例长文', 40) } });
  const first = await spawnCli(p.dir, ['build', '--jobs', '1', '--no-preview', '--format', 'pdf']);
  expect(first.code, first.stderr).toBe(0);
  fs.writeFileSync(path.join(p.dir, 'content/articles/a.yaml'), article('示例短文（修改）', 0));
  fs.writeFileSync(path.join(p.dir, 'content/articles/b.yaml'), article('示例长文（修改）', 40));
  return { ...p, previous: fs.readFileSync(path.join(p.dir, 'out/articles/b/report.pdf')) };
}

const REBUILD = ['build', '--jobs', '1', '--no-preview', '--format', 'pdf'];
const WROTE_A = '1 error; wrote 1 of 2 outputs (articles/a/report.pdf); not written: articles/b/report.pdf; out/manifest.json lists what is there';

/** After a failed write of b: a is new, b is the previous file whole and listed, the lists true. */
function expectBKept(out: string, previous: Buffer): void {
  expect(fs.readFileSync(path.join(out, 'articles/b/report.pdf')).equals(previous), 'the previous b is whole').toBe(true);
  const listed = expectListsTrue(out);
  expect(listed.map((e) => e.path)).toEqual(['articles/a/report.pdf', 'articles/b/report.pdf']);
}

/**
 * Runs the build in a mount namespace of its own (`unshare -m` as root, `-rm` otherwise), after
 * `setup` (mounts made there vanish with it), and copies the out folder to `out-after` for the
 * test to read.
 */
function inOwnMounts(dir: string, setup: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = REBUILD.map((a) => `'${a}'`).join(' ');
  const script = `set -e; ${setup}; set +e; '${process.execPath}' '${CLI}' ${args}; rc=$?; cp -a out ../out-after; exit $rc`;
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', [process.getuid?.() === 0 ? '-m' : '-rm', 'bash', '-c', script], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  expect(fs.existsSync(path.join(ROOT, 'dist/cli.cjs')), 'run `npm run compile` first').toBe(true);
});

describe('a disk that takes a file only in part', () => {
  it('a file-size limit (ulimit -f): the long PDF is refused whole, never renamed truncated', async () => {
    const { dir, previous } = await builtTwice();
    const r = await spawnCli(dir, REBUILD, { shell: 'ulimit -f 16;' });
    checkOutcome(r, {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/b/report.pdf', line: 1, column: 1, message: 'cannot write out/articles/b/report.pdf: the file would be larger than the system allows (ulimit -f)' }],
      last: WROTE_A,
    });
    expect(r.stdout).not.toContain('wrote articles/b/report.pdf');
    expectBKept(path.join(dir, 'out'), previous);
  }, 90_000);

  it('a file-size limit on workers: the jobs still waiting are never started, and the build ends', async () => {
    // Six long articles on two workers: the first write that fails stops the build with jobs
    // still queued. (A worker the closed pool started for them kept the process alive for ever.)
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => [`content/articles/${n}.yaml`, article(`示例长文${n}`, 40)]));
    const { dir } = nestedProject({ files });
    const r = await spawnCli(dir, ['build', '--jobs', '2', '--no-preview', '--format', 'pdf'], { shell: 'ulimit -f 16;' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^out\/articles\/[a-f]\/report\.pdf:1:1: error\[io\]: cannot write out\/articles\/[a-f]\/report\.pdf: the file would be larger than the system allows \(ulimit -f\)$/m);
    expect(r.stderr).toMatch(/nothing was written\n$/);
  }, 90_000);

  it('a full disk (ENOSPC on a small tmpfs)', async () => {
    const { outer, dir } = await builtTwice();
    // The out folder on a disk of its own, 72 KB (18 pages of 4 KB), holding the first build's
    // files (13 pages) and the lock: a's new PDF fits beside its old one (2 pages more), b's (8) does not.
    const r = await inOwnMounts(dir, 'cp -a out ../out-before; mount -t tmpfs -o size=72k tmpfs out; cp -a ../out-before/. out/');
    checkOutcome(r, {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/b/report.pdf', line: 1, column: 1, message: 'cannot write out/articles/b/report.pdf: no space left on the disk' }],
      last: WROTE_A,
    });
    expectBKept(path.join(outer, 'out-after'), fs.readFileSync(path.join(outer, 'out-before/articles/b/report.pdf')));
  }, 90_000);

  it('a read-only disk (EROFS) where one output goes', async () => {
    const { outer, dir, previous } = await builtTwice();
    const r = await inOwnMounts(dir, 'mount --bind out/articles/b out/articles/b; mount -o remount,bind,ro out/articles/b');
    checkOutcome(r, {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/b/report.pdf', line: 1, column: 1, message: 'cannot write out/articles/b/report.pdf: the disk is read-only' }],
      last: WROTE_A,
    });
    expectBKept(path.join(outer, 'out-after'), previous);
  }, 90_000);

  it('a folder the build may not write (EACCES)', async () => {
    const { outer, dir, previous } = await builtTwice();
    // As root, the build runs as nobody in a project nobody owns but for out/articles/b; otherwise that folder is made read-only.
    const root = process.getuid?.() === 0;
    if (root) {
      fs.chmodSync(outer, 0o755);
      for (const p of [dir, path.join(dir, 'content'), path.join(dir, 'content/articles')]) fs.chmodSync(p, 0o755);
      const chown = (p: string) => {
        fs.chownSync(p, 65534, 65534);
        if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chown(path.join(p, e));
      };
      chown(path.join(dir, 'out'));
      fs.chownSync(path.join(dir, 'out/articles/b'), 0, 0);
    } else fs.chmodSync(path.join(dir, 'out/articles/b'), 0o555);
    const r = await spawnCli(dir, REBUILD, root ? { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'env', 'JIANBAO_CACHE_DIR=off'] } : {});
    checkOutcome(r, {
      code: 1,
      diagnostics: [{ rule: 'io', file: 'out/articles/b/report.pdf', line: 1, column: 1, message: 'cannot write out/articles/b/report.pdf: permission denied' }],
      last: WROTE_A,
    });
    fs.chmodSync(path.join(dir, 'out/articles/b'), 0o755);
    expectBKept(path.join(dir, 'out'), previous);
  }, 90_000);
});

describe('a build stopped by a signal', () => {
  const ARTICLES = 6;
  async function stopAfterTwo(signal: NodeJS.Signals) {
    const files = Object.fromEntries(Array.from({ length: ARTICLES }, (_, i) => [`content/articles/a${i}.yaml`, article(`示例文章${i}`, 8)]));
    const { dir } = nestedProject({ files });
    const first = await spawnCli(dir, ['build', '--jobs', '1', '--no-preview']);
    expect(first.code, first.stderr).toBe(0);
    const before = JSON.parse(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[] };
    for (let i = 0; i < ARTICLES; i++) fs.writeFileSync(path.join(dir, `content/articles/a${i}.yaml`), article(`示例文章${i}（修改）`, 8));
    let sent = false;
    const r = await spawnCli(dir, ['build', '--jobs', '1', '--no-preview'], {
      onStdout: (text, child) => {
        if (!sent && (text.match(/^wrote /gm) ?? []).length >= 2) {
          sent = true;
          child.kill(signal);
        }
      },
    });
    return { dir, r, before };
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %d, the manifest and SHA256SUMS true, and what was written said', async (signal, code) => {
    const { dir, r, before } = await stopAfterTwo(signal);
    const written = [...r.stdout.matchAll(/^wrote (\S+)/gm)].map((m) => m[1]!).sort();
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThan(ARTICLES * 2);
    const notWritten = before.outputs.map((o) => o.path).filter((p) => !written.includes(p)).sort();
    checkOutcome(r, { code, diagnostics: [], last: `stopped by ${signal}; wrote ${written.length} of ${ARTICLES * 2} outputs (${list(written)}); not written: ${list(notWritten)}; out/manifest.json lists what is there` });
    const listed = expectListsTrue(path.join(dir, 'out'));
    // Each output is listed: the new ones with their new sha256, the others still the previous file.
    expect(listed.map((e) => e.path).sort()).toEqual(before.outputs.map((o) => o.path).sort());
    for (const e of listed) {
      const old = before.outputs.find((o) => o.path === e.path)!;
      if (written.includes(e.path)) expect(e.sha256).not.toBe(old.sha256);
      else expect(e.sha256).toBe(old.sha256);
    }
  }, 120_000);
});

function list(paths: string[]): string {
  return paths.length <= 8 ? paths.join(', ') : `${paths.slice(0, 8).join(', ')} and ${paths.length - 8} more`;
}
