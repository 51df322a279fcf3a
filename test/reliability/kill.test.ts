import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support.js';

/**
 * Nothing half-written: a build killed with SIGKILL at any moment leaves each output either the
 * previous complete version or the new complete one, and a build that fails on bad input leaves
 * the out folder byte for byte as it was. Runs the compiled CLI (`node bin/jianbao.cjs build`,
 * as `npm test` compiles first) in a project folder of 30 long articles.
 */
const ARTICLES = 30;
const CLI = path.join(ROOT, 'bin/jianbao.cjs');
const TEMP = /^\..*\.tmp$/;

const SENTENCE = '全市统一战线第一时间认真落实市委、市政府决策部署，积极动员全市统一战线成员参与疫情防控，组织广大非公经济人士、党派成员、新阶层人士捐款捐物，支援全市疫情防控工作。';

function writeArticles(dir: string, version: string): void {
  for (let i = 0; i < ARTICLES; i++) {
    const body = Array.from({ length: 15 }, (_, p) => `      - ${version}第${p + 1}段，${SENTENCE}${SENTENCE.slice((p * 7) % 40)}`).join('\n');
    const yaml = `title: 第${i + 1}篇长文章（${version}）\ndate: 2021-03-04\nbody:\n  - heading: 第一部分\n    body:\n${body}\n`;
    fs.writeFileSync(path.join(dir, `content/articles/a${String(i).padStart(2, '0')}.yaml`), yaml);
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  outputs: number;
  stderr: string;
}

/** Runs `jianbao build`; with `killAfter`, SIGKILLs it that many ms after its `outputs`-th written output (or after start when 0). */
function runBuild(dir: string, killAfter?: { outputs: number; ms: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'build', '--no-preview'], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let outputs = 0;
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed || !killAfter) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), killAfter.ms);
    };
    if (killAfter?.outputs === 0) arm();
    child.stdout.on('data', (d: Buffer) => {
      outputs += (d.toString().match(/^wrote /gm) ?? []).length;
      if (killAfter && outputs >= killAfter.outputs) arm();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, outputs, stderr }));
  });
}

/** Every file under the out folder, by relative path, with its sha256. */
function tree(out: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(out, full), crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  if (fs.existsSync(out)) walk(out);
  return files;
}

/** A complete output: a PDF pdf.js opens to its last page, a DOCX that unzips with its document. */
async function assertComplete(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (file.endsWith('.pdf')) {
    expect(Buffer.from(bytes.subarray(-6)).toString('latin1'), file).toMatch(/%%EOF\s*$/);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, stopAtErrors: true }).promise;
    try {
      expect(doc.numPages, file).toBeGreaterThan(0);
      await doc.getPage(doc.numPages);
    } finally {
      await doc.destroy();
    }
  } else if (file.endsWith('.docx')) {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts), file).toContain('word/document.xml');
  } else if (file.endsWith('.json')) {
    expect(() => JSON.parse(fs.readFileSync(file, 'utf8')), file).not.toThrow();
  }
}

describe('nothing half-written', () => {
  let dir: string;
  let out: string;
  let previous: Map<string, string>;
  const snapshots: { moment: string; run: Run; files: Map<string, string> }[] = [];

  beforeAll(async () => {
    expect(fs.existsSync(path.join(ROOT, 'dist/cli.cjs')), 'run `npm run compile` first').toBe(true);
    dir = tempDir('jianbao-kill-');
    out = path.join(dir, 'out');
    fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
    writeArticles(dir, '初稿');
    const first = await runBuild(dir);
    expect(first.code, first.stderr).toBe(0);
    previous = tree(out);
    expect([...previous.keys()].filter((p) => /report\.(pdf|docx)$/.test(p))).toHaveLength(ARTICLES * 2);
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves every output previous-or-new when the build is killed at several moments', async () => {
    writeArticles(dir, '修改稿');
    const moments: [string, { outputs: number; ms: number }][] = [
      ['while loading and laying out', { outputs: 0, ms: 400 }],
      ['right after the first output', { outputs: 1, ms: 0 }],
      ['a few ms after the 8th', { outputs: 8, ms: 3 }],
      ['among the DOCX', { outputs: 35, ms: 1 }],
    ];
    for (const [moment, killAfter] of moments) {
      const run = await runBuild(dir, killAfter);
      const files = tree(out);
      snapshots.push({ moment, run, files });
      for (const [rel, hash] of files) {
        if (TEMP.test(path.basename(rel))) continue;
        // A file the build has not replaced yet is the previous complete one; any other must be complete.
        if (previous.get(rel) !== hash) await assertComplete(path.join(out, rel));
      }
      for (const rel of previous.keys()) if (/report\.(pdf|docx)$/.test(rel)) expect(files.has(rel), `${moment}: ${rel} still there`).toBe(true);
      // The lists stay true at any moment: SHA256SUMS lists a part of the manifest, and the manifest only files that are what it says.
      const listed = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[] };
      for (const e of listed.outputs) expect(files.get(e.path), `${moment}: ${e.path} is what the manifest says`).toBe(e.sha256);
      const sums = fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split('  '));
      for (const [sha, rel] of sums) expect(listed.outputs.find((e) => e.path === rel)?.sha256, `${moment}: ${rel} in SHA256SUMS`).toBe(sha);
    }
    expect(snapshots.filter((s) => s.run.signal === 'SIGKILL').length, 'the kills landed mid-build').toBeGreaterThanOrEqual(3);
    expect(snapshots.some((s) => [...s.files].some(([rel, h]) => /report\.pdf$/.test(rel) && previous.get(rel) !== h)), 'some new outputs were written before a kill').toBe(true);

    // Run to the end: now every output is the new version, and each earlier snapshot held,
    // for each output, exactly the previous version or exactly this one.
    const last = await runBuild(dir);
    expect(last.code, last.stderr).toBe(0);
    const final = tree(out);
    for (const [rel, hash] of final) {
      if (TEMP.test(path.basename(rel)) || !/report\.(pdf|docx)$/.test(rel)) continue;
      expect(hash, `${rel} was rebuilt`).not.toBe(previous.get(rel));
      for (const s of snapshots) expect([previous.get(rel), hash], `${s.moment}: ${rel}`).toContain(s.files.get(rel));
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[] };
    for (const e of manifest.outputs) expect(final.get(e.path), e.path).toBe(e.sha256);
    // Temporary files a killed build left behind are hidden, never listed as outputs.
    expect(manifest.outputs.some((e) => TEMP.test(path.basename(e.path)))).toBe(false);
  }, 180_000);

  it('keeps the previous file whole when a write itself is killed halfway', async () => {
    const target = path.join(dir, 'big.bin');
    fs.writeFileSync(target, 'previous complete version\n');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/reliability/write-big.ts'), target, '256'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('writing')) setTimeout(() => child.kill('SIGKILL'), 30);
    });
    expect(await closed).toBe('SIGKILL');
    expect(fs.readFileSync(target, 'utf8')).toBe('previous complete version\n');
    const leftovers = fs.readdirSync(dir).filter((f) => TEMP.test(f));
    expect(leftovers.length, 'the half-written temporary file is hidden beside it').toBeLessThanOrEqual(1);
    for (const f of leftovers) fs.rmSync(path.join(dir, f));
  }, 60_000);

  it('leaves out/ byte-identical when a build fails on bad input', async () => {
    const before = tree(out);
    const bad = path.join(dir, 'content/articles/zz-bad.yaml');
    fs.writeFileSync(bad, 'title: 坏文件\ndate: 2021-02-30\nbody: [段落]\n');
    writeArticles(dir, '第三稿');
    const run = await runBuild(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/articles/zz-bad.yaml:2:7: error[schema]');
    expect(tree(out)).toEqual(before);
  }, 60_000);
});
