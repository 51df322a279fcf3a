import type { FlowRules } from '../../ir/index.js';

/**
 * Where a page may end inside a block, between two of its units:
 * - `never`: not there (a title's lines, a caption and its table's header);
 * - `avoid`: only when the block would otherwise move whole to the next page and leave more than
 *   `maxEmptyLines` empty grid lines behind (a table that fits on a page, a table row);
 * - `allow`: anywhere (the lines of a body paragraph).
 */
export type Break = 'never' | 'avoid' | 'allow';

/**
 * A block of the flow as the paginator sees it: a number of break units (a paragraph's lines, a
 * table's caption lines, header and row lines, a figure whole), the height any run of them takes
 * on a page, and where a page may end inside it. Heights are exact: every piece is drawn exactly
 * as tall as `height` says, so pdfmake never has to break a page itself.
 */
export interface FlowBlock {
  units: number;
  /** Height of units [from, to) set as one piece; `opensPage`: the piece opens a page after a break inside the block (a table repeats its header). */
  height(from: number, to: number, opensPage: boolean): number;
  /** May a page end between unit k − 1 and unit k (0 < k < units)? */
  breakBefore(k: number): Break;
  /** Space above the block, dropped when it opens a page (except after a page break in the content). */
  spaceBefore: number;
  /** Space below it. */
  spaceAfter: number;
  /** A heading: never the last thing on a page; the first `headingLines` units after it stay with it. */
  keepWithNext: boolean;
  /** Never the first thing on a page: it closes what is above it (the rule under a masthead or a contents list). */
  keepWithPrevious?: boolean;
  /**
   * A block drawn whole that may be drawn smaller (a picture): the height it can take at most
   * `room` tall, or undefined when it would have to be smaller than it may. It is shrunk to end
   * the page it starts on only where moving it would leave more than `maxEmptyLines` empty lines.
   */
  shrinkTo?(room: number): number | undefined;
  /** The content asks for a new page before it. */
  newPage?: boolean;
  /** Set at the foot of the page where the flow ends (the end block), with `endBlockLines` units of the flow before it. */
  atFoot?: boolean;
}

/** A piece of a block on a page: units [from, to), its top below the top of the text block. */
export interface Placement {
  block: number;
  from: number;
  to: number;
  top: number;
  height: number;
  opensPage: boolean;
  /** The height a shrinkable block was shrunk to, to end its page. */
  shrunk?: number;
}

export interface PageFrame {
  /** Height of the text block. */
  height: number;
  /** Line pitch: the grid a block's top is set on, when `grid`; what counts as an empty line. */
  pitch: number;
  grid: boolean;
  rules: Pick<FlowRules, 'headingLines' | 'endBlockLines' | 'maxEmptyLines'>;
}

/** Float noise a page's height may take before a piece counts as not fitting. */
const EPS = 0.005;

/**
 * Lays the flow out on pages: blocks in order, each on the line grid of the page (its top on a
 * grid line), the space above a block dropped at a page top, and a page ended where the rules
 * allow (see Break and FlowBlock): a heading keeps the first lines of its text with it (at least
 * one, and up to `headingLines` unless that would leave more than `maxEmptyLines` empty); a
 * kept-together block moves whole only when that leaves at most `maxEmptyLines` empty lines;
 * the end block shares its page with the last `endBlockLines` units of the flow, which are
 * carried over from the page before when they do not fit with it.
 *
 * Greedy, page by page: units are set until one does not fit; the page then ends at the latest
 * place the rules allow, and the next page starts there. Linear in the number of units.
 */
export function paginate(blocks: readonly FlowBlock[], frame: PageFrame): Placement[][] {
  const kind = breakKinds(blocks, frame.rules);
  const pages: Placement[][] = [];
  let at: Unit = { b: 0, k: 0 };
  while (at.b < blocks.length && blocks[at.b]!.units === 0) at = { b: at.b + 1, k: 0 };
  while (at.b < blocks.length) {
    const { page, next } = fillPage(blocks, frame, kind, at, pages.length > 0);
    pages.push(page);
    at = next;
  }
  return pages;
}

interface Unit {
  b: number;
  k: number;
}

/** Where the units after `u` start: the next unit of its block, or the first of the next block with units. */
function following(blocks: readonly FlowBlock[], u: Unit): Unit {
  if (u.k + 1 < blocks[u.b]!.units) return { b: u.b, k: u.k + 1 };
  let b = u.b + 1;
  while (b < blocks.length && blocks[b]!.units === 0) b++;
  return { b, k: 0 };
}

type Kinds = (b: number, k: number) => Break | 'force';

/** How a page may end just before each unit, by the block's own rules and the flow's. */
function breakKinds(blocks: readonly FlowBlock[], rules: PageFrame['rules']): Kinds {
  // Units kept with the end block: the last `endBlockLines` units before it.
  const keptWithFoot = new Set<string>();
  const foot = blocks.findIndex((b) => b.atFoot);
  if (foot > 0) {
    let u: Unit | undefined = { b: foot, k: 0 };
    for (let n = 0; n < rules.endBlockLines && u; n++) {
      keptWithFoot.add(`${u.b}:${u.k}`);
      u = preceding(blocks, u);
    }
  }
  // The block a heading chain heads: units of it within `headingLines` stay with the chain.
  const afterHeading = (b: number) => b > 0 && blocks[b - 1]!.keepWithNext;
  return (b, k) => {
    const block = blocks[b]!;
    if (k === 0 && block.newPage) return 'force';
    if (keptWithFoot.has(`${b}:${k}`)) return 'never';
    if (k === 0) return afterHeading(b) || block.keepWithPrevious ? 'never' : 'allow';
    const own = block.breakBefore(k);
    // A heading keeps its first line of text always, and the next ones up to `headingLines`
    // unless moving them all would leave too many empty lines behind.
    if (afterHeading(b) && k < rules.headingLines && own !== 'never') return 'avoid';
    return own;
  };
}

function preceding(blocks: readonly FlowBlock[], u: Unit): Unit | undefined {
  if (u.k > 0) return { b: u.b, k: u.k - 1 };
  let b = u.b - 1;
  while (b >= 0 && blocks[b]!.units === 0) b--;
  return b >= 0 ? { b, k: blocks[b]!.units - 1 } : undefined;
}

/** One unit as set on the page being filled: its block piece's top and the bottom after it. */
interface Set1 {
  u: Unit;
  /** Bottom of the block's piece after this unit. */
  bottom: number;
  /** Top of the piece this unit belongs to. */
  top: number;
  opensPage: boolean;
  from: number;
  shrunk?: number;
}

function fillPage(blocks: readonly FlowBlock[], frame: PageFrame, kind: Kinds, start: Unit, afterFirst: boolean): { page: Placement[]; next: Unit } {
  const set: Set1[] = [];
  let u = start;
  const openedByBreak = afterFirst && start.k === 0 && blocks[start.b]!.newPage === true;
  for (;;) {
    if (u.b >= blocks.length) return { page: placements(set), next: u };
    const block = blocks[u.b]!;
    const prev = set[set.length - 1];
    let piece: Omit<Set1, 'bottom' | 'u'>;
    if (prev && prev.u.b === u.b) piece = { top: prev.top, opensPage: prev.opensPage, from: prev.from };
    else if (!prev) piece = { top: u.k === 0 && openedByBreak ? block.spaceBefore : 0, opensPage: u.k > 0, from: u.k };
    else piece = { top: blockTop(blocks[prev.u.b]!, block, prev.bottom, frame), opensPage: false, from: u.k };
    let bottom = piece.top + block.height(piece.from, u.k + 1, piece.opensPage);
    if (block.atFoot) {
      // The end block sits at the foot of the text block.
      const h = block.height(0, block.units, false);
      piece.top = Math.max(frame.height - h, prev ? prev.bottom : 0);
      bottom = piece.top + h;
    }
    if (bottom > frame.height + EPS && set.length > 0) {
      // A picture that would leave too many empty lines by moving ends the page, drawn smaller, if it may.
      const after = following(blocks, u);
      const mayEnd = after.b >= blocks.length || kind(after.b, after.k) !== 'never';
      const shrunk = prev && block.shrinkTo && mayEnd && emptyLinesBelow(prev.bottom, frame) > frame.rules.maxEmptyLines ? block.shrinkTo(frame.height - piece.top) : undefined;
      if (shrunk !== undefined) {
        set.push({ u, bottom: piece.top + shrunk, ...piece, shrunk });
        return { page: placements(set), next: after };
      }
      const cut = chooseBreak(blocks, frame, kind, set, u);
      return { page: placements(set.slice(0, cut.index)), next: cut.unit };
    }
    set.push({ u, bottom, ...piece });
    const next = following(blocks, u);
    if (next.b < blocks.length && kind(next.b, next.k) === 'force') return { page: placements(set), next };
    u = next;
  }
}

/** Where a block starts below the one before it: after that block's space and its own, its top on a grid line. */
function blockTop(before: FlowBlock, block: FlowBlock, bottom: number, frame: PageFrame): number {
  return snap(bottom + before.spaceAfter, frame) + block.spaceBefore;
}

function snap(y: number, frame: PageFrame): number {
  if (!frame.grid) return y;
  return Math.ceil(y / frame.pitch - 1e-6) * frame.pitch;
}

/**
 * The page ends before one of the units set on it (not the first) or before `over`, the unit that
 * did not fit: at the latest place allowed; at a later place the block would rather not break at
 * (`avoid`) when breaking at the allowed one would leave more than `maxEmptyLines` empty lines;
 * and, when the rules allow no place at all (a heading chain taller than a page), before `over`.
 */
function chooseBreak(blocks: readonly FlowBlock[], frame: PageFrame, kind: Kinds, set: readonly Set1[], over: Unit): { index: number; unit: Unit } {
  let allow = -1;
  let avoid = -1;
  for (let i = 1; i <= set.length; i++) {
    const u = i < set.length ? set[i]!.u : over;
    const k = kind(u.b, u.k);
    if (k === 'allow') allow = i;
    else if (k === 'avoid') avoid = i;
  }
  const emptyLines = (i: number) => emptyLinesBelow(set[i - 1]!.bottom, frame);
  let index: number;
  if (avoid > allow && (allow < 0 || emptyLines(allow) > frame.rules.maxEmptyLines)) index = avoid;
  else if (allow > 0) index = allow;
  else index = set.length;
  return { index, unit: index < set.length ? set[index]!.u : over };
}

/** Whole empty grid lines between `bottom` and the foot of the text block. */
function emptyLinesBelow(bottom: number, frame: PageFrame): number {
  return Math.floor((frame.height - bottom) / frame.pitch + 1e-6);
}

function placements(set: readonly Set1[]): Placement[] {
  const out: Placement[] = [];
  for (const s of set) {
    const last = out[out.length - 1];
    if (last && last.block === s.u.b && last.top === s.top && last.from === s.from) {
      last.to = s.u.k + 1;
      last.height = s.bottom - s.top;
    } else out.push({ block: s.u.b, from: s.from, to: s.u.k + 1, top: s.top, height: s.bottom - s.top, opensPage: s.opensPage, ...(s.shrunk !== undefined ? { shrunk: s.shrunk } : {}) });
  }
  return out;
}
