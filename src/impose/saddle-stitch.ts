import { PAPER } from '../theme/length.js';
import { isPdfA2b, markPdfA } from './pdfa-sheets.js';

/** The sheet the pages are printed on, landscape, two pages side by side. */
export interface ImposeOptions {
  /** Sheet paper, turned landscape; A4 by default (two A5 pages). */
  sheet?: keyof typeof PAPER;
  /** Dates written into the sheets file, so equal input gives equal bytes; the source's by default. */
  date?: Date;
}

/**
 * The page order of a saddle-stitched booklet of `pages` pages, padded with blanks to a multiple
 * of four: one [left, right] pair per sheet side, 1-based, with `null` for a blank. For 8 pages:
 * [8,1] [2,7] [6,3] [4,5] — printed double-sided, folded and stapled, they read 1 to 8.
 */
export function saddleStitchOrder(pages: number): [number | null, number | null][] {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`a booklet needs at least one page, got ${pages}`);
  const n = Math.ceil(pages / 4) * 4;
  const page = (p: number) => (p <= pages ? p : null);
  const sides: [number | null, number | null][] = [];
  for (let k = 0; k < n / 2; k++) {
    // Even sides (fronts) carry the outer page on the left; odd sides (backs) on the right.
    sides.push(k % 2 === 0 ? [page(n - k), page(k + 1)] : [page(k + 1), page(n - k)]);
  }
  return sides;
}

/**
 * Imposes a PDF for saddle-stitch printing: each sheet side is a landscape sheet (A4 by default)
 * carrying two pages in booklet order, each page scaled to fit its half and centred in it
 * (an A5 page fills half an A4 exactly). Blank pages pad the booklet to a multiple of four.
 * Returns the bytes of a new PDF with one page per sheet side: ceil(pages / 4) × 2 of them.
 */
export async function imposeSaddleStitch(pdf: Uint8Array, options: ImposeOptions = {}): Promise<Uint8Array> {
  // Loaded here, not at the top: pdf-lib is 300 modules, and only booklets need it.
  const { PDFDocument } = await import('pdf-lib');
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const paper = PAPER[options.sheet ?? 'A4']!;
  const sheetWidth = Math.max(paper.width, paper.height);
  const sheetHeight = Math.min(paper.width, paper.height);
  const half = sheetWidth / 2;

  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = source.getPages();
  const embedded = await out.embedPages(pages);
  for (const pair of saddleStitchOrder(pages.length)) {
    const sheet = out.addPage([sheetWidth, sheetHeight]);
    pair.forEach((p, slot) => {
      if (p === null) return;
      const page = embedded[p - 1]!;
      const scale = Math.min(half / page.width, sheetHeight / page.height, 1);
      const w = page.width * scale;
      const h = page.height * scale;
      sheet.drawPage(page, { x: slot * half + (half - w) / 2, y: (sheetHeight - h) / 2, xScale: scale, yScale: scale });
    });
  }

  const title = source.getTitle();
  const author = source.getAuthor();
  const date = options.date ?? source.getCreationDate() ?? new Date(0);
  const info = {
    ...(title ? { Title: `${title}（拼版）` } : {}),
    ...(author ? { Author: author } : {}),
    Subject: 'saddle-stitch imposition: print double-sided, flip on the short edge, fold and staple',
    Creator: 'jianbao',
    Producer: 'jianbao (pdf-lib)',
    CreationDate: date,
    ModDate: date,
  };
  if (info.Title) out.setTitle(info.Title);
  if (info.Author) out.setAuthor(info.Author);
  out.setSubject(info.Subject);
  out.setCreator(info.Creator);
  out.setProducer(info.Producer);
  out.setCreationDate(date);
  out.setModificationDate(date);
  // The sheets of a PDF/A file are PDF/A too: its pages carry their embedded fonts along.
  if (await isPdfA2b(source)) await markPdfA(out, info);
  // No object streams: each page dictionary stays visible, as the manifest's page count expects.
  return out.save({ useObjectStreams: false });
}
