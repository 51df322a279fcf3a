import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support.js';

/**
 * The real CLI as users run it: the compiled bin (npm test compiles first), in a child process
 * with its own working folder.
 */
export const BIN = path.join(ROOT, 'bin/jianbao.cjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function jianbao(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.cjs'))) throw new Error('run `npm run compile` first');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A long-running command (`build --watch`, `preview`), with its output collected and a way to wait for a line. */
export function jianbaoLive(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const io = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (io.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (io.stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    io,
    closed,
    /** Waits until `test` holds for the output since `from` (a mark of io.stdout.length, io.stderr.length). */
    async until(test: (out: { stdout: string; stderr: string }) => boolean, what: string, from = { stdout: 0, stderr: 0 }, ms = 60_000): Promise<void> {
      const started = Date.now();
      while (!test({ stdout: io.stdout.slice(from.stdout), stderr: io.stderr.slice(from.stderr) })) {
        if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}\nstdout:\n${io.stdout}\nstderr:\n${io.stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    mark: () => ({ stdout: io.stdout.length, stderr: io.stderr.length }),
    async stop(): Promise<number | null> {
      child.kill('SIGINT');
      return closed;
    },
  };
}

/** A short sample article (示例). */
export function sampleArticle(title: string, paragraphs: string[] = ['示例段落，用于测试项目根目录。']): string {
  return [`title: ${title}`, 'date: 2021-03-04', 'body:', ...paragraphs.map((p) => `  - ${p}`), ''].join('\n');
}

/** Writes files under a folder (parents made). */
export function write(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, data] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
}

/** A PNG of 1 × 1 pixel (a picture an article can show). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
