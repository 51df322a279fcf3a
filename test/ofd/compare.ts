import path from 'node:path';
import type { Doc } from '../../src/ir/index.js';
import { renderOfd } from '../../src/render/ofd/render-ofd.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readPdfGlyphs } from './pdf-glyph-positions.js';
import { readOfd, type OfdRead } from './read-ofd.js';

const MM = 25.4 / 72;

export interface Agreement {
  ofd: OfdRead;
  ofdBytes: Uint8Array;
  pdf: Uint8Array;
  pdfPages: { width: number; height: number }[];
  /** Image boxes of the PDF, in mm, y down. */
  pdfImages: { page: number; x: number; y: number; width: number; height: number }[];
  /** Glyphs drawn in the PDF (white space aside), and characters placed in the OFD. */
  pdfGlyphs: number;
  ofdChars: number;
  /** Largest distance, in mm, between a PDF glyph and the same character in the OFD. */
  worst: number;
  /** Characters found in one format and not the other, as `page:text`. */
  unmatched: string[];
}

/**
 * Renders a document to PDF and to OFD with the project's writers, reads both back with readers
 * of their own (pdf.js for the PDF, read-ofd.ts for the OFD) and pairs each PDF glyph with the
 * same character on the same page of the OFD: per page and character, in reading order.
 */
export async function compareWithPdf(doc: Doc, contentFile: string): Promise<Agreement> {
  const roots = { readableRoots: [path.dirname(contentFile)] };
  const pdf = await renderPdf(doc, roots);
  const ofdBytes = await renderOfd(doc, roots);
  const ofd = readOfd(ofdBytes);
  const { pages: pdfPages, glyphs, images } = await readPdfGlyphs(pdf);
  const pdfImages = images.map((i) => ({ page: i.page, x: i.x * MM, y: i.y * MM, width: i.width * MM, height: i.height * MM }));
  let worst = 0;
  let pdfGlyphs = 0;
  let ofdChars = 0;
  const unmatched: string[] = [];
  const pageCount = Math.max(pdfPages.length, ofd.pages.length);
  for (let p = 0; p < pageCount; p++) {
    const byText = new Map<string, { pdf: { x: number; y: number }[]; ofd: { x: number; y: number }[] }>();
    const slot = (t: string) => byText.get(t) ?? byText.set(t, { pdf: [], ofd: [] }).get(t)!;
    for (const g of glyphs) {
      if (g.page !== p + 1 || !g.text.trim()) continue;
      pdfGlyphs++;
      slot(g.text).pdf.push({ x: g.x * MM, y: g.y * MM });
    }
    for (const c of ofd.pages[p]?.chars ?? []) {
      ofdChars++;
      slot(c.text).ofd.push({ x: c.x, y: c.y });
    }
    for (const [text, { pdf: a, ofd: b }] of byText) {
      const order = (u: { x: number; y: number }, v: { x: number; y: number }) => u.y - v.y || u.x - v.x;
      a.sort(order);
      b.sort(order);
      if (a.length !== b.length) unmatched.push(`${p + 1}:${text} (${a.length} in the PDF, ${b.length} in the OFD)`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) worst = Math.max(worst, Math.hypot(a[i]!.x - b[i]!.x, a[i]!.y - b[i]!.y));
    }
  }
  return { ofd, ofdBytes, pdf, pdfPages, pdfImages, pdfGlyphs, ofdChars, worst, unmatched };
}

/** The OFD's text in drawing order, the draft marks (Foreground layer) left out. */
export function ofdBodyText(ofd: OfdRead): string {
  return ofd.pages.map((p) => p.codes.filter((c) => c.layer === 'Body').map((c) => c.text).join('')).join('');
}
