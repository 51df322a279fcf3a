import { isoDate, parseDate } from './furniture.js';
import { scriptOffset, textOf, type HtmlElement } from './html-parse.js';
import { tidyText, type MappedText } from './mapped-text.js';

/**
 * The fields a page states in its markup rather than its text: <meta> tags of the common Chinese
 * CMSs (ArticleTitle, PubDate, ContentSource, ColumnName, SiteName), Open Graph and article:*
 * tags, JSON-LD, the <title>, and WeChat's script variables (msg_title, nickname, ct). These are
 * the most trusted source of an article's fields.
 */
export interface MetaValue {
  /** The value, each character mapped to the tag it came from. */
  text: MappedText;
  /** What said it, for the report: `<meta name="PubDate">`. */
  from: string;
}

export interface PageMeta {
  /** Titles the page's tags give, most trusted first. */
  titles: MetaValue[];
  /** The <title>, which usually adds the site's name. */
  titleTag?: MetaValue;
  date?: MetaValue & { date: string };
  source?: MetaValue;
  author?: MetaValue;
  column?: MetaValue;
  description?: MetaValue;
  /** Names of the site (SiteName, og:site_name), to tell them from titles and columns. */
  siteNames: string[];
}

/** Tags by name (lower case), in order of trust within each field. */
const TITLE_TAGS = ['articletitle', 'og:title', 'twitter:title', 'title'];
const DATE_TAGS = ['pubdate', 'article:published_time', 'publishdate', 'og:release_date', 'datepublished', 'publish_time', 'firstpublishedtime'];
const SOURCE_TAGS = ['contentsource', 'source', 'og:article:source'];
const COLUMN_TAGS = ['columnname', 'article:section'];
const AUTHOR_TAGS = ['og:article:author', 'article:author'];
const SITE_TAGS = ['sitename', 'og:site_name', 'application-name'];

function pinned(value: string, at: number): MappedText {
  return tidyText({ text: value, offsets: Array.from({ length: value.length }, () => at) }, true);
}

/** A value without the label some CMSs repeat in it: `来源：示例日报`. */
function unlabelled(value: string): string {
  return value.replace(/^\s*(?:信息)?来源\s*[:：]\s*/, '').trim();
}

/** A date in a tag: `2025-11-20 10:30`, ISO 8601 with a zone, or a Unix time (WeChat's ct, in China's time). */
function tagDate(value: string): string | undefined {
  const v = value.trim();
  if (/^\d{10}$/.test(v)) {
    const d = new Date((Number(v) + 8 * 3600) * 1000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return parseDate(v);
}

/** WeChat's variables: `var msg_title = '…'.html(false);`, `var nickname = htmlDecode("…");`, `var ct = "1764325800";`. */
const WECHAT_VAR = /\bvar\s+(msg_title|nickname|ct|createTime|publish_time|author|msg_desc)\s*=\s*(?:htmlDecode\(\s*)?(["'])((?:\\.|(?!\2)[^\\\n])*)\2/g;

function unescapeJs(s: string): string {
  return s.replace(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(.)/g, (_, x: string, u: string, c: string) =>
    x ? String.fromCharCode(parseInt(x, 16)) : u ? String.fromCharCode(parseInt(u, 16)) : c,
  );
}

function* elements(root: HtmlElement): Generator<HtmlElement> {
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    yield el;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k]!;
      if (c.type === 'element') stack.push(c);
    }
  }
}

export function readPageMeta(root: HtmlElement, scripts: MappedText[]): PageMeta {
  const meta: PageMeta = { titles: [], siteNames: [] };
  const tags = new Map<string, { value: string; at: number }>();
  for (const el of elements(root)) {
    if (el.name === 'meta') {
      const name = (el.attrs.name ?? el.attrs.property ?? el.attrs.itemprop ?? '').trim().toLowerCase();
      const content = el.attrs.content;
      if (name && content !== undefined && content.trim() !== '' && !tags.has(name)) tags.set(name, { value: content, at: el.at });
    } else if (el.name === 'title' && !meta.titleTag) {
      const t = el.children[0];
      if (t?.type === 'text' && t.text.text.trim() !== '') meta.titleTag = { text: tidyText(t.text), from: '<title>' };
    } else if (el.name === 'script' && /ld\+json/i.test(el.attrs.type ?? '')) {
      readJsonLd(textOf(el), el.at, tags);
    }
  }
  const tag = (names: string[], f: (name: string, v: { value: string; at: number }) => void) => {
    for (const n of names) {
      const v = tags.get(n);
      if (v) f(n, v);
    }
  };
  const label = (n: string) => `<meta ${n.includes(':') ? 'property' : 'name'}="${n}">`;
  tag(TITLE_TAGS, (n, v) => meta.titles.push({ text: pinned(v.value, v.at), from: label(n) }));
  tag(DATE_TAGS, (n, v) => {
    const date = tagDate(v.value);
    if (date && !meta.date) meta.date = { text: pinned(v.value, v.at), from: label(n), date };
  });
  tag(SOURCE_TAGS, (n, v) => {
    const value = unlabelled(v.value);
    if (value && !meta.source) meta.source = { text: pinned(value, v.at), from: label(n) };
  });
  tag(COLUMN_TAGS, (n, v) => {
    if (!meta.column) meta.column = { text: pinned(v.value, v.at), from: label(n) };
  });
  tag(AUTHOR_TAGS, (n, v) => {
    if (!meta.author) meta.author = { text: pinned(v.value, v.at), from: label(n) };
  });
  tag(['description', 'og:description'], (n, v) => {
    if (!meta.description) meta.description = { text: pinned(v.value, v.at), from: label(n) };
  });
  tag(SITE_TAGS, (_, v) => meta.siteNames.push(v.value.trim()));

  // WeChat keeps what its page shows by script in variables; a page saved as served has only these.
  for (const script of scripts) {
    for (const m of script.text.matchAll(WECHAT_VAR)) {
      const value = unescapeJs(m[3]!).trim();
      if (value === '') continue;
      const at = scriptOffset(script, m.index);
      const v = { text: pinned(value, at), from: `var ${m[1]}` };
      switch (m[1]) {
        case 'msg_title':
          meta.titles.push(v);
          break;
        case 'nickname':
          meta.source ??= v;
          break;
        case 'author':
          meta.author ??= v;
          break;
        case 'msg_desc':
          meta.description ??= v;
          break;
        default: {
          const date = tagDate(value);
          if (date && !meta.date) meta.date = { ...v, date };
        }
      }
    }
  }
  return meta;
}

/** headline, datePublished, author and articleSection of a JSON-LD block, as if they were tags. */
function readJsonLd(json: string, at: number, tags: Map<string, { value: string; at: number }>): void {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return;
  }
  const items = Array.isArray(data) ? data : [data];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const set = (name: string, v: unknown) => {
      if (typeof v === 'string' && v.trim() !== '' && !tags.has(name)) tags.set(name, { value: v, at });
    };
    set('og:title', o.headline);
    set('datepublished', o.datePublished);
    set('article:section', o.articleSection);
    const author = Array.isArray(o.author) ? o.author[0] : o.author;
    set('article:author', typeof author === 'object' && author ? (author as Record<string, unknown>).name : author);
  }
}

/** The <title> less the site's name: `标题_栏目_网站` → its longest part, unless a site name says otherwise. */
export function titleTagParts(meta: PageMeta): string[] {
  if (!meta.titleTag) return [];
  return meta.titleTag.text.text
    .split(/\s*(?:_|\||｜|--|——|–|-(?=\S)|\s-\s|\s+—\s+)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
