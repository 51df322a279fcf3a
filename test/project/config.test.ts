import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support.js';
import { jianbao, sampleArticle, write } from './run.js';

/** A project with one article and this jianbao.yaml. */
function project(config: string, files: Record<string, string> = {}): string {
  const dir = tempDir('jianbao-config-');
  write(dir, { 'jianbao.yaml': config, 'content/articles/a.yaml': sampleArticle('示例设置文章'), ...files });
  return dir;
}

describe('jianbao.yaml', () => {
  it('is checked like content: an unknown key at its line and column, with a did-you-mean', () => {
    const dir = project('# settings\nformats: [pdf]\noutt: build\n');
    const r = jianbao(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('jianbao.yaml:3:1: error[unknown-key]: unknown field `outt`');
    expect(r.stderr).toContain('= hint: did you mean `out`?');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('names the format and layout it does not know, where they are written', () => {
    const dir = project('formats: [pdf, dcox]\nlayouts:\n  article: [reprot]\n');
    const r = jianbao(['check', '--json'], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { rule: string; message: string; pos: { line: number; column: number }; hints: string[] }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ rule: 'unknown-format', message: 'unknown format `dcox`', pos: expect.objectContaining({ line: 1, column: 16 }), hints: ['did you mean `docx`?'] }),
      expect.objectContaining({ rule: 'unknown-layout', message: 'unknown layout `reprot`', pos: expect.objectContaining({ line: 3, column: 13 }), hints: ['did you mean `report`?'] }),
    ]);
  });

  it('keeps the out folder inside the project and off its sources', () => {
    for (const [out, words] of [['../elsewhere', 'is outside the project'], ['content/out', 'inside content/'], ['.', 'the project folder itself']] as const) {
      const r = jianbao(['build'], project(`out: ${out}\n`));
      expect(r.code, out).toBe(1);
      expect(r.stderr, out).toContain(`jianbao.yaml:1:6: error[out-folder]: \`out\`: `);
      expect(r.stderr, out).toContain(words);
    }
  });

  it('sets the formats, the out folder and the default layouts; flags win over it', () => {
    const dir = project('out: site/out\nformats: [docx]\nlayouts:\n  article: [memo]\n', {
      // A project layout beside the built-in ones (its template includes the built-in partials).
      'templates/memo.hbs': fs.readFileSync(path.join(import.meta.dirname, '../../templates/report.hbs'), 'utf8'),
      'templates/memo.theme.yaml': fs.readFileSync(path.join(import.meta.dirname, '../../templates/report.theme.yaml'), 'utf8').replace(/^layout: .*$/m, 'layout: { content: article }'),
    });
    expect(jianbao(['build', '--no-preview', '--jobs', '1'], dir).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'site/out/articles/a'))).toEqual(['memo.docx']);
    expect(jianbao(['build', '--no-preview', '--jobs', '1', '--format', 'pdf', '--layout', 'report', '--out', 'flags'], dir).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'flags/articles/a'))).toEqual(['report.pdf']);
  });

  it('gives the issues of a series what they leave out, their own values first', () => {
    const config = 'series:\n  示例简报系列:\n    publisher: 示例编印单位\n    copies: 30\n';
    const issue = 'bulletin: 示例简报系列\nissue: 1\ndate: 2021-03-10\ncolumns:\n  - { name: 工作动态, articles: [a] }\n';
    const dir = project(config, { 'content/bulletins/i1.yaml': issue, 'content/bulletins/i2.yaml': issue.replace('issue: 1', 'issue: 2') + 'copies: 0\n' });
    const r = jianbao(['check', '--json'], dir);
    const json = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { message: string; pos: { file: string; line: number } }[] };
    // i1 takes publisher and copies from the series; i2's own `copies: 0` is its own, and wrong.
    expect(json.diagnostics).toEqual([expect.objectContaining({ message: '`copies`: must be 1 or more', pos: expect.objectContaining({ file: 'content/bulletins/i2.yaml', line: 6 }) })]);
    expect(jianbao(['check', '--json', '--root', dir], tempDir()).code).toBe(1);
    fs.writeFileSync(path.join(dir, 'content/bulletins/i2.yaml'), issue.replace('issue: 1', 'issue: 2'));
    expect(jianbao(['check'], dir)).toMatchObject({ code: 0, stdout: 'ok: no errors\n' });
    // Without the series' defaults, an issue that leaves out publisher and copies is an error.
    fs.writeFileSync(path.join(dir, 'jianbao.yaml'), '');
    const bare = jianbao(['check'], dir);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('missing field `publisher`');
  });
});
