import fs from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support.js';
import { GIF_1X1, png } from './images.js';
import { runIn, writeTree } from './hostile.js';

/**
 * Every bad input a user can hand the CLI, with the diagnostic it must print: the exact rule id,
 * line and (where it means something) column. Each row is a project folder of its own, run through
 * the real CLI (`jianbao build`), which must exit 1, print each error once, without a stack trace,
 * and leave the out folder exactly as it was.
 */
interface Expected {
  rule: string;
  line: number;
  column?: number;
  /** Defaults to the content file, content/articles/bad.yaml. */
  file?: string;
  /** Text the message must contain. */
  message?: string;
  /** Text one of the hints must contain. */
  hint?: string;
}

interface Row {
  name: string;
  /** content/articles/bad.yaml */
  yaml?: string | Buffer;
  /** Further files of the project, by path relative to it. */
  files?: Record<string, string | Buffer>;
  /** Symlinks: path in the project → target. */
  links?: Record<string, string>;
  /** Replaces text in the project's own copy of templates/report.hbs. */
  template?: [string, string];
  expect: Expected[];
}

const FIXTURES = path.join(ROOT, 'test/fixtures/bad');
const ok = (body = '  - 段落\n') => `title: 示例\ndate: 2021-03-04\nbody:\n${body}`;
const withImage = (src: string) => ok(`  - image:\n      src: ${src}\n`);
const DATE_LINE = '<p style="date" at="{{article.fieldAt.date}}">{{cnDate article.date}}</p>';
/** The report template's line (from 1) holding `text`: the rows below edit such lines, so their errors point there. */
const templateLine = (text: string) => fs.readFileSync(path.join(ROOT, 'templates/report.hbs'), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
const DATE_TEMPLATE_LINE = templateLine(DATE_LINE);
/** The line that prints a one-line title, and the one that includes the blocks partial. */
const TITLE_TEMPLATE_LINE = templateLine('{{article.title}}</p>');
const BLOCKS_TEMPLATE_LINE = templateLine('{{> blocks');

const rows: Row[] = [
  // YAML and encoding
  { name: 'unclosed double quote', yaml: 'title: "示例\ndate: 2021-03-04\nbody:\n  - 段落\n', expect: [{ rule: 'yaml-syntax', line: 1, column: 8, message: 'the quote " opened here is never closed' }] },
  { name: 'unclosed single quote', yaml: "title: 示例\ndate: 2021-03-04\nbody:\n  - '段落\n  - 又一段\n", expect: [{ rule: 'yaml-syntax', line: 4, column: 5, message: "the quote ' opened here is never closed" }] },
  { name: 'unclosed flow list', yaml: 'title: 示例\ndate: 2021-03-04\nbody: [段落, 又一段\nsource: 常州日报\n', expect: [{ rule: 'yaml-syntax', line: 3, column: 7, message: 'the `[` opened here is never closed' }] },
  { name: 'tab indentation', yaml: 'title: 示例\ndate: 2021-03-04\nbody:\n\t- 段落\n', expect: [{ rule: 'yaml-syntax', line: 4, column: 1, hint: 'spaces, not tabs' }] },
  { name: 'duplicate key', yaml: 'title: 示例\ndate: 2021-03-04\ntitle: 又一个标题\nbody: [段落]\n', expect: [{ rule: 'yaml-syntax', line: 3, column: 1, message: 'Map keys must be unique' }] },
  { name: 'two YAML documents', yaml: 'title: 示例\ndate: 2021-03-04\nbody: [段落]\n---\ntitle: 又一篇\n', expect: [{ rule: 'yaml-syntax', line: 4, column: 1, message: 'a second YAML document' }] },
  { name: 'empty file', yaml: '', expect: [{ rule: 'empty-file', line: 1, column: 1 }] },
  { name: 'only blank lines', yaml: '\n   \n\n', expect: [{ rule: 'empty-file', line: 1, column: 1 }] },
  { name: 'GBK bytes, not UTF-8', yaml: fs.readFileSync(path.join(FIXTURES, 'gbk.yaml')), expect: [{ rule: 'encoding', line: 1, column: 8, hint: 'save it as UTF-8' }] },
  { name: 'bad byte in the middle of a line', yaml: Buffer.concat([Buffer.from('title: 示例\ndate: 2021-03-04\nbody:\n  - 段落'), Buffer.from([0xff]), Buffer.from('文字\n')]), expect: [{ rule: 'encoding', line: 4, column: 7 }] },
  { name: 'billion laughs (alias bomb)', yaml: fs.readFileSync(path.join(FIXTURES, 'billion-laughs.yaml')), expect: [{ rule: 'yaml-alias', line: 5, column: 8 }] },
  { name: 'YAML tag', yaml: 'title: !!binary 5rWL6K+V\ndate: 2021-03-04\nbody: [段落]\n', expect: [{ rule: 'yaml-tag', line: 1, column: 8, message: '`!!binary`' }] },
  { name: 'custom YAML tag', yaml: 'title: 示例\ndate: 2021-03-04\nbody:\n  - !js/function 段落\n', expect: [{ rule: 'yaml-tag', line: 4, column: 5, message: '`!js/function`' }] },
  { name: 'lists nested 100 deep', yaml: `title: 示例\ndate: 2021-03-04\nbody: ${'['.repeat(100)}${']'.repeat(100)}\n`, expect: [{ rule: 'yaml-depth', line: 3, column: 71, message: 'nest more than 64 deep' }] },
  { name: 'a list, not a mapping', yaml: '- 示例\n- 2021-03-04\n', expect: [{ rule: 'schema', line: 1, column: 1, message: 'expected a mapping of fields' }] },
  { name: 'file over 4 MB', yaml: ok(`  - ${'很长的段落'.repeat(300_000)}\n`), expect: [{ rule: 'too-large', line: 1, column: 1 }] },
  // Fields
  { name: 'missing title', yaml: 'date: 2021-03-04\nbody: [段落]\n', expect: [{ rule: 'missing-field', line: 1, column: 1, message: 'missing field `title`' }] },
  { name: 'missing date', yaml: 'title: 示例\nbody: [段落]\n', expect: [{ rule: 'missing-field', line: 1, column: 1, message: 'missing field `date`' }] },
  { name: 'title is a list', yaml: 'title: [示例, 标题]\ndate: 2021-03-04\nbody: [段落]\n', expect: [{ rule: 'schema', line: 1, column: 8, message: '`title`: expected text, found a list' }] },
  { name: 'title left empty', yaml: 'title:\ndate: 2021-03-04\nbody: [段落]\n', expect: [{ rule: 'schema', line: 1, column: 7, message: 'found nothing' }] },
  { name: 'draft is not a boolean', yaml: 'title: 示例\ndate: 2021-03-04\ndraft: 是\nbody: [段落]\n', expect: [{ rule: 'schema', line: 3, column: 8, message: '`draft`: expected boolean' }] },
  { name: 'unknown key, did you mean', yaml: 'title: 示例\ntitel: 又一个\ndate: 2021-03-04\nbody: [段落]\n', expect: [{ rule: 'unknown-key', line: 2, column: 1, message: 'unknown field `titel`', hint: 'did you mean `title`?' }] },
  { name: 'unknown key in a section', yaml: ok('  - heading: 一\n    bdoy: [段落]\n'), expect: [{ rule: 'unknown-key', line: 5, column: 5, message: '`body[0].bdoy`', hint: 'did you mean `body`?' }] },
  { name: 'impossible date 2021-02-30', yaml: 'title: 示例\ndate: 2021-02-30\nbody: [段落]\n', expect: [{ rule: 'schema', line: 2, column: 7, message: 'this date does not exist in the calendar' }] },
  { name: 'layout named by a path', yaml: 'title: 示例\ndate: 2021-03-04\nlayouts: [../../etc/evil]\nbody: [段落]\n', expect: [{ rule: 'schema', line: 3, column: 11, message: 'a layout is a name' }] },
  { name: 'date written 2021/3/4', yaml: 'title: 示例\ndate: 2021/3/4\nbody: [段落]\n', expect: [{ rule: 'schema', line: 2, column: 7, message: 'YYYY-MM-DD' }] },
  { name: 'section body is not a list', yaml: ok('  - heading: 一\n    body: 段落\n'), expect: [{ rule: 'schema', line: 5, column: 11, message: 'a section body must be a list of blocks, found text' }] },
  { name: 'body is empty', yaml: 'title: 示例\ndate: 2021-03-04\nbody:\n', expect: [{ rule: 'schema', line: 3, column: 6, message: '`body`: expected a list of blocks' }] },
  { name: 'unknown block kind', yaml: ok('  - headng: 一\n'), expect: [{ rule: 'unknown-block', line: 4, column: 5, hint: 'did you mean `heading`?' }] },
  { name: 'empty body item', yaml: ok('  - heading: 一\n    body:\n      -\n'), expect: [{ rule: 'schema', line: 6, column: 8, message: 'found nothing' }] },
  {
    name: 'sections five deep',
    yaml: ok('  - heading: 一\n    body:\n      - heading: 二\n        body:\n          - heading: 三\n            body:\n              - heading: 四\n                body:\n                  - heading: 五\n                    body: [段落]\n'),
    expect: [{ rule: 'section-depth', line: 12, column: 21 }],
  },
  { name: 'table row too short', yaml: ok('  - table:\n      header: [地区, 人数]\n      rows:\n        - [常州, 12]\n        - [无锡]\n'), expect: [{ rule: 'table-shape', line: 8, column: 11, message: 'row 2 has 1 cells, the table has 2 columns' }] },
  // Characters
  { name: 'control character', yaml: ok('  - 段落\u0007文字\n'), expect: [{ rule: 'control-char', line: 4, column: 7, message: 'U+0007 (BEL)' }] },
  { name: 'escaped control character', yaml: ok('  - "段落\\u001b文字"\n'), expect: [{ rule: 'control-char', line: 4, column: 8, message: 'U+001B (ESC)' }] },
  { name: 'control character in a block scalar', yaml: ok('  - |\n    第一行\n    第二\u0001行\n'), expect: [{ rule: 'control-char', line: 6, column: 7, message: 'U+0001' }] },
  { name: 'control character in a heading', yaml: ok('  - heading: "一\\x00"\n    body: [段落]\n'), expect: [{ rule: 'control-char', line: 4, column: 16, message: 'U+0000 (NUL)' }] },
  { name: 'noncharacter', yaml: ok('  - "段落\\uFFFF"\n'), expect: [{ rule: 'bad-char', line: 4, column: 8, message: 'noncharacter U+FFFF' }] },
  { name: 'unpaired surrogate', yaml: ok('  - "段落\\uD800文字"\n'), expect: [{ rule: 'bad-char', line: 4, column: 8, message: 'unpaired surrogate U+D800' }] },
  // Images
  { name: 'missing image', yaml: withImage('figures/chart.png'), expect: [{ rule: 'missing-image', line: 5, column: 12, message: 'image not found: figures/chart.png' }] },
  { name: 'image path leaving the content folder', yaml: withImage('../../secret.png'), files: { 'secret.png': png(2, 2) }, expect: [{ rule: 'image-path', line: 5, column: 12, message: 'leaves the content folder' }] },
  { name: 'image through a symlink out of the content folder', yaml: withImage('figures/chart.png'), files: { 'outside/chart.png': png(2, 2) }, links: { 'content/articles/figures': '../../outside' }, expect: [{ rule: 'image-path', line: 5, column: 12, message: 'through a link' }] },
  { name: 'absolute image path', yaml: withImage('/etc/hostname'), expect: [{ rule: 'image-path', line: 5, column: 12, message: 'not absolute' }] },
  { name: 'image URL', yaml: withImage('https://example.com/chart.png'), expect: [{ rule: 'image-path', line: 5, column: 12, message: 'not URLs' }] },
  { name: '20000×20000 PNG', yaml: withImage('huge.png'), files: { 'content/articles/huge.png': png(20000, 20000, Buffer.alloc(64)) }, expect: [{ rule: 'image-too-large', line: 5, column: 12, message: '20000 × 20000 pixels' }] },
  { name: 'PNG that inflates past its header (bomb)', yaml: withImage('bomb.png'), files: { 'content/articles/bomb.png': png(64, 64, Buffer.alloc(16 * 1024 * 1024)) }, expect: [{ rule: 'image-too-large', line: 5, column: 12, message: 'inflates to more than' }] },
  { name: 'text file named .png', yaml: withImage('fake.png'), files: { 'content/articles/fake.png': 'not an image' }, expect: [{ rule: 'image-format', line: 5, column: 12, message: 'not an image' }] },
  { name: 'GIF image', yaml: withImage('dot.gif'), files: { 'content/articles/dot.gif': GIF_1X1 }, expect: [{ rule: 'image-format', line: 5, column: 12, message: 'GIF images cannot be embedded' }] },
  { name: 'damaged PNG data', yaml: withImage('broken.png'), files: { 'content/articles/broken.png': brokenPng() }, expect: [{ rule: 'image-format', line: 5, column: 12, message: 'damaged' }] },
  { name: 'PNG with a bad row filter (would crash the PDF renderer)', yaml: withImage('filter.png'), files: { 'content/articles/filter.png': png(4, 4, Buffer.alloc(4 * 17, 0xff)) }, expect: [{ rule: 'image-format', line: 5, column: 12, message: 'bad row filter' }] },
  { name: 'PNG data cut short', yaml: withImage('short.png'), files: { 'content/articles/short.png': png(64, 64, Buffer.alloc(100)) }, expect: [{ rule: 'image-format', line: 5, column: 12, message: 'cut short' }] },
  { name: 'image path names a folder', yaml: withImage('figures'), files: { 'content/articles/figures/a.txt': 'x' }, expect: [{ rule: 'image-format', line: 5, column: 12, message: 'names a folder' }] },
  // Templates
  { name: 'template: block closed by the wrong name', yaml: ok(), template: ['{{/if}}', '{{/iff}}'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: 4, column: 1, message: '`{{/iff}}` does not close `{{#if}}`' }] },
  { name: 'template: unclosed mustache', yaml: ok(), template: ['{{article.title}}</p>', '{{article.title</p>'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: TITLE_TEMPLATE_LINE, column: 59, message: 'syntax error' }] },
  { name: 'template: unknown helper', yaml: ok(), template: ['{{cnDate article.date}}', '{{cnDat article.date}}'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: DATE_TEMPLATE_LINE, column: 47, message: 'unknown helper `cnDat`', hint: 'did you mean `cnDate`?' }] },
  { name: 'template: missing partial', yaml: ok(), template: ['{{> blocks', '{{> blockz'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: BLOCKS_TEMPLATE_LINE, column: 1, message: 'no partial `blockz`' }] },
  { name: 'template: unescaped output', yaml: ok(), template: ['{{article.title}}</p>', '{{{article.title}}}</p>'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: TITLE_TEMPLATE_LINE, column: 49, message: 'unescaped output' }] },
  { name: 'template: prototype access', yaml: ok(), template: ['{{cnDate article.date}}', '{{article.constructor.name}}'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: DATE_TEMPLATE_LINE, column: 49, message: '`constructor` is not data' }] },
  { name: 'template: helper fails', yaml: ok(), template: ['{{cnDate article.date}}', '{{cnNumber -1}}'], expect: [{ rule: 'template', file: 'templates/report.hbs', line: DATE_TEMPLATE_LINE, column: 47, message: 'helper `cnNumber`' }] },
  { name: 'markup: unknown element', yaml: ok(), template: [DATE_LINE, '<para style="date">{{cnDate article.date}}</para>'], expect: [{ rule: 'markup', file: 'templates/report.hbs', line: DATE_TEMPLATE_LINE, column: 1, message: '<para> is not a block element' }] },
  { name: 'markup: unknown style', yaml: ok(), template: [DATE_LINE, DATE_LINE.replace('"date"', '"dat"')], expect: [{ rule: 'markup', file: 'templates/report.hbs', line: 1, message: 'unknown style `dat`; did you mean `date`?' }] },
  // Several independent errors at once, in file order
  {
    name: 'four independent errors',
    yaml: 'title: 示例\ndate: 2021-02-30\ntitel: x\nbody:\n  - heading: 一\n    body: 段落\n  - image: { src: nope.png }\n',
    expect: [
      { rule: 'schema', line: 2, column: 7, message: 'this date does not exist' },
      { rule: 'unknown-key', line: 3, column: 1 },
      { rule: 'schema', line: 6, column: 11, message: 'a section body must be a list' },
      { rule: 'missing-image', line: 7, column: 19 },
    ],
  },
];

/** A PNG whose compressed data is cut short. */
function brokenPng(): Buffer {
  const good = png(8, 8);
  const idat = good.indexOf('IDAT');
  const copy = Buffer.from(good);
  copy.fill(0x55, idat + 6, idat + 14);
  return copy;
}

const made: string[] = [];
/** What each row printed; `JIANBAO_TABLE=1` prints it as the Markdown table of the issue note. */
const printed: [string, string][] = [];
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  if (process.env.JIANBAO_TABLE) {
    const code = (s: string) => s.split('\n').map((l) => `\`\` ${l.trim().replace(/\|/g, '\\|')} \`\``).join('<br>');
    console.log(['| input | prints |', '|---|---|', ...printed.map(([n, p]) => `| ${n} | ${code(p)} |`)].join('\n'));
  }
});

function project(row: Row): string {
  const dir = tempDir('jianbao-bad-');
  made.push(dir);
  writeTree(dir, { files: { ...(row.yaml !== undefined ? { 'content/articles/bad.yaml': row.yaml } : {}), ...row.files }, ...(row.links ? { links: row.links } : {}) });
  if (row.template) {
    fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    const file = path.join(dir, 'templates/report.hbs');
    const text = fs.readFileSync(file, 'utf8');
    expect(text, 'the template edit applies').toContain(row.template[0]);
    fs.writeFileSync(file, text.replace(row.template[0], row.template[1]));
  }
  // A previous build's outputs, which a failed build must leave exactly as they are.
  writeTree(dir, { files: { 'out/articles/bad/report.pdf': '%PDF-1.7 previous\n%%EOF\n', 'out/manifest.json': '{"generator":"previous","outputs":[]}\n' } });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

describe('bad input: one diagnostic each, exact rule and position, exit 1, out/ untouched', () => {
  it('has at least 25 rows', () => expect(rows.length).toBeGreaterThanOrEqual(25));

  for (const row of rows) {
    it(row.name, async () => {
      const dir = project(row);
      const out = path.join(dir, 'out');
      const before = snapshot(out);
      // A hang shows as the test's own timeout: no test asserts a time (the bench measures them).
      const { code, stdout, stderr } = await runIn(dir, ['build', '--jobs', '1', '--no-preview', 'content/articles/bad.yaml']);
      expect(code, stderr).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).not.toMatch(/\n\s+at |internal error/);

      const heads = stderr.split('\n').filter((l) => /: (error|warning)\[/.test(l));
      expect(heads, stderr).toHaveLength(row.expect.length);
      for (const [i, e] of row.expect.entries()) {
        const file = e.file ?? 'content/articles/bad.yaml';
        const prefix = `${file}:${e.line}:${e.column ?? ''}`;
        const head = heads[i]!;
        expect(head, stderr).toMatch(new RegExp(`^${escape(prefix)}${e.column === undefined ? '\\d+' : ''}: error\\[${escape(e.rule)}\\]: `));
        if (e.message) expect(head).toContain(e.message);
        if (e.hint) expect(hintsOf(stderr, head)).toContain(e.hint);
        expect(stderr.split(head).length - 1, 'printed once').toBe(1);
      }
      expect(stderr).toContain(`${row.expect.length} error${row.expect.length === 1 ? '' : 's'}; nothing was written`);
      printed.push([row.name, stderr.split('\n').filter((l) => l && !/nothing was written$/.test(l)).join('\n')]);
      expect(snapshot(out)).toEqual(before);
    });
  }
});

function hintsOf(stderr: string, head: string): string {
  const after = stderr.slice(stderr.indexOf(head) + head.length).split('\n').slice(1);
  return after.filter((l, i) => l.startsWith('  = hint:') && after.slice(0, i).every((x) => x.startsWith('  = '))).join('\n');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}



