import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxPlainText, pdfPlainText } from '../../src/verify/index.js';
import { ROOT } from '../support.js';
import { articleYaml, expectRefused, hostileProject, removeProjects, runIn } from './hostile.js';

/**
 * Hostile YAML, as content, as a theme and as the file `import --into` updates: alias cycles and
 * bombs, merge keys, floods of unknown or repeated keys, numbers that YAML would rewrite, issues
 * that name themselves or clash with a sibling, and did-you-mean hints that must not mislead.
 * Each is refused with exit 1 and its exact rule and place, nothing written; or, for numbers,
 * built with the text exactly as written.
 */
afterAll(removeProjects);

const BAD = 'content/articles/bad.yaml';
const build = (file = BAD) => ['build', '--jobs', '1', '--no-preview', file];
const refuse = (yaml: string, rule: string, line: number, column: number, message?: string | RegExp) =>
  expectRefused(hostileProject({ files: { [BAD]: yaml } }), build(), [{ rule, file: BAD, line, column, ...(message ? { message } : {}) }]);

describe('alias cycles are refused where the alias stands, never expanded', () => {
  const cases: [string, string, number, number][] = [
    ['a list that holds itself twice', articleYaml(undefined).replace('body:\n  - 示例段落。\n', 'body: &b [*b, *b]\n'), 3, 11],
    ['a list that holds itself once', 'title: 示例\ndate: 2021-03-04\nbody: &b [*b]\n', 3, 11],
    ['a mapping under an empty key', 'title: 示例\ndate: 2021-03-04\nsource: &m {"": *m}\nbody: [段落]\n', 3, 17],
    ['titleLines', 'title: 示例\ndate: 2021-03-04\ntitleLines: &t [*t]\nbody: [段落]\n', 3, 17],
    ['table rows', articleYaml('  - table:\n      rows: &r [[甲, 乙], *r]\n'), 5, 25],
    ['a section body, two levels down', articleYaml('  - heading: 一\n    body: &s\n      - heading: 二\n        body: *s\n'), 7, 15],
    ['through a mapping and a list', 'title: 示例\ndate: 2021-03-04\nx: &x {y: [1, {z: *x}]}\nbody: [段落]\n', 3, 19],
  ];
  for (const [name, yaml, line, column] of cases) {
    it(name, () => refuse(yaml, 'yaml-alias', line, column, 'an alias cycle'), 20_000);
  }

  it('in a bulletin issue’s articles', async () => {
    const issue = 'bulletin: 示例简报\nissue: 1\npublisher: 示例单位\ndate: 2021-03-10\ncopies: 10\ncolumns:\n  - name: 工作动态\n    articles: &a [*a]\n';
    const dir = hostileProject({ files: { 'content/bulletins/x.yaml': issue } });
    await expectRefused(dir, build('content/bulletins/x.yaml'), [{ rule: 'yaml-alias', file: 'content/bulletins/x.yaml', line: 8, column: 19, message: '`*a`' }]);
  }, 20_000);

  it('in a theme', async () => {
    const dir = hostileProject({ files: { [BAD]: articleYaml() }, templates: [['report.theme.yaml', "colors:\n  red: '#E60012'", "colors: &c\n  red: '#E60012'\n  more: *c"]] });
    const line = fs.readFileSync(path.join(ROOT, 'templates/report.theme.yaml'), 'utf8').split('\n').indexOf('colors:') + 3;
    await expectRefused(dir, build(), [{ rule: 'yaml-alias', file: 'templates/report.theme.yaml', line, column: 9, message: 'an alias cycle' }]);
  }, 20_000);

  it('in the file `import --into` updates', async () => {
    const dir = hostileProject({ files: { [BAD]: 'title: 示例\ndate: 2021-03-04\nbody: &b [*b]\n', 'draft.txt': '示例\n2021年3月4日\n第一段。\n' } });
    await expectRefused(dir, ['import', 'draft.txt', '--into', BAD, '--yes'], [{ rule: 'yaml-alias', file: BAD, line: 3, column: 11 }]);
  }, 20_000);
});

describe('alias expansion is bounded without expanding', () => {
  it('a billion laughs through mappings and keys', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} {${Array.from({ length: 9 }, (_, j) => `k${j}: *l${i}`).join(', ')}}`);
    const yaml = `title: 笑\ndate: 2021-03-04\nl0: &l0 哈哈哈哈哈哈哈哈哈哈\n${levels.join('\n')}\nbody: [*l9]\n`;
    await refuse(yaml, 'yaml-alias', 4, 14, 'expand past');
  }, 20_000);

  it('nesting made deep through aliases, each level shallow', async () => {
    const levels = Array.from({ length: 30 }, (_, i) => `n${i + 1}: &n${i + 1} [[[*n${i}]]]`);
    const yaml = `title: 深\ndate: 2021-03-04\nn0: &n0 [段落]\n${levels.join('\n')}\nbody: [段落]\n`;
    await refuse(yaml, 'yaml-alias', 4, 12, '64 levels');
  }, 20_000);

  it('a value repeated through aliases within the bound builds', async () => {
    const dir = hostileProject({ files: { [BAD]: 'title: &t 示例标题\ndate: 2021-03-04\nbody: [*t, *t, {list: [*t]}]\n' } });
    const { code, stderr } = await runIn(dir, build());
    expect(code, stderr).toBe(0);
  }, 30_000);
});

describe('what YAML 1.1 or a flood of keys would hide', () => {
  it('a merge key is named as one, not reported as missing fields', () =>
    refuse('base: &base\n  date: 2021-03-04\ntitle: 示例\n<<: *base\nbody: [段落]\n', 'yaml-merge', 4, 1, 'YAML 1.1 merge key'), 20_000);

  it('an inline merge key too', () => refuse('title: 示例\n<<: {date: 2021-03-04}\nbody: [段落]\n', 'yaml-merge', 2, 1), 20_000);

  it('100,000 unknown keys: twenty listed, the rest counted', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 值`).join('\n');
    const dir = hostileProject({ files: { [BAD]: `title: 示例\ndate: 2021-03-04\nbody: [段落]\n${keys}\n` } });
    const expected = Array.from({ length: 20 }, (_, i) => ({ rule: 'unknown-key', file: BAD, line: 4 + i, column: 1, message: `\`k${i}\`` }));
    await expectRefused(dir, build(), [...expected, { rule: 'unknown-keys', file: BAD, line: 24, column: 1, message: '99,980 more unknown fields' }]);
  }, 60_000);

  it('20,000 repeated keys: twenty listed, the rest counted', async () => {
    const keys = Array.from({ length: 20_000 }, () => 'title: 又一个').join('\n');
    const dir = hostileProject({ files: { [BAD]: `title: 示例\ndate: 2021-03-04\nbody: [段落]\n${keys}\n` } });
    const expected = Array.from({ length: 20 }, (_, i) => ({ rule: 'yaml-syntax', file: BAD, line: 4 + i, column: 1, message: 'Map keys must be unique' }));
    await expectRefused(dir, build(), [...expected, { rule: 'unknown-keys', file: BAD, line: 24, column: 1, message: '19,980 more repeated keys' }]);
  }, 60_000);
});

describe('numbers in text are printed as written', () => {
  it('in paragraphs, headings, lists and table cells, in both outputs', async () => {
    const written = ['1.50', '0012', '1e3', '12345678901234567890', '0x1F', '0o17', '.5', '+7', '.inf', '-.inf', '.nan', '2021'];
    const [p1, p2, h, l1, l2, ...cells] = written;
    const yaml = `title: 2021\ndate: 2021-03-04\ncolumn: 0012\nbody:\n  - ${p1}\n  - ${p2}\n  - heading: ${h}\n    body: [段落]\n  - list: [${l1}, ${l2}]\n  - table:\n      rows: [[${cells.join(', ')}]]\n`;
    const dir = hostileProject({ files: { 'content/articles/n.yaml': yaml } });
    const { code, stderr } = await runIn(dir, build('content/articles/n.yaml'));
    expect(code, stderr).toBe(0);
    const docx = docxPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/n/report.docx'))));
    const pdf = (await pdfPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/n/report.pdf'))))).replace(/\s+/g, '');
    for (const w of [...written, '【0012】']) {
      expect(docx, w).toContain(w);
      expect(pdf, w).toContain(w);
    }
    for (const lost of ['1.5\n', '1000', '12345678901234567000', 'Infinity', 'NaN']) expect(docx).not.toContain(lost);
  }, 60_000);

  it('a copy number keeps its zeros; issue numbers stay numbers', async () => {
    const sample = fs.readFileSync(path.join(ROOT, 'content/bulletins/sample-2021-01.yaml'), 'utf8');
    expect(sample).toMatch(/^copyNumber: .*$/m);
    const issue = sample.replace(/^copyNumber: .*$/m, 'copyNumber: 000123');
    const dir = hostileProject({ files: { 'content/bulletins/s.yaml': issue } });
    fs.cpSync(path.join(ROOT, 'content/articles'), path.join(dir, 'content/articles'), { recursive: true });
    const { code, stderr } = await runIn(dir, ['build', '--jobs', '1', '--no-preview', '--format', 'docx', '--layout', 'bulletin', 'content/bulletins/s.yaml']);
    expect(code, stderr).toBe(0);
    expect(docxPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/bulletins/s/bulletin.docx'))))).toContain('000123');
  }, 60_000);

  it('an issue number written as text is still refused', () =>
    expectRefused(
      hostileProject({ files: { 'content/bulletins/x.yaml': 'bulletin: 示例简报\nissue: 第一期\npublisher: 示例单位\ndate: 2021-03-10\ncopies: 10\ncolumns:\n  - name: 甲\n    articles: [a]\n', 'content/articles/a.yaml': articleYaml() } }),
      build('content/bulletins/x.yaml'),
      [{ rule: 'schema', file: 'content/bulletins/x.yaml', line: 2, column: 8, message: 'expected a whole number' }],
    ), 20_000);
});

describe('bulletins say what is wrong with their references and their series', () => {
  const ISSUE = (fields: string, articles = '[a]') => `bulletin: 示例简报\n${fields}publisher: 示例单位\ndate: 2021-03-10\ncopies: 10\ncolumns:\n  - name: 甲\n    articles: ${articles}\n`;
  const A = { 'content/articles/a.yaml': articleYaml() };

  it('an issue that names itself as its article', () =>
    expectRefused(hostileProject({ files: { ...A, 'content/bulletins/x.yaml': ISSUE('issue: 1\n', '[a, bulletins/x.yaml]') } }), build('content/bulletins/x.yaml'), [
      { rule: 'article-self', file: 'content/bulletins/x.yaml', line: 8, column: 19, message: 'names itself' },
    ]), 20_000);

  it('an issue that names itself by ./ path', () =>
    expectRefused(hostileProject({ files: { ...A, 'content/bulletins/x.yaml': ISSUE('issue: 1\n', '[./x.yaml]') } }), build('content/bulletins/x.yaml'), [
      { rule: 'article-self', file: 'content/bulletins/x.yaml', line: 8, column: 16 },
    ]), 20_000);

  it('an issue that names another issue as an article', () =>
    expectRefused(
      hostileProject({ files: { ...A, 'content/bulletins/x.yaml': ISSUE('issue: 1\n', '[bulletins/y.yaml]'), 'content/bulletins/y.yaml': ISSUE('issue: 2\n') } }),
      build('content/bulletins/x.yaml'),
      [{ rule: 'article-kind', file: 'content/bulletins/x.yaml', line: 8, column: 16, message: 'is a bulletin issue, not an article' }],
    ), 20_000);

  it('an article reached through a link out of the content folder', () =>
    expectRefused(
      hostileProject({ files: { 'content/bulletins/x.yaml': ISSUE('issue: 1\n', '[a]'), 'elsewhere/a.yaml': articleYaml() }, links: { 'content/articles/a.yaml': '../../elsewhere/a.yaml' } }),
      build('content/bulletins/x.yaml'),
      [{ rule: 'article-path', file: 'content/bulletins/x.yaml', line: 8, column: 16, message: 'through a link' }],
    ), 20_000);

  it('a series clash with a sibling, when the later issue is built alone', () =>
    expectRefused(hostileProject({ files: { ...A, 'content/bulletins/a.yaml': ISSUE('issue: 3\n'), 'content/bulletins/b.yaml': ISSUE('issue: 3\n') } }), build('content/bulletins/b.yaml'), [
      { rule: 'duplicate-issue', file: 'content/bulletins/b.yaml', line: 2, column: 8, message: 'is already 第3期', hint: 'first used at content/bulletins/a.yaml:2:8' },
    ]), 20_000);

  it('a series clash with a sibling, when the earlier issue is built alone', () =>
    expectRefused(hostileProject({ files: { ...A, 'content/bulletins/a.yaml': ISSUE('issue: 3\ntotalIssue: 40\n'), 'content/bulletins/b.yaml': ISSUE('issue: 4\ntotalIssue: 40\n') } }), build('content/bulletins/a.yaml'), [
      { rule: 'duplicate-issue', file: 'content/bulletins/a.yaml', line: 3, column: 13, message: 'is also 总第40期', hint: 'also used at content/bulletins/b.yaml:3:13' },
    ]), 20_000);

  it('layouts named by a path', () =>
    expectRefused(hostileProject({ files: { ...A, 'content/bulletins/x.yaml': ISSUE('issue: 1\nlayouts: [../../evil]\n') } }), build('content/bulletins/x.yaml'), [
      { rule: 'schema', file: 'content/bulletins/x.yaml', line: 3, column: 11, message: 'a layout is a name' },
    ]), 20_000);
});

describe('did you mean: only what fits the place and the value', () => {
  const theme = (from: string, to: string) => hostileProject({ files: { [BAD]: articleYaml() }, templates: [['report.theme.yaml', from, to]] });
  const TITLE_STYLE = 'title: { role: title, id: Title, name: Title, font: title,';
  const themeFile = 'templates/report.theme.yaml';
  const lineOf = (needle: string) => fs.readFileSync(path.join(ROOT, themeFile), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
  /** The column just after `needle` and a space on its line: where a field inserted there starts. */
  const columnAfter = (needle: string) => fs.readFileSync(path.join(ROOT, themeFile), 'utf8').split('\n')[lineOf(needle) - 1]!.indexOf(needle) + needle.length + 2;

  it('`colour` in a style is `color`, not the theme’s `colors`', async () => {
    const dir = theme(TITLE_STYLE, `${TITLE_STYLE} colour: '#FF0000',`);
    await expectRefused(dir, build(), [{ rule: 'unknown-key', file: themeFile, line: lineOf(TITLE_STYLE), column: columnAfter(TITLE_STYLE), message: '`styles.title.colour`', hint: 'did you mean `color`?' }]);
  }, 20_000);

  it('`colour` with text at the top is nothing like the mapping `colors`', async () => {
    const dir = theme('punctuation: quanjiao', "colour: '#FF0000'\npunctuation: quanjiao");
    const stderr = await expectRefused(dir, build(), [{ rule: 'unknown-key', file: themeFile, line: lineOf('punctuation: quanjiao'), column: 1, hint: 'allowed here: description, layout, page, furniture, colors' }]);
    expect(stderr).not.toContain('did you mean');
  }, 20_000);

  it('`colour` with a mapping at the top is `colors`', async () => {
    const dir = theme('punctuation: quanjiao', "colour: { blue: '#0000FF' }\npunctuation: quanjiao");
    await expectRefused(dir, build(), [{ rule: 'unknown-key', file: themeFile, line: lineOf('punctuation: quanjiao'), column: 1, hint: 'did you mean `colors`?' }]);
  }, 20_000);

  it('a slip of two letters swapped, and no guess for a short word far from every field', async () => {
    await refuse('title: 示例\nsoruce: 来源\ndate: 2021-03-04\nbody: [段落]\n', 'unknown-key', 2, 1);
    const dir = hostileProject({ files: { [BAD]: 'title: 示例\nabc: x\ndate: 2021-03-04\nbody: [段落]\n' } });
    const stderr = await expectRefused(dir, build(), [{ rule: 'unknown-key', file: BAD, line: 2, column: 1, hint: 'allowed here: title' }]);
    expect(stderr).not.toContain('did you mean');
  }, 20_000);
});
