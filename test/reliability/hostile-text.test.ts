import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleYaml, expectRefused, hostileProject, removeProjects, runIn } from './hostile.js';

/**
 * Characters that print nothing, and variation sequences: each is named as what it is (its code
 * point and name) with what to do, never answered with "add a font", and never dropped.
 */
afterAll(removeProjects);

const BAD = 'content/articles/bad.yaml';
const build = ['build', '--jobs', '1', '--no-preview', BAD];
const refuse = (yaml: string, rule: string, line: number, column: number, message: string, hint?: string) =>
  expectRefused(hostileProject({ files: { [BAD]: yaml } }), build, [{ rule, file: BAD, line, column, message, ...(hint ? { hint } : {}) }]);

describe('invisible format characters are named, not sent to a font', () => {
  const cases: [string, string, string, string][] = [
    ['right-to-left override', '\u202E', 'U+202E (RIGHT-TO-LEFT OVERRIDE)', 'changes the direction'],
    ['left-to-right isolate', '\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)', 'changes the direction'],
    ['zero-width space', '\u200B', 'U+200B (ZERO WIDTH SPACE)', 'left over from copying a web page'],
    ['zero-width joiner', '\u200D', 'U+200D (ZERO WIDTH JOINER)', 'prints nothing'],
    ['byte order mark inside text', '\uFEFF', 'U+FEFF (ZERO WIDTH NO-BREAK SPACE (byte order mark))', 'prints nothing'],
    ['soft hyphen', '\u00AD', 'U+00AD (SOFT HYPHEN)', 'prints nothing'],
    ['word joiner', '\u2060', 'U+2060 (WORD JOINER)', 'prints nothing'],
    ['a tag character', '\u{E0041}', 'U+E0041 (TAG CHARACTER)', 'prints nothing'],
  ];
  it('a Hangul filler (a default ignorable, not a format character)', async () => {
    const stderr = await refuse(articleYaml('  - 前文\u3164后文\n'), 'control-char', 4, 7, 'invisible format character U+3164 (HANGUL FILLER)');
    expect(stderr).not.toContain('add a font');
  }, 20_000);
  for (const [name, ch, message, hint] of cases) {
    it(`${name}, written as it is`, async () => {
      const stderr = await refuse(articleYaml(`  - 前文${ch}后文\n`), 'control-char', 4, 7, `invisible format character ${message}`, undefined);
      expect(stderr).toContain(hint);
      expect(stderr).not.toMatch(/add a font|missing-glyph/);
    }, 20_000);
  }

  it('escaped in a double-quoted title, at its backslash', async () => {
    const stderr = await refuse('title: "标题\\u202E文字"\ndate: 2021-03-04\nbody: [段落]\n', 'control-char', 1, 11, 'U+202E (RIGHT-TO-LEFT OVERRIDE)');
    expect(stderr).not.toContain('add a font');
  }, 20_000);

  it('several in one text: the first, and how many more', () =>
    refuse(articleYaml('  - 甲\u200B乙\u200B丙\u202E丁\n'), 'control-char', 4, 6, 'U+200B (ZERO WIDTH SPACE) in text (and 2 more)'), 20_000);

  it('in a table cell and a list item', () =>
    expectRefused(hostileProject({ files: { [BAD]: articleYaml('  - table:\n      rows: [[甲\u200B, 乙]]\n  - list: [丙\u202E]\n') } }), build, [
      { rule: 'control-char', file: BAD, line: 5, column: 16, message: 'U+200B' },
      { rule: 'control-char', file: BAD, line: 6, column: 13, message: 'U+202E' },
    ]), 20_000);

  it('in the layout’s own text: named, not sent to a font', async () => {
    const dir = hostileProject({ files: { [BAD]: articleYaml() }, templates: [['report.hbs', '{{cnDate article.date}}</p>', '{{cnDate article.date}}\u202E</p>']] });
    expect(fs.readFileSync(path.join(dir, 'templates/report.hbs'), 'utf8')).toContain('\u202E');
    const { code, stderr } = await runIn(dir, build);
    expect(code).toBe(1);
    expect(stderr).toMatch(/error\[control-char\]: invisible format character U\+202E \(RIGHT-TO-LEFT OVERRIDE\) in text from the layout/);
    expect(stderr).not.toContain('add a font');
  }, 20_000);
});

describe('variation sequences are refused with what they are, never silently dropped', () => {
  it('an ideographic variation sequence the face lacks (葛 + U+E0100)', async () => {
    const stderr = await refuse(articleYaml('  - 诸葛\u{E0100}亮\n'), 'variation-selector', 4, 6, "'葛' followed by the variation selector U+E0100", 'delete the selector after');
    expect(stderr).toContain('has no glyph for this variant');
    expect(stderr).not.toContain('missing-glyph');
  }, 20_000);

  it('a standardized variation sequence the face has (、 + U+FE01): the PDF writer cannot keep it yet', async () => {
    const stderr = await refuse(articleYaml('  - 甲、\uFE01乙\n'), 'variation-selector', 4, 6, "'、' followed by the variation selector U+FE01");
    expect(stderr).toContain('cannot set variation sequences yet');
  }, 20_000);

  it('in a title, escaped', () => refuse('title: "标\\uFE00题"\ndate: 2021-03-04\nbody: [段落]\n', 'variation-selector', 1, 8, 'U+FE00'), 20_000);
});
