import { CLOSE, CLOSE_ASCII, GLUE, OPEN, SPACE, classifyAll, isClosing, isOpening } from './char-class.js';
import type { FontMetrics } from './metrics.js';
import { computeBreaks } from './segment.js';
import { LIMITS } from '../limits.js';
import { classifyAddresses, wordTokens } from './word-breaks.js';

// Where a title may break, best first. A title is broken where its meaning allows (GB/T 9704:
// 回行时要做到词意完整): at a space the author put there, else at punctuation, else at the end of
// a phrase (after 的), else between two words of ICU's segmentation; next to a one-character
// word (a split morpheme, a suffix such as 市 or 员, a name ICU does not know: 李|四) only when
// nothing better fits; inside a word last.
const TIER_SPACE = 0;
const TIER_PUNCT = 1;
const TIER_PHRASE = 2;
const TIER_WORD = 3;
const TIER_WEAK = 8;
const TIER_ANY = 20;
/**
 * Never inside 《…》, （…）, quotes or a number, unless the title leaves no other way (a book
 * title longer than a line): such a break outweighs a whole unbalanced title.
 */
const TIER_INSIDE = 1000;
/** Particles that lean on the word before them: a title line should not start with one. */
const LEANING = new Set([...'的地得了着过之和与及等们'].map((c) => c.codePointAt(0)!));
const LEANING_COST = 2;
/** A phrase ends after these when ICU sees them as words of their own: 工作的 / 几点思考. */
const PHRASE_END = new Set([...'的之'].map((c) => c.codePointAt(0)!));
/** Chinese numerals: 二〇二〇, 十四五 stay whole, and 第 keeps its number. */
const NUMERAL = new Set([...'〇零一二三四五六七八九十百千万亿两'].map((c) => c.codePointAt(0)!));
const ORDINAL = '第'.codePointAt(0)!;
const MAX_EXTRA_LINES = 2;
// Costs of a split, worst first: a lone character, a second line more than the fewest, a break
// inside brackets or a number (tiers), a line under half the longest, one line more than the
// fewest, then the tiers, then balance.
const LONE_COST = 1e6;
const UNBALANCED_COST = 1e4;
const EXTRA_LINE_COST = [0, 2000, 2e5] as const;

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
  classifyAddresses(wordTokens(cps), cls);
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
  const inside = enclosed(cps, cls, (a, b) => w[b]! - w[a]! <= limit);
  for (let p = 1; p < n; p++) {
    if (!brk[p]) continue;
    if (cls[p - 1] === SPACE) tier.set(p, TIER_SPACE);
    else if (isClosing(cls[p - 1]!) || isOpening(cls[p]!)) tier.set(p, TIER_PUNCT);
    else {
      // Costed first as the best it could be once the words are known (see learnWords).
      tier.set(p, PHRASE_END.has(cps[p - 1]!) ? TIER_PHRASE : TIER_WORD);
      wordDependent.add(p);
    }
    if (inside[p] || (NUMERAL.has(cps[p - 1]!) && NUMERAL.has(cps[p]!)) || cps[p - 1] === ORDINAL) tier.set(p, tier.get(p)! + TIER_INSIDE);
  }
  // (After a closing bracket the unit is whole: 《…》 / 的通知 is how such titles are set.)
  for (const [p, c] of tier) if (LEANING.has(cps[p]!) && !isClosing(cls[p - 1]!)) tier.set(p, c + LEANING_COST);
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
    for (let k = minLines; k <= minLines + MAX_EXTRA_LINES; k++) search(k);
  };
  // Each word-dependent break was costed as the best it could be (after 的: a phrase end; else
  // between two words); knowing the words can only raise that.
  const learnWords = () => {
    const words = wordSegments(t, units, n);
    for (const p of wordDependent) {
      const c = tier.get(p)!;
      const base = PHRASE_END.has(cps[p - 1]!) ? TIER_PHRASE : TIER_WORD;
      const left = words.lengthEndingAt.get(p);
      const right = words.lengthStartingAt.get(p);
      let learned: number;
      if (left === undefined || right === undefined) learned = TIER_ANY;
      else if (base === TIER_PHRASE && left === 1) learned = TIER_PHRASE;
      else if (left === 1 && right === 1) learned = TIER_ANY;
      else if (left === 1 || right === 1) learned = TIER_WEAK;
      else learned = TIER_WORD;
      tier.set(p, c - base + learned);
    }
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

  // Exhaustive search over k-line splits (titles are short).
  function search(k: number): void {
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
      const mean = widths.reduce((x, y) => x + y, 0) / k;
      let spread = 0;
      for (const x of widths) spread += ((x - mean) / opts.size) ** 2;
      // Lone characters last resort, then breaks inside brackets and numbers (in the tiers),
      // then unbalanced lines, extra lines, where the meaning allows a break, balance.
      const cost = lone * LONE_COST + (shortest < 0.5 * longest ? UNBALANCED_COST : 0) + EXTRA_LINE_COST[k - minLines]! + tierCost * 100 + spread;
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

/**
 * ICU's Chinese word segmentation: for each boundary (code-point index), the length in
 * characters of the word that ends there and of the word that starts there.
 */
function wordSegments(t: string, units: number[], n: number): { lengthEndingAt: Map<number, number>; lengthStartingAt: Map<number, number> } {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const byUnit = new Map<number, number>();
  units.forEach((u, k) => byUnit.set(u, k));
  const starts: number[] = [];
  for (const s of segmenter.segment(t)) {
    const k = byUnit.get(s.index);
    if (k !== undefined) starts.push(k);
  }
  starts.push(n);
  const lengthEndingAt = new Map<number, number>();
  const lengthStartingAt = new Map<number, number>();
  for (let w = 0; w + 1 < starts.length; w++) {
    const len = starts[w + 1]! - starts[w]!;
    lengthStartingAt.set(starts[w]!, len);
    lengthEndingAt.set(starts[w + 1]!, len);
  }
  return { lengthEndingAt, lengthStartingAt };
}

/**
 * inside[p]: the break before character p would fall inside a pair of brackets or quotes
 * (《…》 （…） “…” 【…】…) that fits on one line: one that does not fit has to break somewhere
 * anyway, and is broken where its own words allow.
 */
function enclosed(cps: Int32Array, cls: Uint8Array, fits: (a: number, b: number) => boolean): Uint8Array {
  const n = cps.length;
  const inside = new Uint8Array(n + 1);
  const open: number[] = [];
  for (let p = 0; p < n; p++) {
    if (cls[p] === OPEN) open.push(p);
    else if (cls[p] === CLOSE && open.length > 0 && !PAUSES.has(cps[p]!)) {
      const a = open.pop()!;
      if (fits(a, p + 1)) for (let q = a + 1; q <= p; q++) inside[q] = 1;
    }
  }
  return inside;
}
const PAUSES = new Set([...'，。、：；？！'].map((c) => c.codePointAt(0)!));
