import { CLOSE, CLOSE_ASCII, GLUE, SPACE, classifyAll, isClosing, isOpening } from './char-class.js';
import type { FontMetrics } from './metrics.js';
import { computeBreaks } from './segment.js';
import { LIMITS } from '../limits.js';
import { classifyAddresses } from './word-breaks.js';

// Where a title may break, best first. A title is broken where its meaning allows (GB/T 9704):
// at a space the author put there, else at punctuation, else between words; any other clreq
// break only when the text leaves no choice.
const TIER_SPACE = 0;
const TIER_PUNCT = 1;
const TIER_WORD = 3;
const TIER_ANY = 20;
/** Particles that lean on the word before them: a title line should not start with one. */
const LEANING = new Set([...'的地得了着过之和与及等们'].map((c) => c.codePointAt(0)!));
const LEANING_COST = 2;
const MAX_EXTRA_LINES = 2;

let segmenter: Intl.Segmenter | undefined;

/** Balanced title lines: break at a space or punctuation if the text has one, else between words; no line < 0.5×longest unless forced, never a single-char line. Returns the line strings (a space the text broke at is dropped). */
export function balanceTitle(text: string, opts: { metrics: FontMetrics; size: number; width: number; /** Segment words before the first search (tests check the shortcut below against it). */ eagerWords?: boolean }): string[] {
  const t = text.trim();
  const cps = Int32Array.from([...t].map((c) => c.codePointAt(0)!));
  const n = cps.length;
  if (n === 0) return [];
  const units: number[] = []; // UTF-16 offsets
  for (let u = 0, k = 0; k <= n; k++) {
    units.push(u);
    if (k < n) u += cps[k]! > 0xffff ? 2 : 1;
  }
  const cls = new Uint8Array(n);
  classifyAll(cps, cls);
  classifyAddresses(cps, cls);
  const brk = new Uint8Array(n);
  computeBreaks(cls, brk);
  const w = new Float64Array(n + 1); // prefix widths
  for (let k = 0; k < n; k++) w[k + 1] = w[k]! + (opts.metrics.advance(cps[k]!) ?? 1) * opts.size;

  // Width of the line [a, b) with the spaces at its ends dropped.
  const trimmed = (a: number, b: number): [number, number] => {
    while (a < b && cls[a] === SPACE) a++;
    while (b > a && cls[b - 1] === SPACE) b--;
    return [a, b];
  };
  const lineWidth = (a: number, b: number): number => {
    const [x, y] = trimmed(a, b);
    return w[y]! - w[x]!;
  };
  // Characters that count for a lone-character line (not closing marks, spaces or glue), as prefix sums.
  const counted = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const x = cls[k]!;
    counted[k + 1] = counted[k]! + (x !== CLOSE && x !== CLOSE_ASCII && x !== SPACE && x !== GLUE ? 1 : 0);
  }
  const countable = (a: number, b: number): number => counted[b]! - counted[a]!;
  const limit = opts.width + 1e-6;
  if (lineWidth(0, n) <= limit) return [t];

  // Candidate line starts and their tier. Whether a break falls between words (ICU's Chinese
  // word segmentation: 10 ms to load its dictionary, once a process) matters only for breaks that
  // are neither at a space nor at punctuation. They are first costed as if between words, the
  // cheapest they can be: when the best split then uses none of them, knowing the words could
  // only raise the cost of other splits, so it is the best split, and ICU is never asked.
  const tier = new Map<number, number>();
  const wordDependent = new Set<number>();
  for (let p = 1; p < n; p++) {
    if (!brk[p]) continue;
    if (cls[p - 1] === SPACE) tier.set(p, TIER_SPACE);
    else if (isClosing(cls[p - 1]!) || isOpening(cls[p]!)) tier.set(p, TIER_PUNCT);
    else {
      tier.set(p, TIER_WORD);
      wordDependent.add(p);
    }
  }
  for (const [p, c] of tier) if (LEANING.has(cps[p]!)) tier.set(p, c + LEANING_COST);
  const cand = [...tier.keys()].sort((a, b) => a - b);

  const minLines = Math.max(2, Math.ceil(lineWidth(0, n) / opts.width));
  // The exhaustive search below is exponential in the lines. Past the title length limit, or
  // once it has visited LIMITS.balancedTitleSplits partial splits, the greedy balanced lines are
  // taken instead: every real title is searched to the end, and gives the lines it always gave.
  const greedy = () => sliceLines(greedyStarts(cand, n, lineWidth, limit, opts.width, (a, b) => countable(a, b) <= 1));
  if (n > LIMITS.balancedTitleChars.value) return greedy();
  let visits = 0;
  let exhausted = false;
  let best: { cost: number; starts: number[] } | undefined;
  const solve = () => {
    best = undefined;
    for (const strict of [true, false]) {
      for (let k = minLines; k <= minLines + MAX_EXTRA_LINES && !best; k++) {
        search(k, strict);
      }
      if (best) break;
    }
  };
  const learnWords = () => {
    const words = wordStarts(t, units);
    for (const p of wordDependent) if (!words.has(p)) tier.set(p, tier.get(p)! - TIER_WORD + TIER_ANY);
  };
  if (opts.eagerWords) learnWords();
  solve();
  if (!exhausted && !opts.eagerWords && best && best.starts.some((p) => wordDependent.has(p))) {
    learnWords();
    solve();
  }
  if (exhausted) return greedy();
  return sliceLines(best ? (best as { starts: number[] }).starts : [0]);

  function sliceLines(starts: readonly number[]): string[] {
    return starts.map((a, idx) => {
      const b = idx + 1 < starts.length ? starts[idx + 1]! : n;
      const [x, y] = trimmed(a, b);
      return t.slice(units[x], units[y]);
    });
  }

  // Exhaustive search over k-line splits (titles are short); strict = balance and no lone char.
  function search(k: number, strict: boolean): void {
    const starts = [0];
    const rec = (from: number, ci: number, cost: number): void => {
      if (exhausted || ++visits > LIMITS.balancedTitleSplits.value) {
        exhausted = true;
        return;
      }
      if (starts.length === k) {
        if (lineWidth(from, n) > limit) return;
        finish(cost);
        return;
      }
      for (let c = ci; c < cand.length; c++) {
        const p = cand[c]!;
        if (lineWidth(from, p) > limit) break;
        starts.push(p);
        rec(p, c + 1, cost + tier.get(p)!);
        starts.pop();
      }
    };
    const finish = (tierCost: number): void => {
      const widths: number[] = [];
      let lone = 0;
      for (let s = 0; s < k; s++) {
        const a = starts[s]!;
        const b = s + 1 < k ? starts[s + 1]! : n;
        widths.push(lineWidth(a, b));
        if (countable(a, b) <= 1) lone++;
      }
      const longest = Math.max(...widths);
      const shortest = Math.min(...widths);
      if (strict && (lone > 0 || shortest < 0.5 * longest)) return;
      const mean = widths.reduce((x, y) => x + y, 0) / k;
      let spread = 0;
      for (const x of widths) spread += ((x - mean) / opts.size) ** 2;
      // Tier first (where the meaning allows a break), then balance; lone characters last resort.
      const cost = lone * 1e6 + tierCost * 100 + spread;
      if (!best || cost < best.cost) best = { cost, starts: [...starts] };
    };
    rec(0, 0, 0);
  }
}

/**
 * Balanced lines without a search: as few lines as the width allows, each aiming at the width
 * still to set divided by the lines still to come, and ending at the candidate break closest to
 * that aim that fits (a break that would leave one character alone on a line only when no other
 * will do). A line that cannot reach its aim adds a line. Linear in the title's length.
 */
function greedyStarts(cand: readonly number[], n: number, lineWidth: (a: number, b: number) => number, limit: number, width: number, lone: (a: number, b: number) => boolean): number[] {
  const starts = [0];
  let lines = Math.max(2, Math.ceil(lineWidth(0, n) / width));
  let from = 0;
  let c = 0;
  while (lineWidth(from, n) > limit) {
    const rest = lineWidth(from, n);
    while (rest / Math.max(1, lines - starts.length + 1) > width) lines++;
    const aim = rest / (lines - starts.length + 1);
    let best = -1;
    let bestScore = Infinity;
    for (let d = c; d < cand.length; d++) {
      const p = cand[d]!;
      const w = lineWidth(from, p);
      if (w > limit) break;
      const score = Math.abs(w - aim) + (lone(from, p) || lone(p, n) ? width : 0);
      if (score < bestScore) {
        best = d;
        bestScore = score;
      }
    }
    // Nothing fits (an unbreakable run): the next break, so the line overflows rather than the loop.
    if (best < 0) best = cand.findIndex((p) => p > from);
    if (best < 0) break;
    from = cand[best]!;
    starts.push(from);
    c = best + 1;
  }
  return starts;
}

/** Positions (code-point indices) where a word starts, from ICU's Chinese word segmentation. */
function wordStarts(t: string, units: number[]): Set<number> {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const byUnit = new Map<number, number>();
  units.forEach((u, k) => byUnit.set(u, k));
  const out = new Set<number>();
  for (const s of segmenter.segment(t)) {
    const k = byUnit.get(s.index);
    if (k !== undefined && k > 0) out.add(k);
  }
  return out;
}
