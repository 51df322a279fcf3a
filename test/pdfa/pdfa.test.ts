import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { article, articleProject, layOut } from '../reliability/project.js';
import { buildInto, cli, ROOT } from '../support.js';
import { article as projectArticle, makeProject } from '../pipeline/project.js';
import { pdfDate, readPdfa, type PdfaFacts } from './read-pdfa.js';

const SAMPLE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');
const BOOKLET = 'bulletins/sample-2021-01/booklet.pdf';
const SHEETS = 'bulletins/sample-2021-01/booklet-imposed.pdf';

/** ISO 19005-2 §6.6.2.3.1: each Info entry equals its XMP twin; dates name the same instant. */
function expectInfoAgreesWithXmp(f: PdfaFacts): void {
  const pairs: [string, string][] = [['Title', 'title'], ['Author', 'creator'], ['Subject', 'description'], ['Keywords', 'Keywords'], ['Creator', 'CreatorTool'], ['Producer', 'Producer']];
  for (const [info, xmp] of pairs) if (f.info[info] !== undefined) expect(f.xmp.get(xmp), `${info} ↔ ${xmp}`).toBe(f.info[info]);
  for (const [info, xmp] of [['CreationDate', 'CreateDate'], ['ModDate', 'ModifyDate']] as const) {
    expect(f.info[info], info).toBeDefined();
    expect(Date.parse(f.xmp.get(xmp)!), `${info} ↔ xmp:${xmp}`).toBe(pdfDate(f.info[info]!));
  }
}

function expectPdfA2b(f: PdfaFacts): void {
  expect(f.xmp.get('part')).toBe('2');
  expect(f.xmp.get('conformance')).toBe('B');
  expectInfoAgreesWithXmp(f);
  // The sRGB output intent, with its ICC profile: an RGB display profile ('mntr', 'RGB ', 'acsp').
  expect(f.intents).toHaveLength(1);
  const [intent] = f.intents;
  expect(intent!.subtype).toBe('/GTS_PDFA1');
  expect(intent!.identifier).toBe('sRGB IEC61966-2.1');
  expect(intent!.profileComponents).toBe(3);
  const tag = (at: number) => String.fromCharCode(...intent!.profile.subarray(at, at + 4));
  expect([tag(12), tag(16), tag(36)]).toEqual(['mntr', 'RGB ', 'acsp']);
  expect(f.trailerId).toBe(true);
  expect(f.unembeddedFonts).toEqual([]);
}

describe('--pdfa: the booklet and its print sheets as PDF/A-2b', () => {
  let booklet: PdfaFacts;
  let sheets: PdfaFacts;
  beforeAll(async () => {
    const { read, result } = await buildInto([SAMPLE], { layouts: ['booklet'], formats: ['pdf'], pdfa: true, draft: true });
    expect(result.outputs.map((o) => o.path).sort()).toEqual([BOOKLET, SHEETS].sort());
    booklet = await readPdfa(read(BOOKLET));
    sheets = await readPdfa(read(SHEETS));
  });

  it('says PDF/A-2b in its XMP, agrees with its Info, has the sRGB output intent and embeds its fonts', () => {
    expectPdfA2b(booklet);
    expect(booklet.info.Title).toBe('工作简报（示例） 第1期');
  });

  it('makes the print sheets PDF/A-2b too', () => {
    expectPdfA2b(sheets);
    expect(sheets.info.Title).toBe('工作简报（示例） 第1期（拼版）');
  });

  it('leaves a plain build plain: no XMP, no output intent', async () => {
    const { read } = await buildInto([SAMPLE], { layouts: ['booklet'], formats: ['pdf'] });
    for (const file of [BOOKLET, SHEETS]) {
      const plain = await readPdfa(read(file));
      expect(plain.xmpText).toBe('');
      expect(plain.intents).toEqual([]);
    }
  });
});

describe('a theme’s `pdf: { standard: PDF/A-2b }`', () => {
  it('makes its layout’s PDFs PDF/A-2b without --pdfa', async () => {
    const dir = makeProject({ 'a.yaml': projectArticle('甲文') });
    const theme = path.join(dir, 'templates/report.theme.yaml');
    fs.appendFileSync(theme, '\npdf: { standard: PDF/A-2b }\n');
    const r = await cli(['build', '--format', 'pdf', '--no-preview', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expectPdfA2b(await readPdfa(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.pdf')))));
  });
});

describe('PDF/A metadata of a title with markup characters', () => {
  it('escapes & and < in the XMP, which stays well-formed and equal to the Info title', async () => {
    const title = 'A&B <统战> "示例" 工作';
    const { dir, file } = articleProject(article('  - 示例段落。', JSON.stringify(title)));
    const doc = layOut(dir, file);
    expect(doc.meta.title).toBe(title);
    const facts = await readPdfa(await renderPdf({ ...doc, pdf: { standard: 'PDF/A-2b' } }, { readableRoots: [path.dirname(file)] }));
    expect(facts.xmpText).toContain('A&amp;B &lt;统战&gt;');
    expect(facts.info.Title).toBe(title);
    expect(facts.xmp.get('title')).toBe(title);
    expectPdfA2b(facts);
  });
});

describe('jianbao build --pdfa with an image PDF/A cannot hold', () => {
  /** The header of a 2 × 2 JPEG with `n` components: SOI, a JFIF APP0, the frame (SOF0), EOI. */
  const jpeg = (n: number) =>
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 8 + 3 * n, 8, 0, 2, 0, 2, n, ...Array(3 * n).fill(1), 0xff, 0xd9]);

  it('refuses a CMYK JPEG at its YAML line, writes nothing, and says what to do', async () => {
    const { dir, file } = articleProject(article('  - 段落。\n  - image: { src: cmyk.jpg, caption: 示例图 }'));
    fs.writeFileSync(path.join(path.dirname(file), 'cmyk.jpg'), jpeg(4));
    const r = await cli(['build', '--pdfa', '--format', 'pdf', '--no-preview'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.yaml:5:\d+: error\[pdfa-image\]: .*cmyk\.jpg: a CMYK image cannot go into PDF\/A-2b/);
    expect(r.stderr).toContain('hint: save it as an RGB JPEG or PNG');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
