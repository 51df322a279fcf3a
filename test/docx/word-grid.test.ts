import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/docx/index.js';
import type { Doc } from '../../src/ir/index.js';
import { plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { ROOT, SEED } from '../support.js';
import { partOf } from './word-xml.js';

const ISSUE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');

/** The document a layout makes of a content file, as the build would render it. */
function docOf(file: string, layout: string, draft = false): Doc {
  const planned = plan({ paths: projectPaths(ROOT), inputs: [file], layouts: [layout], draft });
  return planned[0]!.doc;
}

const render = (doc: Doc) => renderDocx(doc, { readableRoots: [ROOT] });

/** `<w:docGrid …/>` of the section, its attributes by name. */
function docGrid(docx: Uint8Array): Record<string, string> {
  const el = /<w:docGrid\b[^>]*\/>/.exec(partOf(docx, 'word/document.xml'))?.[0] ?? '';
  return Object.fromEntries([...el.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The `<w:style>` element of a style id. */
function style(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

/** The `<w:font>` entry of a face name in the font table. */
function fontEntry(docx: Uint8Array, name: string): string {
  return new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`).exec(partOf(docx, 'word/fontTable.xml'))?.[0] ?? '';
}

describe.each([
  // GB/T 9704 A4: 156 × 225 mm; the booklet's A5 block is 114 × 170 mm, 25 lines × 27 characters.
  { layout: 'report', file: SEED, lines: 22, chars: 28, linePitch: '579', charSpace: '-842', size: 16, tight: '-7' },
  { layout: 'bulletin', file: ISSUE, lines: 22, chars: 28, linePitch: '579', charSpace: '-842', size: 16, tight: '-7' },
  { layout: 'booklet', file: ISSUE, lines: 25, chars: 27, linePitch: '385', charSpace: '-129', size: 12, tight: '-3' },
])('the $layout layout’s Word grid', ({ layout, file, lines, chars, linePitch, charSpace, size, tight }) => {
  let docx: Uint8Array;
  let page: { width: number; height: number; top: number; bottom: number; left: number; right: number };

  beforeAll(async () => {
    docx = await render(docOf(file, layout));
    const xml = partOf(docx, 'word/document.xml');
    const attr = (el: string, name: string) => Number(new RegExp(`<w:${el}\\b[^>]*w:${name}="(\\d+)"`).exec(xml)![1]);
    page = { width: attr('pgSz', 'w'), height: attr('pgSz', 'h'), top: attr('pgMar', 'top'), bottom: attr('pgMar', 'bottom'), left: attr('pgMar', 'left'), right: attr('pgMar', 'right') };
  });

  it(`has ${lines} lines of ${linePitch} twips and ${chars} cells a line (charSpace ${charSpace}) that fit the text block`, () => {
    expect(docGrid(docx)).toEqual({ type: 'linesAndChars', linePitch, charSpace });
    const textHeight = page.height - page.top - page.bottom;
    expect(lines * Number(linePitch)).toBeLessThanOrEqual(textHeight);
    expect((lines + 1) * Number(linePitch)).toBeGreaterThan(textHeight);
    // ECMA-376 §17.6.5: the cell is Normal's size plus charSpace/4096 pt; N cells fit, N + 1 do not.
    const cell = size + Number(charSpace) / 4096;
    expect(chars * cell).toBeLessThanOrEqual((page.width - page.left - page.right) / 20);
    expect((chars + 1) * cell).toBeGreaterThan((page.width - page.left - page.right) / 20);
  });

  it('counts the cells against Normal at the body size, and sets grid styles that much tighter', () => {
    const styles = partOf(docx, 'word/styles.xml');
    expect(style(styles, 'Normal')).toContain(`<w:sz w:val="${size * 2}"/>`);
    for (const id of ['BodyText', 'Heading1', 'EditorNote']) {
      expect(style(styles, id), id).toContain(`<w:spacing w:val="${tight}"/>`);
      expect(style(styles, id), id).toMatch(new RegExp(`w:line="${linePitch}" w:lineRule="exact"`));
    }
    // N characters at that spacing fit a line, N + 1 do not: Word's and LibreOffice's lines hold N.
    const glyph = size + Number(tight) / 20;
    const width = (page.width - page.left - page.right) / 20;
    expect(chars * glyph).toBeLessThanOrEqual(width);
    expect((chars + 1) * glyph).toBeGreaterThan(width);
    // Off the grid (titles, mastheads, captions, table text) characters keep their width.
    for (const id of ['Title', 'Caption', 'TableText']) expect(style(styles, id), id).not.toContain('<w:spacing w:val=');
  });

  it('sets every paragraph off the grid, widow control off (full 22-line pages as the PDF), kinsoku on, hanging punctuation left on (omitted)', () => {
    const styles = partOf(docx, 'word/styles.xml');
    const defaults = /<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr><\/w:pPrDefault>/.exec(styles)?.[1];
    expect(defaults).toBe('<w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>');
    // Omitted, overflowPunct is on (ECMA-376 §17.3.1.21); written as 1, LibreOffice reads it as off.
    expect(styles).not.toContain('<w:overflowPunct');
  });

  it('keeps whole lines of the grid for what takes whole lines in the PDF: a title’s 1.5 lines and its space after', () => {
    const title = style(partOf(docx, 'word/styles.xml'), 'Title');
    const line = Number(/w:line="(\d+)"/.exec(title)![1]);
    const after = Number(/w:after="(\d+)"/.exec(title)![1]);
    // Never a twip more than 1.5 lines: two title lines and the space after fit whole pitches.
    expect(line).toBe(Math.floor(1.5 * Number(linePitch)));
    expect(2 * line + after).toBeLessThanOrEqual(Math.round((2 * 1.5 * Number(linePitch) + after) / Number(linePitch)) * Number(linePitch));
  });
});

describe('a Word draft’s font table', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await render(docOf(SEED, 'report', true));
  });

  it('describes every face the styles and the watermark name, with Word’s and WPS’s own facts for the office faces', () => {
    const names = [...partOf(docx, 'word/fontTable.xml').matchAll(/<w:font w:name="([^"]+)">/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体', 'Times New Roman']));
    expect(fontEntry(docx, '仿宋_GB2312')).toBe(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>' +
        '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000000" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/></w:font>',
    );
    expect(fontEntry(docx, '黑体')).toContain('<w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/>');
    expect(fontEntry(docx, '宋体')).toContain('<w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/>');
    expect(fontEntry(docx, 'Times New Roman')).toContain('<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/>');
  });

  it('describes a face it has no facts for by the role’s own face: the title a heavy serif in GB2312', () => {
    const title = fontEntry(docx, '方正小标宋简体');
    expect(title).toContain('<w:altName w:val="方正小标宋_GBK"/>');
    // PANOSE: Latin text (2), a serif (2–10), and the weight of the bundled Black face (10).
    const panose = /<w:panose1 w:val="([0-9A-F]{20})"\/>/.exec(title)![1]!;
    const digits = panose.match(/../g)!.map((d) => parseInt(d, 16));
    expect(digits[0]).toBe(2);
    expect(digits[1]).toBeGreaterThanOrEqual(2);
    expect(digits[1]).toBeLessThanOrEqual(10);
    expect(digits[2]).toBeGreaterThanOrEqual(9);
    expect(title).toContain('<w:charset w:val="86"/><w:family w:val="roman"/>');
  });

  it('bolds what the theme makes bold on the style, so Word embolden a face that has no bold (仿宋_GB2312)', () => {
    const h3 = style(partOf(docx, 'word/styles.xml'), 'Heading3');
    expect(h3).toContain('w:eastAsia="仿宋_GB2312"');
    expect(h3).toContain('<w:b/>');
    expect(h3).toContain('<w:bCs/>');
  });
});

describe('a Word draft’s watermark', () => {
  let draft: Uint8Array;
  let final: Uint8Array;
  beforeAll(async () => {
    draft = await render(docOf(SEED, 'report', true));
    final = await render(docOf(SEED, 'report'));
  });

  const headers = (docx: Uint8Array) => ['word/header1.xml', 'word/header2.xml'].map((n) => partOf(docx, n)).filter((x) => x !== '');

  it('is Word’s own WordArt in every header (odd and even pages): behind the text, centred, turned, in the theme’s face, colour and opacity', () => {
    const parts = headers(draft);
    expect(parts).toHaveLength(2);
    parts.forEach((xml, i) => {
      const shape = /<v:shape id="(PowerPlusWaterMarkObject\d+)"[^>]*style="([^"]*)"[^>]*>([\s\S]*?)<\/v:shape>/.exec(xml)!;
      expect(shape[1]).toBe(`PowerPlusWaterMarkObject${i + 1}`);
      expect(shape[2]).toContain('position:absolute');
      expect(shape[2]).toMatch(/z-index:-\d+/);
      expect(shape[2]).toContain('mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin');
      // The theme's −45°: rising from lower left to upper right, VML's clockwise 315°.
      expect(shape[2]).toContain('rotation:315');
      expect(shape[2]).toContain('width:400pt;height:80pt');
      expect(shape[0]).toContain('fillcolor="#C00000"');
      expect(shape[3]).toContain('<v:fill opacity="0.08"/>');
      expect(shape[3]).toContain('<v:textpath style="font-family:&quot;黑体&quot;;font-size:80pt" string="征求意见稿"/>');
      // The header line is still there, after the shape.
      expect(xml).toMatch(/<\/w:pict><\/w:r><w:r><w:rPr><w:color w:val="E60012"\/><\/w:rPr><w:t xml:space="preserve">征求意见稿<\/w:t>/);
    });
  });

  it('is not in a final build, and the same draft gives the same bytes (no random shape ids)', async () => {
    expect(headers(final).join('')).toBe('');
    expect(Buffer.from(await render(docOf(SEED, 'report', true))).equals(Buffer.from(draft))).toBe(true);
  });

  it('imports back as the same article as the final build: the watermark is furniture', () => {
    expect(importDocx(draft, 'draft.docx').article).toEqual(importDocx(final, 'final.docx').article);
  });
});

describe('space between Han and Latin text or digits', () => {
  it('is off in Word (autoSpaceDE/DN 0) when the theme has no latinGap, and on when it has one', async () => {
    const doc = docOf(SEED, 'report');
    const defaults = async (d: Doc) => /<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr>/.exec(partOf(await render(d), 'word/styles.xml'))![1]!;
    expect(await defaults(doc)).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
    expect(await defaults({ ...doc, latinGap: 0.25 })).toContain('<w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/>');
  });
});
