import { BREADCRUMB_CLASS } from './furniture-data.js';
import { parseHtml, textOf, type HtmlElement, type HtmlNode } from './html-parse.js';
import { concatText, emptyText, sliceText, tidyText, type MappedText } from './mapped-text.js';
import type { HtmlLine, SourceBlock } from './source-blocks.js';

/**
 * Turns a saved HTML page into lines of text in reading order, one per block element or <br>,
 * each with what its markup says (where it sits, links, bold, headings, hidden), and data tables
 * as tables. Nothing is thrown away here but what never shows (scripts, styles, form controls):
 * which lines are the article is decided later, by content.
 */
export interface HtmlExtract {
  root: HtmlElement;
  head: HtmlElement | undefined;
  blocks: SourceBlock[];
  /** Images, with the index in `blocks` of the line they stand before. */
  images: { at: number; src: string; alt: string; before: number; path: HtmlElement[] }[];
  /** Inline scripts' text, which some pages (WeChat) keep their fields in. */
  scripts: MappedText[];
}

/** Elements that never show text. */
const SILENT = new Set(
  ('head script style noscript template svg math canvas iframe object embed audio video map area select option optgroup datalist ' +
    'textarea input button frame frameset noembed noframes link meta base param source track').split(' '),
);
const BLOCK = new Set(
  ('address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody thead tfoot ' +
    'tr td th caption ul ucapcontent ucaptitle founder-content').split(' '),
);
const BOLD = new Set(['b', 'strong']);

function hiddenBy(el: HtmlElement): 'display' | 'visibility' | undefined {
  const style = (el.attrs.style ?? '').toLowerCase();
  if ('hidden' in el.attrs || /display\s*:\s*none/.test(style)) return 'display';
  if (/visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|!|$)/.test(style)) return 'visibility';
  return undefined;
}

function isBoldStyle(el: HtmlElement): boolean {
  return BOLD.has(el.name) || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(el.attrs.style ?? '');
}

function elementChildren(el: HtmlElement): HtmlElement[] {
  return el.children.filter((c): c is HtmlElement => c.type === 'element');
}

function descendants(el: HtmlElement, name: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...elementChildren(el)].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.name === name) out.push(c);
    stack.push(...elementChildren(c).reverse());
  }
  return out;
}

/** A table of data, not of layout: rows of short cells, nothing nested. */
function dataRows(table: HtmlElement): HtmlElement[][] | undefined {
  if (descendants(table, 'table').length > 0) return undefined;
  const rows = descendants(table, 'tr').map((tr) => elementChildren(tr).filter((c) => c.name === 'td' || c.name === 'th'));
  if (rows.length < 2 || Math.max(...rows.map((r) => r.length)) < 2) return undefined;
  const cells = rows.flat();
  if (cells.some((c) => descendants(c, 'p').length > 1 || textOf(c).trim().length > 200)) return undefined;
  return rows;
}

/** A first row that heads the table: <th> cells, a <thead>, or every cell bold where the other rows are not. */
function headerRow(table: HtmlElement, rows: HtmlElement[][]): boolean {
  const first = rows[0]!;
  if (first.every((c) => c.name === 'th') || descendants(table, 'thead').length > 0) return true;
  const allBold = (cell: HtmlElement) => {
    const text = textOf(cell).trim();
    if (text === '') return false;
    const bold = [...descendants(cell, 'strong'), ...descendants(cell, 'b')].map((b) => textOf(b)).join('').trim();
    return bold === text || isBoldStyle(cell);
  };
  return first.every(allBold) && !rows.slice(1).every((r) => r.every(allBold));
}

/** An image's address: lazy-loading pages keep it in data-src, with a placeholder in src. */
function imageSource(el: HtmlElement): string {
  const src = el.attrs.src ?? '';
  return el.attrs['data-src'] ?? (src.startsWith('data:') ? '' : src);
}

function isBreadcrumb(el: HtmlElement): boolean {
  const words = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
  return BREADCRUMB_CLASS.test(words) || /面包屑|breadcrumb/i.test(el.attrs['aria-label'] ?? '');
}

interface Piece {
  text: MappedText;
  link: boolean;
  bold: boolean;
}

export function extractHtml(source: string): HtmlExtract {
  const root = parseHtml(source);
  const blocks: SourceBlock[] = [];
  const images: HtmlExtract['images'] = [];
  const scripts: MappedText[] = [];
  let head: HtmlElement | undefined;
  let pieces: Piece[] = [];
  let pre = false;
  const path: HtmlElement[] = [];
  let hidden: 'display' | 'visibility' | undefined;
  let heading = 0;
  let list: HtmlLine['list'];

  /** A <br> ended the last line: the next line of the same block continues its paragraph, unless it says otherwise. */
  let broken: HtmlElement | undefined;
  const flush = (breadcrumb = false, br = false) => {
    const text = joinLine(pieces.map((p) => p.text), pre);
    const meaningful = pieces.filter((p) => p.text.text.trim() !== '');
    const links = meaningful.filter((p) => p.link).reduce((n, p) => n + p.text.text.trim().length, 0);
    const bold = meaningful.length > 0 && meaningful.every((p) => p.bold);
    pieces = [];
    let start = 0;
    // In <pre> every source line is a line; elsewhere the text has no line breaks left.
    for (const piece of text.text.split('\n')) {
      const part = sliceText(text, start, start + piece.length);
      start += piece.length + 1;
      if (piece.trim() === '') continue;
      const html: HtmlLine = { path: [...path], linkChars: Math.min(links, piece.length), bold, heading };
      if (hidden) html.hidden = hidden;
      if (list) html.list = list;
      if (breadcrumb) html.breadcrumb = true;
      const block = path[path.length - 1];
      blocks.push({ kind: 'line', text: part, indent: 0, continues: broken !== undefined && broken === block, html });
      broken = undefined;
    }
    if (br) broken = path[path.length - 1];
  };

  const walk = (node: HtmlNode, link: boolean, bold: boolean) => {
    if (node.type === 'text') {
      pieces.push({ text: node.text, link, bold });
      return;
    }
    const el = node;
    if (el.name === 'head') head = el;
    if (el.name === 'script') {
      const t = el.children[0];
      if (t?.type === 'text') scripts.push(t.text);
    }
    if (SILENT.has(el.name)) return;
    if (el.name === 'br') return flush(false, true);
    if (el.name === 'img') {
      images.push({ at: el.at, src: imageSource(el), alt: el.attrs.alt ?? '', before: blocks.length, path: [...path, el] });
      return;
    }
    const wasHidden = hidden;
    const wasHeading = heading;
    const wasList = list;
    const wasPre = pre;
    // display:none wins over visibility:hidden: a script may reveal the one, not the other.
    const hide = hiddenBy(el);
    if (hide === 'display' || (hide && !hidden)) hidden = hide;
    const block = BLOCK.has(el.name);
    if (block) flush();
    path.push(el);
    const h = /^h([1-6])$/.exec(el.name);
    if (h) heading = Number(h[1]);
    if (el.name === 'ul' || el.name === 'ol') list = { el, ordered: el.name === 'ol' };
    if (el.name === 'pre') pre = true;
    const rows = el.name === 'table' ? dataRows(el) : undefined;
    if (rows) {
      const caption = descendants(el, 'caption')[0];
      const head = headerRow(el, rows);
      blocks.push({
        kind: 'table',
        at: el.at,
        ...(caption ? { caption: cellText(caption) } : {}),
        ...(head ? { header: rows[0]!.map(cellText) } : {}),
        rows: (head ? rows.slice(1) : rows).map((r) => r.map(cellText)),
        html: { path: [...path], ...(hidden ? { hidden } : {}) },
      });
    } else if (isBreadcrumb(el) && !isBreadcrumbInside(el)) {
      // A breadcrumb is one line however its steps are marked up (<li>, <span>, <a>).
      flush();
      collectBreadcrumb(el);
      flush(true);
    } else {
      const isLink = link || el.name === 'a';
      const isBold = bold || isBoldStyle(el);
      for (const c of el.children) walk(c, isLink, isBold);
    }
    if (block) flush();
    path.pop();
    hidden = wasHidden;
    heading = wasHeading;
    list = wasList;
    pre = wasPre;
  };

  /** The steps of a breadcrumb element, block children separated by ' > '. */
  const collectBreadcrumb = (el: HtmlElement) => {
    const visit = (n: HtmlNode) => {
      if (n.type === 'text') pieces.push({ text: n.text, link: false, bold: false });
      else if (!SILENT.has(n.name)) {
        const step = BLOCK.has(n.name) && pieces.some((p) => p.text.text.trim() !== '');
        if (step) pieces.push({ text: { text: ' > ', offsets: [n.at, n.at, n.at] }, link: false, bold: false });
        n.children.forEach(visit);
      }
    };
    el.children.forEach(visit);
  };

  walk(root, false, false);
  flush();
  return { root, head, blocks, images, scripts };
}

/** A breadcrumb-looking element that holds a breadcrumb-looking element: the inner one is it. */
function isBreadcrumbInside(el: HtmlElement): boolean {
  if (textOf(el).length > 200) return true;
  return ['div', 'span', 'nav', 'ol', 'ul', 'p'].some((name) => descendants(el, name).some(isBreadcrumb));
}

/** A table cell's text on one line. */
function cellText(el: HtmlElement): MappedText {
  const parts: MappedText[] = [];
  const collect = (n: HtmlNode) => {
    if (n.type === 'text') parts.push(n.text);
    else if (!SILENT.has(n.name)) {
      if (n.name === 'br') parts.push({ text: ' ', offsets: [n.at] });
      n.children.forEach(collect);
    }
  };
  el.children.forEach(collect);
  return tidyText(joinLine(parts, false), true);
}

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/**
 * Joins the text pieces of one line. HTML collapses white space; a run that holds a line break
 * between two Chinese characters is only the page source's wrapping and goes entirely.
 * In <pre>, line breaks stay and become separate lines later.
 */
function joinLine(parts: MappedText[], pre: boolean): MappedText {
  const all = concatText(...parts);
  if (pre) return all;
  const src = all.text;
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < src.length) {
    if (!isHtmlSpace(src.charCodeAt(i))) {
      // A run without spaces, as it is.
      let j = i + 1;
      while (j < src.length && !isHtmlSpace(src.charCodeAt(j))) j++;
      text += src.slice(i, j);
      for (let k = i; k < j; k++) offsets.push(all.offsets[k]!);
      i = j;
      continue;
    }
    let j = i;
    let newline = false;
    while (j < src.length && isHtmlSpace(src.charCodeAt(j))) {
      if (src.charCodeAt(j) === 10) newline = true;
      j++;
    }
    const before = text[text.length - 1];
    const after = src[j];
    const wrapOnly = newline && before !== undefined && after !== undefined && HAN.test(before) && HAN.test(after);
    if (!wrapOnly) {
      text += ' ';
      offsets.push(all.offsets[i]!);
    }
    i = j;
  }
  return text.length === 0 ? emptyText() : { text, offsets };
}

/** The white space HTML collapses: space, tab, line feed, form feed, carriage return. */
function isHtmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}
