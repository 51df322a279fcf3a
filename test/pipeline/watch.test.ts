import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { watchBuild } from '../../src/pipeline/watch.js';
import { DiagnosticError } from '../../src/diagnostics/index.js';
import { article, makeProject, readManifest, spawnJianbao } from './project.js';

type Outcome = { result?: BuildResult; error?: unknown; ms: number; changed: string[]; at: number };

/**
 * `build --watch` on a real project folder: saves files as an editor would and waits for the
 * rebuild. Runs through the library function the CLI calls, with the same callbacks.
 */
describe('build --watch', () => {
  let dir: string;
  const controller = new AbortController();
  const outcomes: Outcome[] = [];
  const waiters: ((o: Outcome) => void)[] = [];
  let done: Promise<void>;

  /** Saves a file and resolves with the first build that starts after the save. */
  const save = async (rel: string, text: string): Promise<Outcome & { latency: number }> => {
    const next = new Promise<Outcome>((resolve) => waiters.push(resolve));
    const savedAt = performance.now();
    fs.writeFileSync(path.join(dir, rel), text);
    const o = await next;
    return { ...o, latency: o.at - savedAt };
  };

  beforeAll(async () => {
    dir = makeProject({ 'a.yaml': article('甲文', { layouts: ['report', 'memo'] }), 'b.yaml': article('乙文') });
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    done = watchBuild({
      paths: projectPaths(dir),
      inputs: [],
      jobs: 2,
      signal: controller.signal,
      onReady: () => ready(),
      onBuild: (outcome, changed) => {
        const o: Outcome = { ...outcome, changed, at: performance.now() };
        outcomes.push(o);
        waiters.shift()?.(o);
      },
    });
    await isReady;
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.result!.outputs).toHaveLength(6);
  });

  afterAll(async () => {
    controller.abort();
    await done;
  });

  it('rebuilds the outputs of a saved content file, within a second or so', async () => {
    const o = await save('content/articles/b.yaml', article('乙文（改）'));
    expect(o.changed).toEqual(['content/articles/b.yaml']);
    expect(o.result!.outputs.map((e) => e.path)).toEqual(['articles/b/report.docx', 'articles/b/report.pdf']);
    console.log(`watch: save → 2 outputs rebuilt in ${o.latency.toFixed(0)} ms`);
    expect(o.latency).toBeLessThan(5000); // a second on an idle machine; CI machines are shared
  });

  it('rebuilds what a template change affects', async () => {
    const memo = path.join(dir, 'templates/memo.hbs');
    const o = await save('templates/memo.hbs', fs.readFileSync(memo, 'utf8') + '{{!-- saved --}}\n');
    expect(o.result!.outputs.map((e) => e.path)).toEqual(['articles/a/memo.docx', 'articles/a/memo.pdf']);
  });

  it('prints diagnostics for a broken save and keeps the last good outputs', async () => {
    const pdf = path.join(dir, 'out/articles/a/report.pdf');
    const before = fs.readFileSync(pdf);
    const manifest = readManifest(path.join(dir, 'out'));
    const broken = await save('content/articles/a.yaml', 'title: 甲文\ndate: 2021-13-01\nbody: []\n');
    expect(broken.error).toBeInstanceOf(DiagnosticError);
    expect((broken.error as DiagnosticError).diagnostics[0]!.pos).toMatchObject({ line: 2 });
    expect(fs.readFileSync(pdf).equals(before)).toBe(true);
    expect(readManifest(path.join(dir, 'out'))).toEqual(manifest);

    const fixed = await save('content/articles/a.yaml', article('甲文（修好）', { layouts: ['report', 'memo'] }));
    expect(fixed.result!.outputs.map((e) => e.path)).toEqual(['articles/a/memo.docx', 'articles/a/memo.pdf', 'articles/a/report.docx', 'articles/a/report.pdf']);
  });

  it('ignores its own writes to out/', () => {
    const changed = outcomes.flatMap((o) => o.changed);
    expect(changed.filter((c) => c.startsWith('out/'))).toEqual([]);
  });
});

describe('jianbao build --watch (the command)', () => {
  it('prints one line per rebuilt output with its time, diagnostics for a broken save, and stops on Ctrl-C', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    const child = spawnJianbao(['build', '--watch', '--jobs', '1'], { cwd: dir, env: { CI: 'true', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = async (test: () => boolean, what: string) => {
      const started = Date.now();
      while (!test()) {
        if (Date.now() - started > 60_000) throw new Error(`timed out waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => stdout.includes('watching content, templates'), 'the watch to start');
      expect(stdout).toMatch(/^\[\d\d:\d\d:\d\d\] wrote articles\/a\/report\.pdf {2}[\d.]+ KB {2}1 page {2}\d+ ms$/m);
      const mark = stdout.length;
      fs.writeFileSync(path.join(dir, 'content/articles/a.yaml'), article('甲文（改）'));
      await until(() => /rebuilt 2 of 2/.test(stdout.slice(mark)), 'the rebuild');
      expect(stdout.slice(mark)).toMatch(/\] wrote articles\/a\/report\.docx .* ms\n/);

      fs.writeFileSync(path.join(dir, 'content/articles/a.yaml'), 'title: 甲文\ndate: 2021-03-04\nbodyy: []\n');
      await until(() => stderr.includes('not rebuilt'), 'the diagnostics');
      expect(stderr).toContain('content/articles/a.yaml:3:1: error[unknown-key]: unknown field `bodyy`');
      expect(stderr).not.toMatch(/\x1b\[/); // NO_COLOR
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
  });
});
