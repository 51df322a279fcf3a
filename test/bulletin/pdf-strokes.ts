import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';

/** A straight stroked segment on a page, in PDF user space (origin bottom left), with its colour. */
export interface Stroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  /** Stroke colour as written, e.g. `0.902 0 0.071` (DeviceRGB components, rounded to 3 places). */
  color: string;
}

type Matrix = [number, number, number, number, number, number];

/** The decoded content stream(s) of each page, as text. */
export async function pageContents(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    return refs
      .map((ref) => {
        const stream = doc.context.lookup(ref);
        return stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '';
      })
      .join('\n');
  });
}

/**
 * The straight strokes of a content stream (m/l … S), with the current transformation applied:
 * enough to find the rules pdfmake draws and their colours. Only q/Q/cm, w, RG/SCN, m, l and S matter.
 */
export function strokesOf(content: string): Stroke[] {
  return drawnOn(content).strokes;
}

/** The centres of the small filled shapes of a content stream (at most 3 pt across): a dot leader's dots. */
export function dotsOf(content: string): { x: number; y: number }[] {
  return drawnOn(content).dots;
}

function drawnOn(content: string): { strokes: Stroke[]; dots: { x: number; y: number }[] } {
  const out: Stroke[] = [];
  const dots: { x: number; y: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let width = 1;
  let color = '0 0 0';
  const stack: { ctm: Matrix; width: number; color: string }[] = [];
  let path: [number, number][][] = [];
  const operands: string[] = [];
  const num = (i: number) => Number(operands[operands.length - i]);
  const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  for (const token of content.match(/\[[^\]]*\]|<[^>]*>|\([^)]*\)|\/?[^\s[\]<>()/]+/g) ?? []) {
    if (/^[-+.\d]/.test(token) || token.startsWith('/') || token.startsWith('[') || token.startsWith('<') || token.startsWith('(')) {
      operands.push(token);
      continue;
    }
    switch (token) {
      case 'q':
        stack.push({ ctm, width, color });
        break;
      case 'Q':
        ({ ctm, width, color } = stack.pop() ?? { ctm, width, color });
        break;
      case 'cm': {
        const [a, b, c, d, e, f] = [num(6), num(5), num(4), num(3), num(2), num(1)];
        ctm = [a * ctm[0] + b * ctm[2], a * ctm[1] + b * ctm[3], c * ctm[0] + d * ctm[2], c * ctm[1] + d * ctm[3], e * ctm[0] + f * ctm[2] + ctm[4], e * ctm[1] + f * ctm[3] + ctm[5]];
        break;
      }
      case 'w':
        width = num(1);
        break;
      case 'RG':
      case 'SCN':
        color = operands.slice(-3).map((v) => String(Math.round(Number(v) * 1000) / 1000)).join(' ');
        break;
      case 'm':
        path.push([apply(ctm, num(2), num(1))]);
        break;
      case 'l':
        path[path.length - 1]?.push(apply(ctm, num(2), num(1)));
        break;
      case 'c':
        path[path.length - 1]?.push(apply(ctm, num(6), num(5)), apply(ctm, num(4), num(3)), apply(ctm, num(2), num(1)));
        break;
      case 'S':
        for (const sub of path) for (let i = 1; i < sub.length; i++) out.push({ x1: sub[i - 1]![0], y1: sub[i - 1]![1], x2: sub[i]![0], y2: sub[i]![1], width, color });
        path = [];
        break;
      case 'f':
        for (const sub of path) {
          const xs = sub.map((p) => p[0]);
          const ys = sub.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (sub.length > 2 && x1 - x0 <= 3 && y1 - y0 <= 3) dots.push({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 });
        }
        path = [];
        break;
      case 'n':
      case 'B':
        path = [];
        break;
    }
    operands.length = 0;
  }
  return { strokes: out, dots };
}

/** The red of the themes (#E60012) as pdfkit writes it, rounded like strokesOf rounds. */
export const RED = '0.902 0 0.071';
