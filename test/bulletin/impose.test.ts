import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { imposedOutput, imposedPath, wantsImposition } from '../../src/outputs/imposed.js';
import { imposeSaddleStitch, saddleStitchOrder } from '../../src/impose/index.js';
import { countPdfPages } from '../../src/render/pdf/page-count.js';
import { layoutFacts } from '../../src/pipeline/layouts.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { readPdfText, type PdfPageText } from '../../src/verify/pdf-text.js';
import { buildInto } from '../support.js';
import { OUT, SAMPLE } from './sample.js';

const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

/** The page numbers printed on each half of each sheet side: [left, right], null for a blank half. */
function numbersByHalf(pages: PdfPageText[], pattern: RegExp): (number | null)[][] {
  return pages.map((page) => {
    const halves: (number | null)[] = [null, null];
    for (const item of page.items) {
      const m = pattern.exec(item.str.replace(/\s+/g, ''));
      if (m) halves[item.x + item.width / 2 < page.width / 2 ? 0 : 1] = Number(m[1]);
    }
    return halves;
  });
}

describe('saddle-stitch page order', () => {
  it('pairs 8 pages as 8,1 / 2,7 / 6,3 / 4,5', () => {
    expect(saddleStitchOrder(8)).toEqual([[8, 1], [2, 7], [6, 3], [4, 5]]);
  });
  it('pads to a multiple of four with blanks', () => {
    expect(saddleStitchOrder(5)).toEqual([[null, 1], [2, null], [null, 3], [4, 5]]);
    expect(saddleStitchOrder(1)).toEqual([[null, 1], [null, null]]);
    expect(saddleStitchOrder(12)).toHaveLength(6);
  });
  it('refuses an empty booklet', () => {
    expect(() => saddleStitchOrder(0)).toThrow(/at least one page/);
  });
});

describe('imposeSaddleStitch on a 5-page PDF', () => {
  let sheets: PdfPageText[];
  beforeAll(async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let n = 1; n <= 5; n++) doc.addPage([419.53, 595.28]).drawText(`page ${n}`, { x: 180, y: 40, size: 12, font });
    sheets = await readPdfText(await imposeSaddleStitch(await doc.save()));
  });
  it('writes ceil(5 / 4) × 2 = 4 A4 landscape sheet sides with the pages in booklet order', () => {
    expect(sheets).toHaveLength(4);
    for (const s of sheets) expect([s.width, s.height]).toEqual([expect.closeTo(A4_LANDSCAPE.width, 1), expect.closeTo(A4_LANDSCAPE.height, 1)]);
    expect(numbersByHalf(sheets, /^page(\d+)$/)).toEqual(saddleStitchOrder(5));
  });
});

describe('the sample booklet imposed', () => {
  let booklet: PdfPageText[];
  let sheets: PdfPageText[];
  let output: Awaited<ReturnType<typeof imposedOutput>>;

  beforeAll(async () => {
    const { read, result } = await buildInto([SAMPLE], { layouts: ['booklet'], formats: ['pdf'] });
    // The build writes the sheets too; take the booklet PDF itself and impose it here.
    const entry = result.outputs.find((o) => o.path === `${OUT}/booklet.pdf`)!;
    // The booklet's theme says it is imposed (`layout: { imposed: saddle-stitch }`).
    const imposed = layoutFacts(projectPaths(process.cwd())).get('booklet')?.imposed;
    expect(wantsImposition(entry.format, imposed)).toBe(true);
    const pdf = read(`${OUT}/booklet.pdf`);
    booklet = await readPdfText(pdf);
    output = await imposedOutput(entry, pdf, imposed!);
    sheets = await readPdfText(output.bytes);
  });

  it('has ceil(pages / 4) × 2 A4 landscape sheet sides', () => {
    expect(sheets).toHaveLength(Math.ceil(booklet.length / 4) * 2);
    for (const s of sheets) {
      expect(s.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
      expect(s.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
    }
  });

  it('prints the pages in saddle-stitch order, read back from the page numbers on each half', () => {
    expect(numbersByHalf(booklet, /^—(\d+)—$/).map(([, n]) => n)).toEqual(booklet.map((_, i) => i + 1));
    expect(numbersByHalf(sheets, /^—(\d+)—$/)).toEqual(saddleStitchOrder(booklet.length));
  });

  it('keeps every text of the booklet', () => {
    const text = (pages: PdfPageText[]) => pages.flatMap((p) => p.items.map((i) => i.str)).join('').replace(/\s+/g, '');
    expect(text(sheets).length).toBe(text(booklet).length);
  });

  it('is listed as its own output, ending -imposed.pdf, with imposed: true', () => {
    expect(output.entry).toMatchObject({ path: `${OUT}/booklet-imposed.pdf`, layout: 'booklet', format: 'pdf', imposed: true, pages: sheets.length, bytes: output.bytes.byteLength });
    expect(output.entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(countPdfPages(output.bytes)).toBe(sheets.length);
    expect(imposedPath('a/b/booklet.pdf')).toBe('a/b/booklet-imposed.pdf');
    const facts = layoutFacts(projectPaths(process.cwd()));
    expect(wantsImposition('pdf', facts.get('bulletin')?.imposed)).toBe(false);
    expect(wantsImposition('docx', facts.get('booklet')?.imposed)).toBe(false);
  });

  it('gives the same bytes for the same PDF', async () => {
    const again = await imposedOutput({ ...output.entry, path: `${OUT}/booklet.pdf` }, (await buildInto([SAMPLE], { layouts: ['booklet'], formats: ['pdf'] })).read(`${OUT}/booklet.pdf`), 'saddle-stitch');
    expect(again.entry.sha256).toBe(output.entry.sha256);
  });
});
