import { SPACE } from './char-class.js';
import type { Model } from './model.js';
import { BRACKET, DEEP, PAIR, PAUSE, SQUEEZE_TIERS, STOP } from './paragraph-model.js';
import { ADDRESS_BREAK, CAMEL_BREAK, HYPHEN_BREAK, WORD_BREAK, endsWithHyphen } from './word-breaks.js';

/** How the lines of a paragraph are set. */
export interface BreakOptions {
  /** available width in pt */
  width: number;
  /** first-line indent in pt */
  indent: number;
  justify: boolean;
  /** largest tightening per gap in em (SHRINK_MAX, or GRID_SHRINK_MAX on the grid) */
  shrinkMax: number;
}

/** The measured fit of one candidate line (scratch values, valid until the next call). */
export interface Fit {
  /** end of the visible content (trailing spaces excluded) */
  e: number;
  /** natural width of the content in pt (before any tightening) */
  width: number;
  /** justification in pt per unit of a gap's share: stretch when r > 0, shrink when r < 0 (negative = tightened) */
  r: number;
  /** number of gaps that take tightening (Σ shrink) */
  gaps: number;
  /** the line has no gap that stretches (all one word): r is spread over every gap instead */
  everyGap: boolean;
  /** pt the closing mark at the line end gives up of its blank half (0 … half its box) */
  endCut: number;
  /** share of its squeeze each mark inside the line gives up (0..1), by squeeze tier (index 1…SQUEEZE_TIERS) */
  t: Float64Array;
  cost: number;
  /** the narrowest this line can be set (all compression and tightening used) */
  minWidth: number;
}

// Cost model (Knuth–Plass demerits, (1 + badness)^2 per line, summed over the paragraph).
/** Extra spacing per gap (em) that scores badness 100. The brief's limit is 0.06 em. */
const STRETCH_REF = 0.05;
/** Largest tightening per gap (em) off the grid. CJK glyphs nearly fill their em: more would make them touch. */
export const SHRINK_MAX = 0.02;
/**
 * Largest tightening per gap on the grid: 0.02 em over 27 gaps is 0.54 em, room for an ASCII
 * comma (0.33 em) or half a cell in a full line, yet well short of the 0.036 em a 29th full-width
 * character would need (1 cell over 28 gaps), so a pure Chinese line keeps exactly N cells.
 */
export const GRID_SHRINK_MAX = 0.02;
/** Tightening is visibly worse than the same loosening: badness 100 already at 0.015 em. */
const SHRINK_REF = 0.02;
/**
 * Badness of a tight line's marks at the most each may give: the line-end mark at half width,
 * a pair of marks at 1 em, a bracket or quote, a pause (，、；：) or a stop (。？！) standing alone
 * at the theme's markSqueeze, and one of them beyond it at half width (DEEP). Per mark and
 * quadratic in the share given, so that four marks giving a quarter each cost a quarter of one
 * mark giving all: space is spread over the line's marks. Against loosening (100 at 0.05 em): a
 * pause at ¼ em scores as 0.022 em of extra spacing; two marks at half width score more than a
 * line 0.06 em loose, so they are squeezed so far only when nothing better exists.
 */
const END_BADNESS = 4;
const TIER_BADNESS = [0, 10, 20, 20, 50, 100] as const;
/** Hard fault: a last line holding one character (plus punctuation). */
const LONE = 1;
/** Hard fault: a break where clreq forbids one (only when a paragraph cannot be set otherwise). */
const FORCED = 1e3;
/** Hard fault: a character wider than the measure itself. */
const OVERFLOW = 1e6;

/**
 * Demerits of a line that ends inside a URL, e-mail address, path or compound word: as TeX's
 * hyphen penalty of 50, about what a line 0.035 em loose costs. Such a break is taken when the
 * line would otherwise be looser than that, never for a small gain.
 */
const WORD_BREAK_DEMERITS = 2500;
/** A hyphenated word: as a break inside a URL (TeX's hyphen penalty), a little more for the hyphen's look. */
const HYPHEN_DEMERITS = 3000;
/** A break inside an address between two letters, or of a camel-cased name: taken only where every other way leaves a line about 0.065 em loose or worse. */
const ADDRESS_BREAK_DEMERITS = 30_000;
const fit: Fit = { e: 0, width: 0, r: 0, gaps: 0, everyGap: false, endCut: 0, t: new Float64Array(SQUEEZE_TIERS + 1), cost: 0, minWidth: 0 };

/** Badness of spacing rEm (em per gap): 100 at STRETCH_REF / SHRINK_REF, Infinity beyond shrinkMax. */
function badness(rEm: number, shrinkMax: number): number {
  if (rEm >= 0) {
    const q = rEm / STRETCH_REF;
    return 100 * q * q;
  }
  if (rEm < -shrinkMax - 1e-9) return Infinity;
  const q = rEm / SHRINK_REF;
  return 100 * q * q;
}

/** The line being fitted: its paragraph and where it starts (scratch for lineCost and tighten). */
let current: Model | undefined;
/** fit.t holds shares from a tightened line. */
let squeezed = false;
let lineStart = 0;
/** The order in which a tight line's means are used (0: the gaps), after the line-end mark. */
const ORDER = [PAIR, BRACKET, PAUSE, 0, STOP, DEEP] as const;

/**
 * Measure the line of characters [i, j) and score it; Infinity if it cannot be set.
 * The result is left in the shared scratch object returned.
 */
export function fitLine(m: Model, i: number, j: number, o: BreakOptions): Fit {
  const { W, G, H, join, pre, endShrink, cls, size } = m;
  let e = j;
  while (e > i + 1 && cls[e - 1] === SPACE) e--; // a trailing space hangs, it takes no width
  const avail = i === 0 ? o.width - o.indent : o.width;
  // A glyph shifted left of its box (a half-width opening mark) cannot be at the line start
  // with the shift: it gets the room it lost there.
  const startAdj = pre[i]! < 0 ? -pre[i]! : 0;
  // The last glyph's advance box ends at the line end, even where a grid cell is narrower
  // than the glyph (15.79 pt cells, 16 pt glyphs): pdf.js and readers see the advance box.
  const endExtra = Math.max(0, pre[e - 1]! + m.adv[e - 1]! - m.box[e - 1]!);
  // A line ending at a hyphenation point ends with the hyphen.
  const hyphen = j < m.n && endsWithHyphen(m.brk[j]!) ? m.hyphen : 0;
  const w = W[e]! - W[i]! - join[e - 1]! + startAdj + endExtra + hyphen;
  // Shares of the gaps: loosening (stretch, word spaces weigh more) and tightening (even).
  const loose = G[e - 1]! - G[i]!;
  const gaps = H[e - 1]! - H[i]!;
  const last = j === m.n;
  // Compressing the line-end mark gives up its blank half (and the overhang above).
  const endCap = endShrink[e - 1]! > 0 ? endShrink[e - 1]! + endExtra : 0;
  fit.e = e;
  fit.gaps = gaps;
  fit.width = w;
  current = m;
  lineStart = i;
  fit.cost = lineCost(w, avail, loose, gaps, size, last, o, endCap);
  // The narrowest setting, for the breaker to stop looking further back (read when a line cannot be set).
  fit.minWidth = fit.cost === Infinity ? w - endCap - (o.justify ? o.shrinkMax * size * gaps + squeezable(m, i, e) : 0) + (i === 0 ? o.indent : 0) : 0;
  return fit;
}

/** What the marks inside the line [i, e) (not its first or last character) may give up in all. */
function squeezable(m: Model, i: number, e: number): number {
  if (e - 1 <= i + 1) return 0;
  let marks = 0;
  for (let t = 1; t <= SQUEEZE_TIERS; t++) marks += m.Q[t]![e - 1]! - m.Q[t]![i + 1]!;
  return marks;
}

/**
 * Demerits of a line of natural width w in avail, with `loose` shares of stretch and `gaps` of
 * tightening, whose line-end mark may give endCap pt and inner marks what `caps` holds; leaves
 * the spacing per share, the end cut and the squeeze shares in fit.
 */
function lineCost(w: number, avail: number, loose: number, gaps: number, size: number, last: boolean, o: BreakOptions, endCap: number): number {
  const slack = avail - w;
  const justify = o.justify;
  fit.r = 0;
  fit.everyGap = false;
  fit.endCut = 0;
  // (Only a line tightened past its end mark has squeeze shares to clear.)
  if (squeezed) {
    fit.t.fill(0);
    squeezed = false;
  }
  if (slack < -1e-6) {
    // Too long: a justified line is tightened (an over-long last line too, a little); a ragged
    // one may only drop the blank half of its line-end mark.
    const b = tighten(-slack, gaps, size, endCap, o.shrinkMax, justify);
    return b === Infinity ? b : (1 + b) ** 2;
  }
  if (last || !justify) {
    // A ragged line is scored by its shortfall so that lines come out even; a last line is free.
    if (last) return 1;
    const q = slack / size;
    return (1 + 10 * q * q) ** 2;
  }
  if (loose === 0) {
    // Nothing to spread but the inside of a word: a line that is all one URL or path is spaced
    // out a hair between its characters (it came to the line end only by breaking inside it);
    // a single box stands flush left, scored by how much is left empty.
    const inner = fit.e - 1 - lineStart;
    if (inner > 0) {
      fit.r = slack / inner;
      fit.everyGap = true;
    }
    const b = badness((inner > 0 ? fit.r : slack) / size, o.shrinkMax);
    return (1 + b) ** 2;
  }
  fit.r = slack / loose;
  const b = badness(fit.r / size, o.shrinkMax);
  return (1 + b) ** 2;
}

/**
 * Badness of taking `over` pt out of a line, Infinity if it cannot be done. As clreq orders it
 * (§6.2.2.3), each means is used up before the next: the line-end mark's blank half, the blank
 * left in pairs of marks, brackets and quotes standing alone, the pauses ，、；：, every gap (up to
 * shrinkMax em each), and last the stops 。？！. Within a means every mark gives the same share:
 * space is taken only as far as needed, spread over the line's marks.
 */
function tighten(over: number, gaps: number, size: number, endCap: number, shrinkMax: number, justify: boolean): number {
  let rest = over;
  let b = 0;
  const cut = Math.min(rest, endCap);
  rest -= cut;
  fit.endCut = cut;
  if (cut > 0) b += END_BADNESS * (cut / endCap) ** 2;
  if (!justify) return rest > 1e-6 ? Infinity : b;
  squeezed = true;
  const m = current!;
  const a = lineStart + 1;
  const z = fit.e - 1;
  for (const t of ORDER) {
    if (rest <= 1e-9) break;
    if (t === 0) {
      const x = Math.min(rest, gaps > 0 ? shrinkMax * size * gaps : 0);
      rest -= x;
      if (x > 0) {
        fit.r = -x / gaps;
        const q = fit.r / size / SHRINK_REF;
        b += 100 * q * q;
      }
      continue;
    }
    // What the marks of the tier inside the line (not its first or last character) may give.
    const cap = z > a ? m.Q[t]![z]! - m.Q[t]![a]! : 0;
    if (cap <= 1e-12) continue;
    const x = Math.min(rest, cap);
    rest -= x;
    const share = x / cap;
    fit.t[t] = share;
    // Every mark of the tier gives the same share of its own cap: Σ per mark of share².
    b += TIER_BADNESS[t]! * (m.N[t]![z]! - m.N[t]![a]!) * share * share;
  }
  return rest > 1e-6 ? Infinity : b;
}

/**
 * Total-fit line breaking: the start index of every line, chosen to minimise the summed demerits
 * over the whole paragraph (dynamic programming over break opportunities; each line end looks
 * back only as far as a line can reach, so O(n × characters per line)).
 */
export function chooseBreaks(m: Model, o: BreakOptions): number[] {
  if (m.n === 0) return [];
  // As TeX does with its tolerance: first look only at lines no looser than TOLERANCE (cheap,
  // and enough for nearly every paragraph); only if that leaves a fault, consider any looseness;
  // only if clreq leaves no way at all, break where it forbids.
  const first = run(m, o, TOLERANCE, false);
  if (first && first.hard === 0) return first.starts;
  const second = run(m, o, Infinity, false);
  return (second ?? run(m, o, Infinity, true)!).starts;
}

/** Extra spacing per gap (em) beyond which a line is not even considered in the first pass. */
const TOLERANCE = 0.3;

function run(m: Model, o: BreakOptions, tolerance: number, emergency: boolean): { starts: number[]; hard: number } | null {
  const n = m.n;
  const { W, size } = m;
  // An upper bound of what the line ends add to W[j] - W[i] (start shift, end overhang, the
  // join not taken at the end), so that a line too loose for the tolerance is skipped
  // without measuring it.
  const edge = 2 * m.maxAdv + m.maxBox + m.hyphen;
  const tol = tolerance * size;
  // Paths are compared first by their hard faults (a character overflowing the measure, a break
  // clreq forbids, a lone last character: weights below), then by their demerits. A lone
  // character is thus avoided whenever any other setting exists, however loose.
  const hard = new Float64Array(n + 1).fill(Infinity);
  const soft = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  hard[0] = 0;
  soft[0] = 0;
  const { brk, C } = m;
  const offer = (i: number, j: number, h: number, c: number): void => {
    const th = hard[i]! + h;
    const ts = soft[i]! + c;
    if (th < hard[j]! || (th === hard[j]! && ts < soft[j]!)) {
      hard[j] = th;
      soft[j] = ts;
      from[j] = i;
    }
  };
  // The largest i ≥ 1 whose line [i, j) is not too loose by the bound below, else 0. The bound
  // only grows with j, so this moves forward only: each line end starts at its first candidate
  // instead of stepping over the 25-odd starts that would make a line too loose.
  let reach = 0;
  for (let j = 1; j <= n; j++) {
    const forced = j < n && !brk[j];
    if (forced && !emergency) continue;
    while (reach + 1 < j && W[j]! - W[reach + 1]! + edge + tol * (j - reach - 1) >= o.width) reach++;
    for (let i = j < n ? Math.min(j - 1, reach) : j - 1; i >= 0; i--) {
      if (!emergency && i > 0 && !brk[i]) continue;
      // (A last line may be as short as it likes.)
      if (j < n && W[j]! - W[i]! + edge + tol * (j - i) < o.width - (i === 0 ? o.indent : 0)) continue;
      const f = fitLine(m, i, j, o);
      if (f.cost === Infinity) {
        // Lines only get wider as i moves left: once even the tightest setting overflows, stop.
        if (f.minWidth > o.width + 1e-6) {
          // One character wider than the measure: let it overflow rather than fail.
          if (emergency && i === j - 1 && hard[i] !== Infinity) offer(i, j, OVERFLOW + (forced ? FORCED : 0), 0);
          break;
        }
        continue;
      }
      if (hard[i] === Infinity) continue;
      let h = forced ? FORCED : 0;
      // 孤字: never leave one character (with its punctuation) alone on the last line.
      if (j === n && i > 0 && C[n]! - C[i]! <= 1) h += LONE;
      offer(i, j, h, f.cost + (j === n ? 0 : brk[j] === WORD_BREAK ? WORD_BREAK_DEMERITS : brk[j] === ADDRESS_BREAK ? ADDRESS_BREAK_DEMERITS : brk[j] === HYPHEN_BREAK ? HYPHEN_DEMERITS : brk[j] === CAMEL_BREAK ? ADDRESS_BREAK_DEMERITS : 0));
    }
  }
  if (hard[n] === Infinity) return null;
  const starts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) starts.push(from[j]!);
  return { starts: starts.reverse(), hard: hard[n]! };
}
