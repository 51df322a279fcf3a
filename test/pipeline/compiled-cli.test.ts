import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support.js';

/**
 * The compiled CLI as users run it, twice in a row: the second run compiles the bundle from the
 * V8 code cache the first one wrote, and Node 20 gives a script compiled from cached data no
 * loader for import(). What jianbao imports from outside the bundle (pdf.js for --verify and for
 * previews) must load on both runs.
 */
const CLI = path.join(ROOT, 'bin/jianbao.cjs');

function run(dir: string, args: string[], env: Record<string, string>): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('the compiled CLI with its code cache', () => {
  it('reads its PDF back with pdf.js (--verify, pdf.js previews) on the first run and the next', () => {
    expect(fs.existsSync(path.join(ROOT, 'dist/cli.cjs')), 'run `npm run compile` first').toBe(true);
    const dir = tempDir('compiled-cli-');
    fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'content/articles/sample-work-meeting.yaml'), path.join(dir, 'content/articles/sample-work-meeting.yaml'));
    const cache = path.join(dir, 'cache');
    for (const attempt of ['first run, no cache', 'second run, from the cache']) {
      const r = run(dir, ['build', '--force', '--verify', '--jobs', '1', '-q'], { JIANBAO_CACHE_DIR: cache, JIANBAO_PREVIEW: 'pdfjs' });
      expect(r.stderr, attempt).not.toMatch(/internal error|ERR_VM_DYNAMIC_IMPORT/);
      expect(r.status, `${attempt}: ${r.stderr}`).toBe(0);
      expect(fs.existsSync(path.join(dir, 'out/articles/sample-work-meeting/report.preview.png')), attempt).toBe(true);
      fs.rmSync(path.join(dir, 'out/articles/sample-work-meeting/report.preview.png'));
    }
    expect(fs.readdirSync(path.join(cache, 'v8')).length).toBeGreaterThan(0);
  }, 60_000);
});
