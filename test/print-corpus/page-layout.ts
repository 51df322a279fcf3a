import type * as fontkit from 'fontkit';
import { inlineText, type Block, type Doc } from '../../src/ir/index.js';
import { parsedFont } from '../../src/fonts/font-file.js';
import { importPdfJs } from '../../src/external.js';
import { readGlyphRuns, type GlyphRun } from '../../src/verify/pdf-glyphs.js';
import { drawnLines, type DrawnLine } from '../../src/verify/line-metrics.js';
import { pageContents, strokesOf } from '../bulletin/pdf-strokes.js';

/**
 * What a reader sees of each page of a PDF, read back from it: text lines, pictures and rules,
 * each with its top and bottom (PDF user space, origin bottom left), and what that makes of the
 * page against the layout's text block and line grid.
 */
export interface PageView {
  page: number;
  lines: DrawnLine[];
  /** Lines inside the text block (not the page number or a draft's header line). */
  inside: DrawnLine[];
  /** Top and bottom of everything drawn inside the text block: text (its em box), pictures, rules. */
  ink: { top: number; bottom: number; kind: 'text' | 'image' | 'rule' }[];
  /** Empty grid lines between the lowest ink and the bottom of the text block. */
  emptyLines: number;
  /** Grid line (from 0) the topmost ink is on. */
  firstLine: number;
}

/** The topmost thing on a page, as the paginator's rules name it. */
export type Opening = 'heading' | 'figure' | 'table' | 'text' | 'none';

export async function readPages(pdf: Uint8Array, doc: Doc): Promise<{ pages: PageView[]; runs: GlyphRun[] }> {
  const { runs, pages: sizes } = await readGlyphRuns(pdf);
  const lines = drawnLines(runs);
  const images = await imageBoxes(pdf);
  const contents = await pageContents(pdf);
  const { top: topMargin, bottom } = doc.page.margins;
  const pitch = doc.page.linePitch;
  const pages: PageView[] = [];
  for (let p = 1; p <= sizes.length; p++) {
    const textTop = sizes[p - 1]!.height - topMargin;
    const mine = lines.filter((l) => l.page === p);
    const inside = mine.filter((l) => l.y > bottom && l.y < textTop);
    const ink: PageView['ink'] = [
      ...inside.map((l) => ({ top: l.y + 0.88 * l.size, bottom: l.y - 0.12 * l.size, kind: 'text' as const })),
      ...images.filter((i) => i.page === p).map((i) => ({ top: i.top, bottom: i.bottom, kind: 'image' as const })),
      ...strokesOf(contents[p - 1] ?? '')
        .filter((s) => Math.abs(s.y1 - s.y2) < 0.01 && s.y1 > bottom - 2 && s.y1 < textTop + 2 && s.width > 0)
        .map((s) => ({ top: s.y1 + s.width / 2, bottom: s.y1 - s.width / 2, kind: 'rule' as const })),
    ];
    const lowest = Math.min(...ink.map((i) => i.bottom));
    const highest = Math.max(...ink.map((i) => i.top));
    pages.push({
      page: p,
      lines: mine,
      inside,
      ink,
      emptyLines: ink.length ? Math.floor((lowest - bottom) / pitch + 1e-3) : doc.page.height,
      firstLine: ink.length ? Math.floor((textTop - highest) / pitch + 1e-3) : 0,
    });
  }
  return { pages, runs };
}

/** What opens a page: a heading (a heading, or a paragraph of a kept style: a column label, a title), a figure, a table, text. */
export function openingOf(view: PageView, doc: Doc): Opening {
  if (view.ink.length === 0) return 'none';
  const top = [...view.ink].sort((a, b) => b.top - a.top)[0]!;
  if (top.kind === 'image') return 'figure';
  if (top.kind === 'rule') return 'table';
  const first = squash(view.inside[0]?.text ?? '');
  if (first && headingTexts(doc).some((h) => h.startsWith(first) || first.startsWith(h))) return 'heading';
  if (view.inside[0] && Math.abs(view.inside[0].size - doc.styles.body!.size) > 0.01) return 'table';
  return 'text';
}

/** Texts of the blocks a page may end early before: headings, and paragraphs of kept styles (column labels, titles). */
export function headingTexts(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'heading') out.push(squash((b.number ?? '') + inlineText(b.inlines)));
      else if (b.kind === 'paragraph' && doc.styles[b.style]!.keepWithNext) out.push(squash(b.lines ? b.lines.join('') : inlineText(b.inlines)));
      else if (b.kind === 'foot') visit(b.blocks);
    }
  };
  visit(doc.blocks);
  return out.filter(Boolean);
}

export function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Whether a run is drawn bold: in a bold face (by its name) or filled and stroked (synthetic bold). */
export function isBold(run: GlyphRun): boolean {
  return /bold|black|heavy|semibold|demibold/i.test(run.fontName) || (run.renderMode === 2 && run.lineWidth > 0);
}

/** Pictures as drawn (their boxes, PDF user space): pdf.js's image paints with the transform in force (pdfkit: q, cm w 0 0 h x y, Do, Q). */
export interface ImageBox {
  page: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export async function imageBoxes(pdf: Uint8Array): Promise<ImageBox[]> {
  const pdfjs = await importPdfJs();
  const { OPS } = pdfjs;
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const out: ImageBox[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const ops = await (await document.getPage(n)).getOperatorList();
      type M = [number, number, number, number, number, number];
      let ctm: M = [1, 0, 0, 1, 0, 0];
      const stack: M[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const a = ops.argsArray[i] as number[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) {
          const [p, q, r, s, t, u] = a as M;
          ctm = [p * ctm[0] + q * ctm[2], p * ctm[1] + q * ctm[3], r * ctm[0] + s * ctm[2], r * ctm[1] + s * ctm[3], t * ctm[0] + u * ctm[2] + ctm[4], t * ctm[1] + u * ctm[3] + ctm[5]];
        } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
          const ys = [ctm[5], ctm[5] + ctm[3]];
          const xs = [ctm[4], ctm[4] + ctm[0]];
          out.push({ page: n, top: Math.max(...ys), bottom: Math.min(...ys), left: Math.min(...xs), right: Math.max(...xs) });
        }
      }
    }
  } finally {
    await document.destroy();
  }
  return out;
}

/**
 * The page number's dashes as drawn, by their ink: each dash glyph's box in the face that sets it
 * (the theme's page-number face: the PDF's subset holds the same outline), scaled as the run is.
 */
export function dashInk(run: GlyphRun, faceFile: string): { left: number; right: number; top: number }[] {
  const opened = parsedFont(faceFile) as fontkit.Font | fontkit.FontCollection;
  const font = 'fonts' in opened ? (opened as fontkit.FontCollection).fonts[0]! : (opened as fontkit.Font);
  const em = run.size / font.unitsPerEm;
  const out: { left: number; right: number; top: number }[] = [];
  let x = run.x;
  for (const g of run.glyphs) {
    if (/[\u2012-\u2015\u2500\u2501\uFF0D]/u.test(g.text)) {
      const box = font.glyphForCodePoint(g.text.codePointAt(0)!).bbox;
      out.push({ left: x + box.minX * em * run.hScale, right: x + box.maxX * em * run.hScale, top: run.y + box.maxY * em });
    }
    x += (g.advance * run.size + run.charSpacing) * run.hScale;
  }
  return out;
}
