import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEED, tempDir } from '../support.js';

function contentFile(text: string): { dir: string; file: string } {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
  const file = path.join(dir, 'content/articles/bad.yaml');
  fs.writeFileSync(file, text);
  return { dir, file };
}

describe('jianbao CLI', () => {
  it('documents the build flags in build --help', async () => {
    const { code, stdout } = await cli(['build', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--layout', '--format', '--out', '--json', 'manifest.json', 'Exit codes']) expect(stdout).toContain(flag);
  });

  it('has --help for every command and lists them', async () => {
    const main = await cli(['--help']);
    expect(main.code).toBe(0);
    for (const name of ['build', 'check']) {
      expect(main.stdout).toContain(name);
      const { code, stdout } = await cli([name, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: jianbao ${name}`);
    }
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['build', '--colour'])).code).toBe(2);
    expect((await cli(['build', '--format', 'odt'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('exits 1 with file:line:col diagnostics on bad content, and writes nothing', async () => {
    const { dir } = contentFile('title: 示例标题\ndate: 2021-02-30\ntitel: x\nbody:\n  - 示例段落\n');
    const out = path.join(dir, 'out');
    const { code, stderr, stdout } = await cli(['build', '--out', out], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('content/articles/bad.yaml:2:7: error[schema]: `date`: this date does not exist in the calendar');
    expect(stderr).toContain('content/articles/bad.yaml:3:1: error[unknown-key]: unknown field `titel`');
    expect(stderr).toContain('did you mean `title`?');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('prints diagnostics as JSON with --json', async () => {
    const { dir } = contentFile('title: 示例\nbody: []\n');
    const { code, stdout } = await cli(['check', '--json'], dir);
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as { diagnostics: { rule: string; pos: { line: number } }[] };
    expect(parsed.diagnostics[0]).toMatchObject({ rule: 'missing-field', pos: { line: 1 } });
  });

  it('checks the seed without writing', async () => {
    const { code, stdout } = await cli(['check', SEED]);
    expect(code).toBe(0);
    expect(stdout).toContain('ok');
  });

  it('builds only the formats asked for and lists them in the manifest', async () => {
    const out = tempDir();
    const { code } = await cli(['build', SEED, '--format', 'docx', '--out', out, '--quiet']);
    expect(code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: Record<string, unknown>[] };
    expect(manifest.outputs).toHaveLength(1);
    expect(manifest.outputs[0]).toMatchObject({ source: 'content/articles/changzhou-united-front-2020.yaml', layout: 'report', format: 'docx', path: 'articles/changzhou-united-front-2020/report.docx' });
    expect(manifest.outputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a character no font of its role has, before writing, naming where it is', async () => {
    const { dir } = contentFile('title: 示例标题\ndate: 2021-03-04\nbody:\n  - 示例段落有一个𠀀字\n');
    const out = path.join(dir, 'out');
    const { code, stderr } = await cli(['build', '--out', out], dir);
    expect(code).toBe(1);
    expect(stderr).toContain("bad.yaml:4:12: error[missing-glyph]: '𠀀' (U+20000) is not in 'Noto Serif SC' (body)");
    expect(fs.existsSync(out)).toBe(false);
  });

  it('reads every output back with --verify', async () => {
    const out = tempDir();
    const { code, stderr } = await cli(['build', SEED, '--verify', '--out', out, '--quiet', '--jobs', '1', '--no-preview']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
