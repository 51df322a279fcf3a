import type { GlyphRun } from './pdf-glyphs.js';

/** A line of text as drawn: runs on one baseline of one page, left to right. */
export interface DrawnLine {
  page: number;
  y: number;
  size: number;
  text: string;
  left: number;
  /** Where the last glyph's box ends (its advance plus its spacing). */
  right: number;
  runs: GlyphRun[];
}

/** Groups runs into lines by page and baseline, in reading order (top to bottom, left to right). */
export function drawnLines(runs: readonly GlyphRun[]): DrawnLine[] {
  const byKey = new Map<string, GlyphRun[]>();
  for (const r of runs) {
    const key = `${r.page}:${r.y.toFixed(2)}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const lines = [...byKey.values()].map((rs) => {
    rs.sort((a, b) => a.x - b.x);
    const last = rs[rs.length - 1]!;
    const right = last.x + last.glyphs.reduce((w, g) => w + g.advance * last.size + last.charSpacing, 0);
    return { page: rs[0]!.page, y: rs[0]!.y, size: Math.max(...rs.map((r) => r.size)), text: rs.map((r) => r.glyphs.map((g) => g.text).join('')).join(''), left: rs[0]!.x, right, runs: rs };
  });
  // PDF y grows upwards: a larger y is higher on the page.
  return lines.sort((a, b) => a.page - b.page || b.y - a.y || a.left - b.left);
}

const HAN = /^\p{Script=Han}$/u;

/** Every glyph of a line with its origin as drawn (run origin, then advance + Tc after each glyph). */
function glyphOrigins(line: DrawnLine): { text: string; x: number; advance: number; size: number }[] {
  const out: { text: string; x: number; advance: number; size: number }[] = [];
  for (const r of line.runs) {
    let x = r.x;
    for (const g of r.glyphs) {
      out.push({ text: g.text, x, advance: g.advance, size: r.size });
      x += g.advance * r.size + r.charSpacing;
    }
  }
  return out;
}

export const CLOSING = new Set([...'，。、：；？！）》」』】〕〉”’,.:;?!)']);
export const OPENING = new Set([...'（《「『【〔〈“‘(']);

/**
 * A text as the drawn lines are compared with it: without whitespace (justification and line
 * ends add and take it) and hyphens (a hyphenated line ends with one the text does not have).
 */
export function comparable(s: string): string {
  return s.replace(/[\s-]+/g, '');
}

/** Which drawn lines belong to which paragraph: consumes lines until each paragraph's text is used up. */
export function linesByParagraph(lines: readonly DrawnLine[], paragraphs: readonly string[]): DrawnLine[][] {
  const out: DrawnLine[][] = [];
  let i = 0;
  for (const p of paragraphs) {
    const want = comparable(p);
    const mine: DrawnLine[] = [];
    let got = '';
    while (i < lines.length && got.length < want.length) {
      const line = lines[i++]!;
      got += comparable(line.text);
      mine.push(line);
    }
    if (got !== want) throw new Error(`the drawn lines do not spell paragraph ${out.length + 1}: expected ${JSON.stringify(want)}, drawn ${JSON.stringify(got)}`);
    out.push(mine);
  }
  return out;
}

export interface LineMetrics {
  /** Justified lines (all but each paragraph's last) whose right edge misses the text block's by > 0.5 pt. */
  ragged: number;
  /** Lines starting with closing punctuation or ending with an opening mark. */
  badBreaks: number;
  /**
   * Largest extra spacing per character, in em: over every Han character followed on its line by
   * a Han character or a closing mark, the distance from its glyph origin to the next one's, less
   * the nominal pitch (the grid cell for body-size text on a grid page, else its advance).
   */
  maxExtraEm: number;
  /** Largest tightening per character, in em: the same distances, short of the nominal pitch. */
  maxTightEm: number;
  /** Paragraphs whose last line is one character (plus any closing punctuation). */
  loneLastLines: number;
  /** Lines per page of body-size text, for every page but the last. */
  linesPerFullPage: number[];
  /** Character counts of full (justified, unindented) lines made only of Han characters. */
  pureHanFullLines: number[];
}

export interface MeasureOptions {
  textLeft: number;
  textRight: number;
  bodySize: number;
  /** Grid cell in pt for lines set on the grid, else undefined. */
  gridCell?: number;
  /** Paragraph texts in order (headings included), to find last lines. */
  paragraphs: string[];
  /** Paragraphs that are centred or balanced (titles): not justified, not checked for lone lines. */
  unjustified?: Set<number>;
}

/** Measures what a Chinese reader notices about the lines of a rendered document. */
export function measureLines(runs: readonly GlyphRun[], opts: MeasureOptions): LineMetrics {
  const lines = drawnLines(runs).filter((l) => l.size >= opts.bodySize - 0.01);
  const grouped = linesByParagraph(lines, opts.paragraphs);
  const m: LineMetrics = { ragged: 0, badBreaks: 0, maxExtraEm: 0, maxTightEm: 0, loneLastLines: 0, linesPerFullPage: [], pureHanFullLines: [] };
  grouped.forEach((plines, pi) => {
    const justified = !opts.unjustified?.has(pi);
    plines.forEach((line, li) => {
      const chars = [...line.text];
      const isLast = li === plines.length - 1;
      if (CLOSING.has(chars[0]!) || OPENING.has(chars[chars.length - 1]!)) m.badBreaks++;
      if (justified && !isLast && Math.abs(line.right - opts.textRight) > 0.5) m.ragged++;
      if (justified) {
        const glyphs = glyphOrigins(line);
        for (let k = 0; k + 1 < glyphs.length; k++) {
          const a = glyphs[k]!;
          const b = glyphs[k + 1]!;
          // Only where the next glyph sits at the start of its box: a Han character or a closing
          // mark. Before an opening mark, `——`, `……` or a middle dot, the distance also holds that
          // glyph's place in its box (or its squeezed blank half), which is not spacing added to the
          // Han character; before Latin and digits it holds the theme's Han–Latin gap.
          if (!HAN.test(a.text) || !(HAN.test(b.text) || CLOSING.has(b.text)) || a.size !== b.size) continue;
          const nominal = opts.gridCell && a.size === opts.bodySize ? opts.gridCell : a.advance * a.size;
          const extra = (b.x - a.x - nominal) / a.size;
          m.maxExtraEm = Math.max(m.maxExtraEm, extra);
          m.maxTightEm = Math.max(m.maxTightEm, -extra);
        }
      }
      if (justified && !isLast && Math.abs(line.left - opts.textLeft) < 0.5 && chars.every((c) => HAN.test(c))) m.pureHanFullLines.push(chars.length);
    });
    const last = [...plines[plines.length - 1]!.text].filter((c) => !CLOSING.has(c));
    if (justified && plines.length > 1 && last.length <= 1) m.loneLastLines++;
  });
  const pages = Math.max(...lines.map((l) => l.page));
  for (let p = 1; p < pages; p++) m.linesPerFullPage.push(lines.filter((l) => l.page === p && Math.abs(l.size - opts.bodySize) < 0.01).length);
  return m;
}
