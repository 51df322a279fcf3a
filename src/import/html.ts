import { parseHtml, textOf, type HtmlElement, type HtmlNode } from './html-parse.js';
import { concatText, emptyText, sliceText, tidyText, type MappedText } from './mapped-text.js';
import type { Omission, SourceBlock } from './source-blocks.js';

/**
 * Turns a saved HTML page into lines of text in reading order: one per block element or <br>,
 * with data tables and content lists kept as such. Page chrome goes: scripts and styles, the
 * head, navigation, forms, and a header or footer outside the article. Each omission is listed.
 */
export interface HtmlExtract {
  blocks: SourceBlock[];
  omitted: Omission[];
  /** Images in the text, which the importer cannot carry over. */
  images: { at: number; src: string; alt: string }[];
}

const DROP = new Set(
  ('head script style noscript template nav aside form button select input textarea iframe svg canvas ' +
    'object embed audio video map frame frameset noembed noframes dialog').split(' '),
);
const BLOCK = new Set(
  ('address article aside blockquote body center dd details dir div dl dt fieldset figcaption figure footer ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre section summary table tbody thead tfoot ' +
    'tr td th caption ul').split(' '),
);
/** class or id words of page chrome; `header`/`footer` only count outside an article. */
const CHROME =
  /^(?:nav|nav-?bar|navigation|(?:main-?|top-?|sub-?)?menu|breadcrumbs?|crumbs?|side-?bar|share|bdsharebuttonbox|tool-?bar|top-?bar|banner|advert|ads?|pagination|pager|copyright|login|search(?:-?box)?|skip-?link)$/i;
const OUTER_CHROME = /^(?:header|footer|site-?header|site-?footer|page-?header|page-?footer|top|foot|bottom|head)$/i;

function words(el: HtmlElement): string[] {
  return [...(el.attrs.class ?? '').split(/\s+/), el.attrs.id ?? ''].filter((w) => w !== '');
}

function hidden(el: HtmlElement): boolean {
  return 'hidden' in el.attrs || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attrs.style ?? '');
}

/** Why an element is chrome, or undefined when it is content. */
function chrome(el: HtmlElement, inArticle: boolean): string | undefined {
  if (DROP.has(el.name)) return `<${el.name}>`;
  if (hidden(el)) return `hidden <${el.name}>`;
  if (!inArticle && (el.name === 'header' || el.name === 'footer')) return `<${el.name}>`;
  for (const w of words(el)) {
    if (CHROME.test(w) || (!inArticle && OUTER_CHROME.test(w))) return `<${el.name}> "${w}"`;
  }
  return undefined;
}

function elementChildren(el: HtmlElement): HtmlElement[] {
  return el.children.filter((c): c is HtmlElement => c.type === 'element');
}

function descendants(el: HtmlElement, name: string, stopAt = new Set<string>()): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const c of elementChildren(el)) {
    if (c.name === name) out.push(c);
    if (!stopAt.has(c.name)) out.push(...descendants(c, name, stopAt));
  }
  return out;
}

function hasBlockInside(el: HtmlElement): boolean {
  return elementChildren(el).some((c) => (BLOCK.has(c.name) && c.name !== 'br') || hasBlockInside(c));
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

export function extractHtml(source: string): HtmlExtract {
  const root = parseHtml(source);
  const blocks: SourceBlock[] = [];
  const omitted: Omission[] = [];
  const images: HtmlExtract['images'] = [];
  let line: MappedText[] = [];
  let pre = false;

  const flush = () => {
    const text = joinLine(line, pre);
    line = [];
    let start = 0;
    // In <pre> every source line is a line; elsewhere the text has no line breaks left.
    for (const piece of text.text.split('\n')) {
      const part = sliceText(text, start, start + piece.length);
      start += piece.length + 1;
      if (piece.trim() !== '') blocks.push({ kind: 'line', text: part, indent: 0, continues: false });
    }
  };
  const cellText = (el: HtmlElement): MappedText => {
    const parts: MappedText[] = [];
    const collect = (n: HtmlNode) => {
      if (n.type === 'text') parts.push(n.text);
      else if (!chrome(n, true)) {
        if (n.name === 'br') parts.push({ text: ' ', offsets: [n.at] });
        n.children.forEach(collect);
      }
    };
    el.children.forEach(collect);
    return tidyText(joinLine(parts, false));
  };

  const walk = (node: HtmlNode, inArticle: boolean) => {
    if (node.type === 'text') {
      line.push(node.text);
      return;
    }
    const el = node;
    const why = el.name === '#document' ? undefined : chrome(el, inArticle);
    if (why) {
      if (textOf(el).trim() !== '' || el.name === 'script' || el.name === 'style') omitted.push({ at: el.at, what: why });
      return;
    }
    const inside = inArticle || el.name === 'article' || el.name === 'main';
    if (el.name === 'br') return flush();
    if (el.name === 'img') {
      images.push({ at: el.at, src: el.attrs.src ?? '', alt: el.attrs.alt ?? '' });
      return;
    }
    if (el.name === 'table') {
      const rows = dataRows(el);
      if (rows) {
        flush();
        const caption = descendants(el, 'caption')[0];
        const first = rows[0]!;
        const head = first.every((c) => c.name === 'th') || descendants(el, 'thead').length > 0;
        blocks.push({
          kind: 'table',
          at: el.at,
          ...(caption ? { caption: cellText(caption) } : {}),
          ...(head ? { header: first.map(cellText) } : {}),
          rows: (head ? rows.slice(1) : rows).map((r) => r.map(cellText)),
        });
        return;
      }
    }
    if ((el.name === 'ul' || el.name === 'ol') && inside) {
      const items = elementChildren(el).filter((c) => c.name === 'li');
      if (items.length > 0 && items.every((li) => !hasBlockInside(li))) {
        flush();
        blocks.push({ kind: 'list', at: el.at, ordered: el.name === 'ol', items: items.map(cellText) });
        return;
      }
    }
    const block = BLOCK.has(el.name);
    if (block) flush();
    const wasPre = pre;
    if (el.name === 'pre') pre = true;
    for (const c of el.children) walk(c, inside);
    if (block) flush();
    pre = wasPre;
  };
  walk(root, false);
  flush();
  return { blocks, omitted, images };
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
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < all.text.length) {
    const ch = all.text[i]!;
    if (/[ \t\n\r\f]/.test(ch)) {
      let j = i;
      while (j < all.text.length && /[ \t\n\r\f]/.test(all.text[j]!)) j++;
      const run = all.text.slice(i, j);
      const before = text[text.length - 1];
      const after = all.text[j];
      const wrapOnly = run.includes('\n') && before !== undefined && after !== undefined && HAN.test(before) && HAN.test(after);
      if (!wrapOnly) {
        text += ' ';
        offsets.push(all.offsets[i]!);
      }
      i = j;
      continue;
    }
    text += ch;
    offsets.push(all.offsets[i]!);
    i++;
  }
  return text.length === 0 ? emptyText() : { text, offsets };
}
