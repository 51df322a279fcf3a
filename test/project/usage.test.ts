import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir } from '../support.js';
import { jianbao, sampleArticle, write } from './run.js';

function project(): string {
  const dir = tempDir('jianbao-usage-');
  write(dir, { 'content/articles/a.yaml': sampleArticle('示例用法文章') });
  return dir;
}

describe('help for typos', () => {
  it('suggests the command meant', () => {
    const r = jianbao(['buld'], project());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jianbao: unknown command `buld`\n  = hint: did you mean `jianbao build`?\nRun `jianbao --help` for usage.\n');
  });

  it('says an unknown flag in its own words, with the flag meant, and no unbalanced quote', () => {
    const r = jianbao(['build', '--formt', 'pdf'], project());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jianbao build: unknown option `--formt`\n  = hint: did you mean `--format`?\nRun `jianbao build --help` for usage.\n');
    expect(jianbao(['check', '--out'], project()).stderr).toContain('jianbao check: unknown option `--out`');
    expect(jianbao(['build', '--out'], project()).stderr).toContain('jianbao build: `--out` needs a value');
  });

  it('suggests the path meant', () => {
    const r = jianbao(['check', 'content/article'], project());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[io]: no such file or folder: content/article\n  = hint: did you mean `content/articles`?');
    expect(jianbao(['build', 'content/articles/b'], project()).stderr).toContain('did you mean `content/articles/a.yaml`?');
  });

  it('suggests a format value meant', () => {
    expect(jianbao(['build', '--format', 'pfd'], project()).stderr).toContain('jianbao build: --format: unknown value `pfd`\n  = hint: did you mean `pdf`?');
  });
});

describe('--json: one shape for every command', () => {
  const shape = (stdout: string) => {
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 2)).toEqual(['ok', 'diagnostics']);
    expect(typeof json['ok']).toBe('boolean');
    expect(Array.isArray(json['diagnostics'])).toBe(true);
    return json;
  };

  it('has ok and diagnostics on success and failure, usage errors included', () => {
    const dir = project();
    expect(shape(jianbao(['check', '--json'], dir).stdout)).toMatchObject({ ok: true });
    expect(shape(jianbao(['build', '--json', '--jobs', '1', '--no-preview', '--format', 'docx'], dir).stdout)).toMatchObject({ ok: true, outputs: [expect.objectContaining({ path: 'articles/a/report.docx' })] });
    expect(shape(jianbao(['layouts', '--json'], dir).stdout)).toMatchObject({ ok: true, layouts: expect.arrayContaining([expect.objectContaining({ name: 'report', isDefault: true })]) });
    expect(shape(jianbao(['import', SEED, '--json'], dir).stdout)).toMatchObject({ ok: true, article: expect.objectContaining({ title: expect.any(String) }) });
    expect(shape(jianbao(['init', 'new', '--json'], dir).stdout)).toMatchObject({ ok: true, written: expect.arrayContaining(['jianbao.yaml']) });

    fs.writeFileSync(`${dir}/content/articles/a.yaml`, 'title: 示例\nbody: []\n');
    const bad = jianbao(['check', '--json'], dir);
    expect(bad.code).toBe(1);
    expect(shape(bad.stdout)).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ rule: 'missing-field', pos: expect.objectContaining({ line: 1 }) })] });
    expect(shape(jianbao(['build', '--json'], dir).stdout)).toMatchObject({ ok: false });

    for (const args of [['build', '--json', '--formt', 'pdf'], ['buld', '--json'], ['import', '--json'], ['manifest', 'marge', '--json'], ['layouts', '--json', '--copy', 'reprot']]) {
      const r = jianbao(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(shape(r.stdout), args.join(' ')).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ severity: 'error', rule: 'usage' })] });
    }
  });
});
