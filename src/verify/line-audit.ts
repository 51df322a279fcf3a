import type { DrawnLine } from './line-metrics.js';

/**
 * What a Chinese reader notices in one drawn line, read from glyph origins (pdf.js) and the
 * fonts' ink boxes: how much spacing each kind of gap took, how much width each full-width mark
 * kept, whether the two glyphs of `——` touch, and where the line's ink starts and ends.
 */
export interface LineAudit {
  page: number;
  y: number;
  text: string;
  /** Largest extra spacing between two Han characters (or a Han character and a closing mark), in em. */
  hanEm: number;
  /** How many such gaps the line has (hanEm means nothing without one). */
  hanGaps: number;
  /** Extra spacing at each edge between Han and a Latin word or number, in em (the theme's gap excluded). */
  edgeEm: number[];
  /** Largest extra spacing inside a Latin word, number or URL, in em. */
  wordEm: number;
  /** Largest extra spacing after a word space, in em. */
  spaceEm: number;
  /** The largest of hanEm, edgeEm and wordEm: the line's extra spacing per character. */
  maxExtraEm: number;
  /**
   * Width each full-width mark inside the line keeps, in em of its box (1 = untouched), beside a
   * Han character on its blank side; `alone` when neither neighbour is a mark (not one of a pair).
   */
  marks: { text: string; keptEm: number; alone: boolean }[];
  /** For each pair of adjacent dashes, the distance from the first one's ink to the second one's, in pt (0 = one stroke). */
  dashGaps: number[];
  /** Where the line's ink starts and ends, in pt from the page's left edge. */
  inkLeft: number;
  inkRight: number;
}

export interface AuditOptions {
  /** Grid cell in pt of body-size text on a grid page (GB/T 9704), else undefined. */
  gridCell?: number;
  bodySize: number;
  /** The theme's Han–Latin gap in em (counted as nominal, not as extra spacing). */
  latinGap?: number;
  /** Horizontal ink extent [minX, maxX] in em of a glyph of the named embedded font. */
  ink: (fontName: string, cp: number) => readonly [number, number] | undefined;
}

const HAN = /^[\p{Script=Han}\u3000]$/u;
const WORD = /^[\p{L}\p{N}\p{S}\p{Pc}\p{Pd}/.:@?&=#%~\\'"_,;!*+()[\]{}|<>$-]$/u;
const OPEN_CJK = new Set([...'（《「『【〔〈“‘〖［｛']);
const CLOSE_CJK = new Set([...'，。、：；？！）》」』】〕〉”’〗］｝']);
const DASHES = new Set([...'—―⸺⸻']);

interface Glyph {
  text: string;
  x: number;
  advance: number;
  size: number;
  fontName: string;
}

function glyphsOf(line: DrawnLine): Glyph[] {
  const out: Glyph[] = [];
  for (const r of line.runs) {
    let x = r.x;
    for (const g of r.glyphs) {
      out.push({ text: g.text, x, advance: g.advance, size: r.size, fontName: r.fontName });
      x += g.advance * r.size + r.charSpacing;
    }
  }
  return out;
}

const isHan = (g: Glyph): boolean => HAN.test(g.text);
const isWord = (g: Glyph): boolean => !isHan(g) && !OPEN_CJK.has(g.text) && !CLOSE_CJK.has(g.text) && !DASHES.has(g.text) && g.text !== ' ' && WORD.test(g.text);

/** Audits one drawn line. */
export function auditLine(line: DrawnLine, o: AuditOptions): LineAudit {
  const gs = glyphsOf(line);
  // The nominal width of a glyph's box: a grid cell for body-size Han and full-width marks on a grid page, else its advance.
  const cell = (g: Glyph): number | undefined => (o.gridCell && Math.abs(g.size - o.bodySize) < 0.01 ? o.gridCell : undefined);
  const box = (g: Glyph): number => (isHan(g) || OPEN_CJK.has(g.text) || CLOSE_CJK.has(g.text) ? (cell(g) ?? g.size) : g.advance * g.size);
  const gap = (o.latinGap ?? 0);
  const a: LineAudit = { page: line.page, y: line.y, text: line.text, hanEm: 0, hanGaps: 0, edgeEm: [], wordEm: 0, spaceEm: 0, maxExtraEm: 0, marks: [], dashGaps: [], inkLeft: line.left, inkRight: line.right };
  for (let k = 0; k + 1 < gs.length; k++) {
    const p = gs[k]!;
    const q = gs[k + 1]!;
    if (p.size !== q.size) continue;
    const extra = (q.x - p.x - box(p)) / p.size;
    if (isHan(p) && (isHan(q) || CLOSE_CJK.has(q.text))) {
      a.hanEm = a.hanGaps === 0 ? extra : Math.max(a.hanEm, extra);
      a.hanGaps++;
    }
    else if ((isHan(p) && isWord(q)) || (isWord(p) && isHan(q))) a.edgeEm.push(extra - gap);
    else if (isWord(p) && isWord(q)) a.wordEm = Math.max(a.wordEm, extra);
    else if (p.text === ' ') a.spaceEm = Math.max(a.spaceEm, extra);
    if (DASHES.has(p.text) && q.text === p.text) {
      const ip = o.ink(p.fontName, p.text.codePointAt(0)!);
      const iq = o.ink(q.fontName, q.text.codePointAt(0)!);
      if (ip && iq) a.dashGaps.push(q.x + iq[0] * q.size - (p.x + ip[1] * p.size));
    }
  }
  // Marks inside the line (not its last glyph), measured where the box is known on both sides.
  const isMark = (g: Glyph | undefined): boolean => !!g && (OPEN_CJK.has(g.text) || CLOSE_CJK.has(g.text));
  for (let k = 0; k < gs.length; k++) {
    const g = gs[k]!;
    const full = box(g);
    const alone = !isMark(gs[k - 1]) && !isMark(gs[k + 1]);
    if (CLOSE_CJK.has(g.text) && k + 1 < gs.length) {
      const q = gs[k + 1]!;
      if (isHan(q) && q.size === g.size) a.marks.push({ text: g.text, keptEm: (q.x - g.x) / full, alone });
    } else if (OPEN_CJK.has(g.text) && k > 0 && k + 1 < gs.length) {
      const p = gs[k - 1]!;
      const q = gs[k + 1]!;
      // The opening mark's box runs from the end of the Han box before it to the next glyph's origin.
      if (isHan(p) && isHan(q) && p.size === g.size) a.marks.push({ text: g.text, keptEm: (q.x - (p.x + box(p))) / full, alone });
    }
  }
  a.maxExtraEm = Math.max(a.hanEm, a.wordEm, ...a.edgeEm);
  const first = gs[0];
  const last = gs[gs.length - 1];
  if (first && last) {
    const f = o.ink(first.fontName, first.text.codePointAt(0)!);
    const l = o.ink(last.fontName, last.text.codePointAt(0)!);
    a.inkLeft = first.x + (f ? f[0] : 0) * first.size;
    a.inkRight = last.x + (l ? l[1] : last.advance) * last.size;
  }
  return a;
}
