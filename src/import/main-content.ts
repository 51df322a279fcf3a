import type { HtmlElement } from './html-parse.js';
import type { SourceBlock, SourceLine } from './source-blocks.js';

/**
 * Where a page's article is, found by its content: the smallest element that holds most of the
 * page's prose (sentences of Chinese, not links). Class names play no part, so a portal, a news
 * site, a WeChat page and a hand-made page are read alike. A page without prose has no article.
 */
export interface MainContent {
  /** The element; every line below it is the article's or its furniture's. */
  element: HtmlElement;
  /** The article is hidden by the page's style (display:none) and was taken anyway. */
  hidden: boolean;
}

export interface ContentCandidate {
  element: HtmlElement;
  /** Characters of text below it, and how many of them are links. */
  chars: number;
  linkChars: number;
}

/** Share of the page's prose the article's element must hold. */
const SHARE = 0.8;
/** Less prose than this (Chinese characters in sentences) is no article. */
export const MIN_PROSE = 8;

const HAN = /\p{Script=Han}/gu;

/** How much a line reads like an article's sentence: its Chinese characters, less links; 0 for menus and titles. */
export function proseWeight(line: SourceLine): number {
  const t = line.text.text;
  const han = t.match(HAN)?.length ?? 0;
  if (han < 4) return 0;
  const linkShare = line.html ? line.html.linkChars / Math.max(1, t.length) : 0;
  if (linkShare > 0.5) return 0;
  const stops = t.match(/[。！？；!?]/g)?.length ?? 0;
  const commas = t.match(/[，、,]/g)?.length ?? 0;
  if (stops === 0 && commas < 2) return 0;
  return han * (1 - linkShare);
}

function weigh(blocks: SourceBlock[], visibleOnly: boolean): { weights: Map<HtmlElement, number>; total: number } {
  const weights = new Map<HtmlElement, number>();
  let total = 0;
  for (const b of blocks) {
    if (b.kind !== 'line' || !b.html) continue;
    if (visibleOnly && b.html.hidden === 'display') continue;
    const w = proseWeight(b);
    if (w === 0) continue;
    total += w;
    for (const el of b.html.path) weights.set(el, (weights.get(el) ?? 0) + w);
  }
  return { weights, total };
}

/**
 * The deepest element that still holds SHARE of the prose and more than one line: a one-paragraph
 * article's element is the one around its paragraph, where its title and date are too.
 */
function deepest(blocks: SourceBlock[], weights: Map<HtmlElement, number>, total: number): HtmlElement | undefined {
  const lines = new Map<HtmlElement, number>();
  for (const b of blocks) {
    const path = b.kind === 'line' ? b.html?.path : b.kind === 'table' ? b.html?.path : undefined;
    for (const el of path ?? []) lines.set(el, (lines.get(el) ?? 0) + 1);
  }
  let best: HtmlElement | undefined;
  let bestDepth = -1;
  for (const b of blocks) {
    if (b.kind !== 'line' || !b.html) continue;
    b.html.path.forEach((el, depth) => {
      if (depth > bestDepth && (lines.get(el) ?? 0) > 1 && (weights.get(el) ?? 0) >= SHARE * total) {
        best = el;
        bestDepth = depth;
      }
    });
  }
  return best;
}

export function findMainContent(blocks: SourceBlock[]): MainContent | undefined {
  const visible = weigh(blocks, true);
  if (visible.total >= MIN_PROSE) {
    const el = deepest(blocks, visible.weights, visible.total);
    if (el) return { element: widen(blocks, el), hidden: false };
  }
  // Some pages hide the article until a script has run; take it, and say so.
  const all = weigh(blocks, false);
  if (all.total < MIN_PROSE) return undefined;
  const el = deepest(blocks, all.weights, all.total);
  return el ? { element: widen(blocks, el), hidden: true } : undefined;
}

/** Elements that hold one paragraph, never an article. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'span', 'a', 'font', 'strong', 'b', 'em', 'i', 'u']);

const pathOf = (b: SourceBlock) => (b.kind === 'line' ? b.html?.path : b.kind === 'table' ? b.html?.path : undefined) ?? [];

/**
 * The article's element, widened to hold all of it: from a paragraph to the element around it,
 * and to the parent while a sentence right before or after it (a short last paragraph in a
 * sibling element) lies outside.
 */
function widen(blocks: SourceBlock[], start: HtmlElement): HtmlElement {
  let el = start;
  for (let guard = 0; guard < 64; guard++) {
    const inside = blocks.map((b) => pathOf(b).includes(el));
    const first = inside.indexOf(true);
    const last = inside.lastIndexOf(true);
    const someLine = blocks.find((b) => pathOf(b).includes(el));
    const path = someLine ? pathOf(someLine) : [];
    const parent = path[path.indexOf(el) - 1];
    if (!parent || parent.name === 'body' || parent.name === 'html' || parent.name === '#document') return el;
    const neighbour = (b: SourceBlock | undefined) => !!b && b.kind === 'line' && pathOf(b).includes(parent) && proseWeight(b) > 0;
    if (PARAGRAPH.has(el.name) || neighbour(blocks[last + 1]) || neighbour(blocks[first - 1])) el = parent;
    else return el;
  }
  return el;
}

/** The elements with the most text, for the error that says no article was found. */
export function contentCandidates(blocks: SourceBlock[], count = 3): ContentCandidate[] {
  const byElement = new Map<HtmlElement, ContentCandidate>();
  for (const b of blocks) {
    if (b.kind !== 'line' || !b.html) continue;
    const el = b.html.path[b.html.path.length - 1];
    const parent = b.html.path[b.html.path.length - 2] ?? el;
    if (!parent) continue;
    const c = byElement.get(parent) ?? { element: parent, chars: 0, linkChars: 0 };
    c.chars += b.text.text.length;
    c.linkChars += b.html.linkChars;
    byElement.set(parent, c);
  }
  return [...byElement.values()].sort((a, b) => b.chars - a.chars).slice(0, count);
}
