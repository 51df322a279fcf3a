import { SPACE } from './char-class.js';
import type { Model } from './model.js';

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
  /** natural width of the content in pt (after the optional line-end compression) */
  width: number;
  /** justification in pt per unit of a gap's share: stretch when r > 0, shrink when r < 0 (negative = tightened) */
  r: number;
  /** number of gaps that take tightening (Σ shrink) */
  gaps: number;
  /** 1 if the closing mark at the line end gives up its blank half */
  comp: number;
  /** share of its blank half each mark inside the line gives up (0..1), per squeeze tier */
  t1: number;
  t2: number;
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
 * (0.012 em, enough for the comma alone, gives the same seed; 0.02 leaves the line breaker a
 * little more choice on mixed text.) Marks inside a line share the tightening (see tighten).
 */
export const GRID_SHRINK_MAX = 0.02;
/** Tightening is visibly worse than the same loosening: badness 100 already at 0.015 em. */
const SHRINK_REF = 0.015;
/** Dropping the blank half of a line-end mark costs a little, but much less than a loose line. */
const COMPRESS_BADNESS = 4;
/**
 * Badness of squeezing every mark inside a line (，、；：brackets, quotes) to half width: that of
 * 0.035 em of extra spacing. clreq (3.1.6) adjusts punctuation widths to carry out the line-edge
 * rules, and the issue asks for compression before loose lines; a half-width comma is a house
 * style of its own (kaiming), loose Chinese is a fault. Badness grows with the square of the share
 * squeezed, so a line squeezed a little everywhere costs far less than one mark squeezed fully.
 */
const SQUEEZE_BADNESS = 50;
/** The same for 。？！, which kaiming keeps full: four times the cost, so they give up a quarter as much. */
const SQUEEZE_STOP_BADNESS = 4 * SQUEEZE_BADNESS;
/** Hard fault: a last line holding one character (plus punctuation). */
const LONE = 1;
/** Hard fault: a break where clreq forbids one (only when a paragraph cannot be set otherwise). */
const FORCED = 1e3;
/** Hard fault: a character wider than the measure itself. */
const OVERFLOW = 1e6;

const fit: Fit = { e: 0, width: 0, r: 0, gaps: 0, comp: 0, t1: 0, t2: 0, cost: 0, minWidth: 0 };

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

/**
 * Measure the line of characters [i, j) and score it; Infinity if it cannot be set.
 * The result is left in the shared scratch object returned.
 */
export function fitLine(m: Model, i: number, j: number, o: BreakOptions): Fit {
  const { W, G, H, Q1, Q2, join, pre, endShrink, cls, size } = m;
  let e = j;
  while (e > i + 1 && cls[e - 1] === SPACE) e--; // a trailing space hangs, it takes no width
  const avail = i === 0 ? o.width - o.indent : o.width;
  // A glyph shifted left of its box (a half-width opening mark) cannot be at the line start
  // with the shift: it gets the room it lost there.
  const startAdj = pre[i]! < 0 ? -pre[i]! : 0;
  // The last glyph's advance box ends at the line end, even where a grid cell is narrower
  // than the glyph (15.79 pt cells, 16 pt glyphs): pdf.js and readers see the advance box.
  const endExtra = Math.max(0, pre[e - 1]! + m.adv[e - 1]! - m.box[e - 1]!);
  const w = W[e]! - W[i]! - join[e - 1]! + startAdj + endExtra;
  // Shares of the gaps: loosening (stretch, word spaces weigh more) and tightening (even).
  const loose = G[e - 1]! - G[i]!;
  const gaps = H[e - 1]! - H[i]!;
  const last = j === m.n;
  // Compressing the line-end mark gives up its blank half (and the overhang above).
  const shrinkable = endShrink[e - 1]! > 0 ? endShrink[e - 1]! + endExtra : 0;
  // What the marks inside the line (not its first or last character) may give up when it is tight.
  const q1 = e - 1 > i + 1 ? Q1[e - 1]! - Q1[i + 1]! : 0;
  const q2 = e - 1 > i + 1 ? Q2[e - 1]! - Q2[i + 1]! : 0;
  fit.e = e;
  fit.gaps = gaps;
  fit.minWidth = w - shrinkable - (o.justify ? o.shrinkMax * size * gaps + q1 + q2 : 0) + (i === 0 ? o.indent : 0);

  // Without compressing the line-end mark.
  let best = lineCost(w, avail, loose, gaps, size, last, o, q1, q2);
  let bestR = scratch.r;
  let bestT1 = scratch.t1;
  let bestT2 = scratch.t2;
  let comp = 0;
  if (shrinkable > 0) {
    const c2 = lineCost(w - shrinkable, avail, loose, gaps, size, last, o, q1, q2);
    // Compression only counts when it actually helps: a last line or a loose line.
    const withPenalty = c2 === Infinity ? c2 : c2 + (1 + COMPRESS_BADNESS) ** 2 - 1;
    if (withPenalty < best) {
      best = withPenalty;
      bestR = scratch.r;
      bestT1 = scratch.t1;
      bestT2 = scratch.t2;
      comp = 1;
    }
  }
  fit.width = comp ? w - shrinkable : w;
  fit.r = bestR;
  fit.t1 = bestT1;
  fit.t2 = bestT2;
  fit.comp = comp;
  fit.cost = best;
  return fit;
}

/** How the last lineCost / tighten call set the line: spacing per gap, squeeze share per tier. */
const scratch = { r: 0, t1: 0, t2: 0 };

/**
 * Demerits of a line of natural width w in avail, with `loose` shares of stretch and `gaps` of
 * tightening, whose inner marks may give up q1 + q2 pt; leaves the spacing per share and the
 * squeeze shares in scratch.
 */
function lineCost(w: number, avail: number, loose: number, gaps: number, size: number, last: boolean, o: BreakOptions, q1: number, q2: number): number {
  const slack = avail - w;
  const justify = o.justify;
  scratch.r = 0;
  scratch.t1 = 0;
  scratch.t2 = 0;
  if (slack < -1e-6) {
    // Too long: only a justified line may be tightened (an over-long last line too, a little).
    if (!justify) return Infinity;
    const b = tighten(-slack, gaps, size, q1, q2, o.shrinkMax);
    return b === Infinity ? b : (1 + b) ** 2;
  }
  if (last || !justify) {
    // A ragged line is scored by its shortfall so that lines come out even; a last line is free.
    if (last) return 1;
    const q = slack / size;
    return (1 + 10 * q * q) ** 2;
  }
  if (loose === 0) {
    // A single box cannot be spread: it stands flush left, scored by how much is left empty.
    const b = badness(slack / size, o.shrinkMax);
    return (1 + b) ** 2;
  }
  scratch.r = slack / loose;
  const b = badness(scratch.r / size, o.shrinkMax);
  return (1 + b) ** 2;
}

/**
 * Badness of taking `over` pt out of a line, Infinity if it cannot be done. Three means share it:
 * tightening every gap (up to shrinkMax em each) and squeezing the blank halves of the marks
 * inside the line, tier 1 (q1 pt in all) and tier 2 (q2 pt). Each costs c·x² badness for x pt;
 * the shares are those of least total badness (equal marginal cost, each mean up to its limit).
 */
function tighten(over: number, gaps: number, size: number, q1: number, q2: number, shrinkMax: number): number {
  const cap0 = gaps > 0 ? shrinkMax * size * gaps : 0;
  if (over > cap0 + q1 + q2 + 1e-6) return Infinity;
  // c·x² badness: 100 at SHRINK_REF em a gap; SQUEEZE_BADNESS with every mark at half width.
  const cost = [
    gaps > 0 ? 100 / (SHRINK_REF * size * gaps) ** 2 : 0,
    q1 > 0 ? SQUEEZE_BADNESS / (q1 * q1) : 0,
    q2 > 0 ? SQUEEZE_STOP_BADNESS / (q2 * q2) : 0,
  ] as const;
  const cap = [cap0, q1, q2] as const;
  const x = [0, 0, 0];
  const open = [cap0 > 0, q1 > 0, q2 > 0];
  let rest = over;
  for (let round = 0; round < 3 && rest > 0; round++) {
    let inv = 0;
    for (let t = 0; t < 3; t++) if (open[t]) inv += 1 / cost[t]!;
    if (inv === 0) break;
    // Shares in inverse proportion to cost; a mean pushed past its limit is held there.
    let capped = false;
    for (let t = 0; t < 3; t++) {
      if (open[t] && (rest / cost[t]!) / inv > cap[t]!) {
        x[t] = cap[t]!;
        open[t] = false;
        capped = true;
      }
    }
    if (capped) {
      rest = over - x[0]! - x[1]! - x[2]!;
      continue;
    }
    for (let t = 0; t < 3; t++) if (open[t]) x[t] = (rest / cost[t]!) / inv;
    rest = 0;
  }
  scratch.r = gaps > 0 ? -x[0]! / gaps : 0;
  scratch.t1 = q1 > 0 ? x[1]! / q1 : 0;
  scratch.t2 = q2 > 0 ? x[2]! / q2 : 0;
  return cost[0] * x[0]! ** 2 + cost[1] * x[1]! ** 2 + cost[2] * x[2]! ** 2;
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
  const edge = 2 * m.maxAdv + m.maxBox;
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
      offer(i, j, h, f.cost);
    }
  }
  if (hard[n] === Infinity) return null;
  const starts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) starts.push(from[j]!);
  return { starts: starts.reverse(), hard: hard[n]! };
}
