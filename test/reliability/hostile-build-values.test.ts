import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LIMITS, workerCount } from '../../src/limits.js';
import { workerPool } from '../../src/render-pool/render-pool.js';
import { ROOT } from '../support.js';
import { png } from './images.js';
import { articleYaml, expectRefused, hostileProject, removeProjects, runIn, snapshot, type HostileProject } from './hostile.js';
import { checkOutcome, expectListsTrue } from './outputs.js';

/**
 * Values that crashed a build, or left text out with exit 0: a theme whose page, margins, sizes
 * or indents leave no room, or whose style and font names are Object's own (`constructor`); a
 * bad file in fonts/; a picture a thousand times taller than wide in the DOCX; SOURCE_DATE_EPOCH
 * out of range; `--jobs 1000`. Each is a located error (exit 1, nothing written) or a build that
 * keeps its promise.
 */
afterAll(removeProjects);

const A = 'content/articles/a.yaml';
const THEME = 'templates/report.theme.yaml';
const build = ['build', '--jobs', '1', '--no-preview', A];
/** expectRefused, for it.each (which wants no value back). */
const refused = async (...a: Parameters<typeof expectRefused>): Promise<void> => void (await expectRefused(...a));
const BODY = 'body: { role: body, id: BodyText, name: Body Text, font: body, size: 16, indent: 2, grid: true }';

/** A project whose report theme has `from` replaced by `to`; `at(needle)` is where `needle` stands on the edited line. */
function themed(from: string, to: string) {
  const dir = hostileProject({ files: { [A]: articleYaml() }, templates: [['report.theme.yaml', from, to]] });
  const lines = fs.readFileSync(path.join(dir, THEME), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(to));
  return { dir, at: (needle: string) => ({ file: THEME, line: line + 1, column: lines[line]!.indexOf(needle, lines[line]!.indexOf(to)) + 1 }) };
}

describe('theme values checked against the page', () => {
  it('a page smaller than its margins', () => {
    const { dir, at } = themed('margins: { top: 37mm, right: 26mm, bottom: 35mm, left: 28mm }', 'margins: { top: 200mm, right: 26mm, bottom: 135mm, left: 28mm }');
    return refused(dir, build, [{ rule: 'theme', ...at('{'), message: 'the margins leave no text block: the page is 595.3 pt × 841.9 pt, the margins take 153.1 pt across and 949.6 pt down' }]);
  }, 30_000);

  it('a negative margin', () => {
    const { dir, at } = themed('margins: { top: 37mm,', 'margins: { top: -37mm,');
    return refused(dir, build, [{ rule: 'theme', ...at('-37mm'), message: 'the top margin is -104.9 pt; a margin is 0 or more' }]);
  }, 30_000);

  it('a body size of 10000', () => {
    const { dir, at } = themed(BODY, BODY.replace('size: 16', 'size: 10000'));
    return refused(dir, build, [{ rule: 'theme', ...at('10000'), message: 'style `body`: one character of 10000 pt does not fit the text block (442.2 pt × 637.8 pt)' }]);
  }, 30_000);

  it('an indent of 1000 characters', () => {
    const { dir, at } = themed(BODY, BODY.replace('indent: 2', 'indent: 1000'));
    return refused(dir, build, [{ rule: 'theme', ...at('1000'), message: 'style `body`: its indents and one character on the grid (15.8 pt a character) take 15808.8 pt, wider than the text block (442.2 pt)' }]);
  }, 30_000);

  it('characters much larger than their grid cells', () => {
    const { dir, at } = themed(BODY, BODY.replace('size: 16', 'size: 40'));
    return refused(dir, build, [{ rule: 'theme', ...at('40'), message: 'style `body`: characters of 40 pt in grid cells of 15.8 pt overlap each other' }]);
  }, 30_000);

  it('lines shorter than their characters', () => {
    const { dir, at } = themed('lineHeight: 1.5line, spaceAfter: 1line', 'lineHeight: 5pt, spaceAfter: 1line');
    return refused(dir, build, [{ rule: 'theme', ...at('5pt'), message: 'style `title`: lines of 5 pt are shorter than its characters (22 pt), so they overlap' }]);
  }, 30_000);

  it('a space before that, with one line, is taller than the text block', () => {
    const { dir, at } = themed(BODY, BODY.replace('grid: true }', 'grid: true, spaceBefore: 700pt }'));
    return refused(dir, build, [{ rule: 'theme', ...at('700pt'), message: 'style `body`: its space before (700 pt), one line and its space after (0 pt) take 729 pt, taller than the text block (637.8 pt)' }]);
  }, 30_000);

  it('a negative indent never reaches the Word library', () => {
    const { dir, at } = themed(BODY, BODY.replace('indent: 2', 'indent: -5'));
    return refused(dir, build, [{ rule: 'theme', ...at('-5'), message: 'style `body`: an indent of -5 characters; a first-line indent is 0 or more' }]);
  }, 30_000);

  it.each([
    ['font: constructor', BODY, BODY.replace('font: body', 'font: constructor'), 'constructor', 'style `body` uses font role `constructor`, which `fonts` does not define'],
    ['strongFont: toString', 'strongFont: hei }', 'strongFont: toString }', 'toString', 'style `editorNote` uses font role `toString` for strong text, which `fonts` does not define'],
    ['header style __proto__', 'header: { style: header }', 'header: { style: __proto__ }', '__proto__', 'header style `__proto__` is not defined'],
    ['a length in `constructor` units', 'margins: { top: 37mm,', 'margins: { top: 37constructor,', '37constructor', 'bad length "37constructor"; use pt, mm, cm, em or line'],
  ])('a name of Object’s own: %s', (_what, from, to, needle, message) => {
    const { dir, at } = themed(from, to);
    return refused(dir, build, [{ rule: 'theme', ...at(needle), message }]);
  }, 30_000);
});

describe('every bad file in fonts/ is error[font], naming the file and the role', () => {
  const noto = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
  const theme = fs.readFileSync(path.join(ROOT, THEME), 'utf8').split('\n');
  // The role's entry in the theme's `fonts:`, where its value starts (the face may come from its files or, by name, from fonts/).
  const roleLine = theme.findIndex((l, i) => l === '  body:' && theme[i + 2]?.startsWith('    files: [fonts/body.ttf'));
  const at = { file: THEME, line: roleLine + 2, column: 5 };
  const truncated = fs.readFileSync(noto).subarray(0, 5000);
  const unread = 'fonts/body.ttf is not a font jianbao can read: ';
  it.each([
    ['text', { files: { 'fonts/body.ttf': 'hello\n' } }, `${unread}too short to be a font`],
    ['empty', { files: { 'fonts/body.ttf': '' } }, `${unread}too short to be a font`],
    ['a folder', { files: { 'fonts/body.ttf/x': 'x' } }, `${unread}a folder, not a font file`],
    ['truncated', { files: { 'fonts/body.ttf': truncated } }, new RegExp(`^${unread}table '\\w+' lies outside the file \\(the file may be truncated\\)$`)],
    ['/etc/passwd through a link', { links: { 'fonts/body.ttf': '/etc/passwd' } }, `${unread}not an OpenType font (starts with 0x726f6f74)`],
    ['/dev/zero through a link', { links: { 'fonts/body.ttf': '/dev/zero' } }, `${unread}a device, not a font file`],
    ['a FIFO', { fifos: ['fonts/body.ttf'] }, `${unread}a FIFO (named pipe), not a font file`],
  ] as [string, HostileProject, string | RegExp][])('%s', (_what, tree, message) => {
    const dir = hostileProject({ ...tree, files: { [A]: articleYaml(), ...tree.files }, templates: [] });
    const words = typeof message === 'string' ? `font role \`body\`: ${message}` : new RegExp(`^.*error\\[font\\]: font role \`body\`: ${message.source.slice(1)}`);
    return refused(dir, build, [{ rule: 'font', ...at, message: words }]);
  }, 30_000);
});

describe('a picture a thousand times taller than wide', () => {
  it('is drawn in the DOCX no taller than the text block, its shape kept', async () => {
    const dir = hostileProject({ files: { [A]: articleYaml('  - 示例段落。\n  - image: { src: tall.png, caption: 示例图 }\n'), 'content/articles/tall.png': png(1, 12000) } });
    checkOutcome(await runIn(dir, ['build', '--jobs', '1', '--no-preview', '--format', 'docx', A]), { code: 0, diagnostics: [] });
    expectListsTrue(path.join(dir, 'out'));
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.docx'))))['word/document.xml']!);
    const m = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    const [cx, cy] = [Number(m[1]), Number(m[2])];
    const textHeightEmu = (297 - 37 - 35) * 36000; // A4 less the report theme's top and bottom margins, in EMU (36,000 a millimetre)
    // No taller than the theme's share of the text block (its flow.figureHeight, 0.5), and drawn that tall.
    expect(cy).toBeLessThanOrEqual(textHeightEmu * 0.5 + 12700);
    expect(cy).toBeGreaterThan(textHeightEmu * 0.5 * 0.9);
    expect(cx).toBeGreaterThan(0);
    expect(cx / cy).toBeLessThan(0.01);
  }, 60_000);
});

describe('SOURCE_DATE_EPOCH', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it.each(['99999999999999999999', '253402300800'])('%s, past the year 9999: an error, nothing written', async (epoch) => {
    process.env.SOURCE_DATE_EPOCH = epoch;
    const dir = hostileProject({ files: { [A]: articleYaml() } });
    const before = snapshot(dir);
    // About the environment, not a file: no position.
    checkOutcome(await runIn(dir, build), { code: 1, diagnostics: [{ rule: 'source-date-epoch', file: '', line: 0, column: 0, message: `SOURCE_DATE_EPOCH ${epoch} is past the year 9999` }], last: '1 error; nothing was written' });
    expect(snapshot(dir)).toEqual(before);
  }, 30_000);

  it('past 2107: the documents carry its date, the zips the last date a zip can hold, with a warning', async () => {
    process.env.SOURCE_DATE_EPOCH = '5000000000'; // 2128-06-11
    const dir = hostileProject({ files: { [A]: articleYaml() } });
    const r = await runIn(dir, ['build', '--jobs', '1', '--no-preview', '--release', 'r', A]);
    checkOutcome(r, { code: 0, diagnostics: [{ rule: 'source-date-epoch', file: '', line: 0, column: 0, severity: 'warning', message: 'SOURCE_DATE_EPOCH 5000000000 is past 2107, the last year a zip entry can hold' }] });
    const docx = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.docx'))));
    expect(strFromU8(docx['docProps/core.xml']!)).toContain('2128-06-11');
    const zip = fs.readFileSync(path.join(dir, 'out/release/r.zip'));
    // The first entry's DOS time and date (local header, bytes 10–13): 2107-12-31 23:59:58.
    expect([zip.readUInt16LE(10), zip.readUInt16LE(12)]).toEqual([(23 << 11) | (59 << 5) | 29, ((2107 - 1980) << 9) | (12 << 5) | 31]);
  }, 60_000);
});

describe('--jobs 1000', () => {
  it('starts no more workers than outputs, nor than the limit', async () => {
    expect(workerCount(1000, 3)).toBe(3);
    expect(workerCount(1000, 1000)).toBe(LIMITS.workers.value);
    const pool = workerPool(1000);
    try {
      expect(pool.size).toBe(LIMITS.workers.value);
    } finally {
      await pool.close();
    }
    const dir = hostileProject({ files: Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`content/articles/${n}.yaml`, articleYaml()])) });
    const r = await runIn(dir, ['build', '--jobs', '1000', '--no-preview', '--format', 'docx', 'content']);
    checkOutcome(r, { code: 0, diagnostics: [] });
    const workers = Number(/^building 4 of 4 outputs on (\d+) workers$/m.exec(r.stdout)?.[1]);
    expect(workers).toBeGreaterThan(1);
    expect(workers).toBeLessThanOrEqual(4);
  }, 60_000);
});
