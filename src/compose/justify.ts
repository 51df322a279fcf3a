import { CLOSE, OPEN } from './char-class.js';
import { DEEP } from './paragraph-model.js';
import { endsWithHyphen } from './word-breaks.js';
import type { Fit } from './linebreak.js';
import type { Model } from './model.js';

/** A run of characters that all get the same extra spacing after each character (pdfkit characterSpacing, in pt). */
export interface Run {
  text: string;
  characterSpacing: number;
  /**
   * Addition to the agreed shape: the run's drawn width in pt, Σ advance·size + n·characterSpacing,
   * i.e. where the next run starts. pdfmake places each inline at the previous inline's
   * *measured* width, Σ advance + (n−1)·spacing, so a renderer that lets pdfmake chain the runs
   * loses the trailing spacing of every run; placing runs by this width avoids that.
   */
  width: number;
}

/** One composed line, ready to be drawn as one unbreakable line of runs. */
export interface ComposedLine {
  runs: Run[];          // concatenated run texts == the line's exact characters (no inserted spaces, no ZWSP)
  x: number;            // left offset in pt from the block's left edge (indent, centering)
  width: number;        // drawn width in pt, including all spacing
  last: boolean;        // last line of paragraph (flush left / not justified)
  /**
   * A line that ends inside a hyphenated Latin word: the hyphen to draw after the runs (`-`, as
   * TeX draws it: the font's hyphen, whose glyph other code points such as U+00AD share).
   */
  hyphen?: Run;
}

/** Where a line of a justified block is placed, and whether its spacing is spread. */
export interface LinePlacement {
  width: number;
  indent: number;
  align: 'justify' | 'left' | 'center' | 'right';
  last: boolean;
  /** Centre on the line's ink (its first and last glyph's ink boxes) rather than on its advance boxes. */
  centreByInk?: boolean;
}

// Spacings are rounded so that equal ones compare equal and runs merge; the rounding error of
// a line (< 60 chars × 5e-5 pt) is then handed to the last character, so the line still ends
// where it should.
const ROUND = 1e4;

/**
 * Turn the fitted line [i, j) into runs: every character's characterSpacing follows from the
 * box model, plus the justification r times the gap's share (stretch or shrink); equal neighbours merge.
 */
export function buildLine(m: Model, i: number, j: number, f: Fit, p: LinePlacement): ComposedLine {
  const { adv, box, pre, join, stretch, shrink, text, off, cls, squeeze, squeezeTier } = m;
  const e = f.e;
  const r = p.align === 'justify' || f.r < 0 ? f.r : 0;
  const runs: Run[] = [];
  let runStart = i;
  let runCs = NaN;
  let runAdv = 0;
  let total = 0;
  // Where the first glyph starts in its box (a centred dash, a proportional opening mark).
  const lead = Math.max(0, pre[i]!);
  let drawn = lead; // from the first box's start: Σ advance + spacing of the content (without trailing spaces)
  const share = (tier: number): number => f.t[tier] ?? 0;
  const csAt = (k: number): number => {
    if (k >= e) return -adv[k]!; // a trailing space hangs: net width zero
    // Every glyph keeps its place in its box, at the line start too (`lead` below): a dash run
    // stays one stroke centred in its boxes. Only a glyph set left of its box (a half-width
    // opening mark) starts at the line start, with the room fitLine gave it.
    let cs = box[k]! - adv[k]! - pre[k]!;
    if (k + 1 < e) {
      cs += pre[k + 1]! + join[k]!;
      cs += r * (f.everyGap ? 1 : r > 0 ? stretch[k]! : shrink[k]!);
      // A mark inside the line gives up its share of its blank half: a closing mark by the
      // spacing after it, an opening mark by the spacing before it (its blank is on its left).
      if (k > i && cls[k] === CLOSE) cs -= share(squeezeTier[k]!) * squeeze[k]! + share(DEEP) * m.deep[k]!;
      if (k + 2 < e && cls[k + 1] === OPEN) cs -= share(squeezeTier[k + 1]!) * squeeze[k + 1]! + share(DEEP) * m.deep[k + 1]!;
    } else {
      // the last glyph's advance box reaches the line end (see fitLine), less what a line-end
      // mark gave up of its blank half
      cs += Math.max(0, pre[k]! + adv[k]! - box[k]!) - f.endCut;
    }
    return Math.round(cs * ROUND) / ROUND;
  };
  // A line ending at a hyphenation point ends with the hyphen: its characters end before it.
  const hyphen = j < m.n && endsWithHyphen(m.brk[j]!) ? m.hyphen : 0;
  const measure = i === 0 ? p.width - p.indent : p.width;
  const target = measure - hyphen;
  const full = p.align === 'justify' && !p.last;
  let lastOrigin = lead;
  for (let k = i; k < j; k++) {
    let cs = csAt(k);
    if (k === e - 1) {
      lastOrigin = drawn;
      const w = drawn + adv[k]! + cs;
      // Justified: land on the right edge exactly despite rounding.
      if (full && Math.abs(target - w) < 0.05) cs += target - w;
      drawn = drawn + adv[k]! + cs;
    } else if (k < e) {
      drawn += adv[k]! + cs;
    }
    if (cs !== runCs) {
      if (k > runStart) pushRun(runs, text, off, runStart, k, runCs, runAdv);
      runStart = k;
      runCs = cs;
      runAdv = 0;
    }
    runAdv += adv[k]!;
    total += adv[k]! + cs;
  }
  if (j > runStart) pushRun(runs, text, off, runStart, j, runCs, runAdv);

  if (hyphen > 0) {
    drawn += hyphen;
    total += hyphen;
  }
  let x = i === 0 ? p.indent : 0;
  const ink = p.align === 'center' && p.centreByInk ? inkExtent(m, i, e, lead, lastOrigin) : undefined;
  // By ink: the middle of the ink (from the first glyph's to the last one's) on the middle of the
  // measure, so the blank half of a closing bracket at the end does not pull a title to the left.
  if (ink) x += (measure - ink[0] - ink[1]) / 2;
  else if (p.align === 'center') x += (measure - drawn) / 2;
  else if (p.align === 'right') x += measure - drawn;
  const line: ComposedLine = { runs, x: x + lead, width: round6(total), last: p.last };
  if (hyphen > 0) line.hyphen = { text: '-', characterSpacing: 0, width: round6(hyphen) };
  return line;
}

/**
 * Where the ink of the line [i, e) starts and ends, from the start of its first box: the first
 * glyph's ink from its origin at `lead`, the last one's from its origin at `lastOrigin`.
 * Undefined without ink data (the advance boxes are used then).
 */
function inkExtent(m: Model, i: number, e: number, lead: number, lastOrigin: number): [number, number] | undefined {
  const a = m.ink?.(m.cps[i]!);
  const b = m.ink?.(m.cps[e - 1]!);
  if (!a || !b || a[1] <= a[0] || b[1] <= b[0]) return undefined;
  return [lead + a[0] * m.size, lastOrigin + b[1] * m.size];
}

function pushRun(runs: Run[], text: string, off: Int32Array, a: number, b: number, cs: number, advSum: number): void {
  runs.push({
    text: text.slice(off[a], off[b]),
    characterSpacing: cs,
    width: round6(advSum + (b - a) * cs),
  });
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
