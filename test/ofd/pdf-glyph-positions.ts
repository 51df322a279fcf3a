import { importPdfJs } from '../../src/external.js';

/** One glyph of a PDF as a reader places it: its text, and its origin in pt, y down from the page's top. */
export interface PdfGlyph {
  page: number;
  text: string;
  x: number;
  y: number;
}

/** An image's box on its page, in pt, y down. */
export interface PdfImage {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

type M = [number, number, number, number, number, number];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * Every glyph's origin, from pdf.js's operator list: the graphics state's CTM (cm, q, Q), the text
 * matrix (Tm), the size (Tf), character spacing (Tc), each glyph's width and the TJ adjustments,
 * composed as PDF's text rendering does. Independent of our writer: this is what a reader draws.
 */
export async function readPdfGlyphs(pdf: Uint8Array): Promise<{ pages: { width: number; height: number }[]; glyphs: PdfGlyph[]; images: PdfImage[] }> {
  const pdfjs = await importPdfJs();
  const { OPS } = pdfjs;
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const glyphs: PdfGlyph[] = [];
  const images: PdfImage[] = [];
  const pages: { width: number; height: number }[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ width: x1 - x0, height: y1 - y0 });
      const ops = await page.getOperatorList();
      let ctm: M = [1, 0, 0, 1, 0, 0];
      const stack: M[] = [];
      let tm: M = [1, 0, 0, 1, 0, 0];
      let size = 0;
      let tc = 0;
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = mul(args as M, ctm);
        else if (fn === OPS.beginText) {
          tm = [1, 0, 0, 1, 0, 0];
          tc = 0;
        } else if (fn === OPS.setTextMatrix) tm = Array.from(args[0] as ArrayLike<number>) as M;
        else if (fn === OPS.setFont) size = Number(args[1]);
        else if (fn === OPS.setCharSpacing) tc = Number(args[0]);
        else if (fn === OPS.paintImageXObject) {
          // An image fills the unit square of the current space.
          const xs = [0, 1].flatMap((u) => [0, 1].map((v) => ctm[0] * u + ctm[2] * v + ctm[4]));
          const ys = [0, 1].flatMap((u) => [0, 1].map((v) => ctm[1] * u + ctm[3] * v + ctm[5]));
          images.push({ page: n, x: Math.min(...xs) - x0, y: y1 - Math.max(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
        }
        else if (fn === OPS.showText) {
          let tx = 0;
          for (const g of args[0] as ({ unicode?: string; width?: number } | number | null)[]) {
            if (typeof g === 'number') {
              tx -= (g / 1000) * size;
              continue;
            }
            if (!g) continue;
            const at = mul(mul([1, 0, 0, 1, tx, 0], tm), ctm);
            glyphs.push({ page: n, text: g.unicode ?? '', x: at[4] - x0, y: y1 - at[5] });
            tx += ((g.width ?? 0) / 1000) * size + tc;
          }
        }
      }
    }
  } finally {
    await document.destroy();
  }
  return { pages, glyphs, images };
}
