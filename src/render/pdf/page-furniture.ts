import type * as fontkit from 'fontkit';
import type { Doc, Style } from '../../ir/index.js';
import { pdfFontFeatures } from '../../compose/index.js';
import { parsedFont } from '../../fonts/font-file.js';
import { textProps } from './text-style.js';
import { lineBox } from './paragraph.js';

/** Characters a page number format draws as its dashes (GB/T 9704's 一字线). */
const DASHES = /[\u2012-\u2015\u2500\u2501\uFF0D]/u;

/** Float noise pdfmake's footer frame starts below the text block (the bottom margin gives way by it: see render-pdf). */
const GRID_EPSILON = 0.01;

/**
 * The page number as the theme places it (GB/T 9704: `— 1 —`, the dashes' ink 7 mm below the text
 * block, odd pages at the right and even pages at the left, one character in from the edge of the
 * text block). Positions are measured on the glyphs' ink, not their advances: a dash drawn 0.81 em
 * wide by its font is scaled to the theme's `dash` width (一字线: one character), and the number
 * sits its inset in from the edge of the text block by its outermost ink.
 */
export function footer(doc: Doc): ((page: number) => object) | undefined {
  const pn = doc.furniture.pageNumber;
  if (!pn) return undefined;
  const style = doc.styles[pn.style]!;
  const { left, right } = doc.page.margins;
  const textRight = doc.page.width - right;
  const box = lineBox(doc, style);
  return (page: number) => {
    const line = numberLine(doc, style, pn.format.replace('{n}', String(page)), pn.dash);
    const side = pn.position === 'center' ? 'center' : page % 2 === 1 ? 'right' : 'left';
    const x = side === 'right' ? textRight - pn.inset - line.inkRight : side === 'left' ? left + pn.inset - line.inkLeft : (left + textRight) / 2 - (line.inkLeft + line.inkRight) / 2;
    // pdfmake lays the footer out from the bottom margin; the baseline goes where the ink's top is `below` the text block.
    const top = pn.below + line.inkTop - box.ascent - GRID_EPSILON;
    return {
      text: line.runs.map((r) => ({ ...r, lineBox: box, fontFeatures: pdfFontFeatures(), preserveLeadingSpaces: true, preserveTrailingSpaces: true })),
      ...textProps(doc, style),
      noWrap: true,
      alignment: 'left',
      margin: [x, top, 0, 0],
    };
  };
}

interface NumberLine {
  runs: { text: string; characterSpacing?: number; spacingAfterLast?: boolean; draw?: { scale: number } }[];
  /** Ink extents from the line's origin: left and right edge, and the top above the baseline, in pt. */
  inkLeft: number;
  inkRight: number;
  inkTop: number;
}

/**
 * The runs of a page number line and where its ink is: each dash its own run, scaled to `dash` pt
 * of ink (with spacing after it for the advance the scale adds, so the next run starts where the
 * dash ends), the rest as the font sets it.
 */
function numberLine(doc: Doc, style: Style, text: string, dash: number | undefined): NumberLine {
  const font = faceOf(doc.fonts[style.font]!.file);
  const em = style.size / font.unitsPerEm;
  const runs: NumberLine['runs'] = [];
  let x = 0;
  let inkLeft = Infinity;
  let inkRight = -Infinity;
  let dashTop = -Infinity;
  let anyTop = -Infinity;
  for (const ch of text) {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    const advance = glyph.advanceWidth * em;
    const bbox = glyph.bbox;
    const inked = bbox.maxX > bbox.minX;
    const isDash = DASHES.test(ch) && inked;
    const scale = isDash && dash !== undefined ? dash / ((bbox.maxX - bbox.minX) * em) : 1;
    if (inked) {
      inkLeft = Math.min(inkLeft, x + bbox.minX * em * scale);
      inkRight = Math.max(inkRight, x + bbox.maxX * em * scale);
      anyTop = Math.max(anyTop, bbox.maxY * em);
      if (isDash) dashTop = Math.max(dashTop, bbox.maxY * em);
    }
    if (scale !== 1) runs.push({ text: ch, characterSpacing: advance * (scale - 1), spacingAfterLast: true, draw: { scale } });
    else if (runs.length > 0 && runs[runs.length - 1]!.draw === undefined) runs[runs.length - 1]!.text += ch;
    else runs.push({ text: ch });
    x += advance * scale;
  }
  if (inkLeft > inkRight) inkLeft = inkRight = 0;
  return { runs, inkLeft, inkRight, inkTop: dashTop > -Infinity ? dashTop : anyTop > -Infinity ? anyTop : 0 };
}

const faces = new Map<string, fontkit.Font>();

function faceOf(file: string): fontkit.Font {
  let font = faces.get(file);
  if (!font) {
    // The process's one parse of the file, shared with the composer and pdfkit.
    const opened = parsedFont(file) as fontkit.Font | fontkit.FontCollection;
    font = 'fonts' in opened ? (opened as fontkit.FontCollection).fonts[0]! : (opened as fontkit.Font);
    faces.set(file, font);
  }
  return font;
}

/** The header line (a draft's 征求意见稿) above the text block of every page, in its style. */
export function header(doc: Doc): ((page: number) => object) | undefined {
  const h = doc.furniture.header;
  if (!h) return undefined;
  const style = doc.styles[h.style]!;
  const { left, right, top } = doc.page.margins;
  return () => ({ text: h.text, ...textProps(doc, style), alignment: style.align, margin: [left, Math.max(12, top / 2 - style.size), right, 0] });
}

/** The watermark (a draft's mark), large and faint across every page, as the theme draws it. */
export function watermark(doc: Doc): object | undefined {
  const w = doc.furniture.watermark;
  if (!w) return undefined;
  return { text: w.text, color: w.color, opacity: w.opacity, font: w.font, fontSize: w.size, angle: w.angle, fontFeatures: pdfFontFeatures() };
}
