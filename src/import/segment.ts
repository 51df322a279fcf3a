import { DOC_NUMBER, ISSUER_NAME, NOT_COLUMNS, SITE_NAME } from './furniture-data.js';
import {
  buttonsOnly,
  dateOnly,
  EDITOR_NOTE,
  footerLine,
  hasTime,
  labelledDate,
  navLine,
  parseBreadcrumb,
  parseByline,
  parseEdition,
  parseLabelled,
  parseWechatHeader,
  tailOpener,
  wechatFurniture,
  wechatMark,
} from './furniture.js';
import { headingMarker } from './headings.js';
import type { HtmlElement } from './html-parse.js';
import { proseWeight } from './main-content.js';
import { titleTagParts, type PageMeta } from './page-meta.js';
import type { SourceLine, SourceList, SourceTable } from './source-blocks.js';

/**
 * Finds the parts of a page, text or HTML, by reading its lines: the title (one line or two),
 * the header under it (publication line, by-lines, buttons), the body, and the tail after it
 * (source and editor lines, related links, footers). Everything above the title is the page's
 * head. For an HTML page the element that holds the article (main-content.ts) bounds the search.
 */
export type Item = SourceLine | SourceTable | SourceList;

export interface Segments {
  /** Indices of the title's lines (one or two), or empty. */
  title: number[];
  /** 引题: a line above the title in the title's own group (news pages: 引题 / 主题 / 副题). */
  kicker?: number;
  subtitle?: number;
  /** The body is items[bodyStart, bodyEnd). */
  bodyStart: number;
  bodyEnd: number;
  /** WeChat's header names, when the copy split them over lines: [account] or [author, account]. */
  wechatNames: number[];
  /** Lines at the body's start that repeat the title. */
  repeatedTitle: number[];
}

export interface SegmentContext {
  meta?: PageMeta;
  main?: HtmlElement;
}

const length = (t: string) => [...t].length;
const key = (t: string) => t.replace(/[\s\u3000\u00a0]+/g, '');

export const isLine = (item: Item | undefined): item is SourceLine => item?.kind === 'line';
const text = (item: Item | undefined) => (isLine(item) ? item.text.text : '');

/** Inside the article's element (HTML), or anywhere (text). */
function inMain(item: Item, main: HtmlElement | undefined): boolean {
  if (!main) return true;
  const path = item.kind === 'line' ? item.html?.path : item.kind === 'table' ? item.html?.path : undefined;
  return !path || path.includes(main);
}

/** Lines that open a page's header under its title, or stand in it: never its title nor its body. */
export function headerFurniture(t: string, meta: PageMeta | undefined): boolean {
  if (buttonsOnly(t) || parseBreadcrumb(t) || parseEdition(t) || wechatMark(t) || wechatFurniture(t)) return true;
  const l = parseLabelled(t);
  if (l && (l.fields.length > 0 || l.leadingDate)) return true;
  if (parseByline(t) || parseWechatHeader(t)) return true;
  if (meta && knownTokensOnly(t, meta)) return true;
  return false;
}

/** A line made only of the page's known field values and WeChat's marks: `原创 示例作者 示例社区发布`. */
function knownTokensOnly(t: string, meta: PageMeta): boolean {
  const known = [meta.source, meta.author].filter((v) => v !== undefined).map((v) => key(v.text.text));
  if (known.length === 0) return false;
  const tokens = t.split(/[\s\u3000]+/).filter((x) => x !== '');
  return tokens.length >= 1 && tokens.some((x) => known.includes(key(x))) && tokens.every((x) => known.includes(key(x)) || wechatMark(x) || !!dateOnly(x) || /^\d{1,2}:\d{2}$/.test(x));
}

/** Could this line be a title: short, no sentence end, not furniture nor a numbered heading. */
export function titleLike(item: Item | undefined, meta?: PageMeta): item is SourceLine {
  if (!isLine(item)) return false;
  const t = item.text.text;
  return (
    length(t) >= 2 &&
    length(t) <= 80 &&
    !/[。；：:;,，、]$/.test(t) &&
    !headingMarker(t) &&
    !EDITOR_NOTE.test(t) &&
    !headerFurniture(t, meta) &&
    !tailOpener(t) &&
    !navLine(t) &&
    !DOC_NUMBER.test(t) &&
    !(item.html && item.html.linkChars > t.length / 2)
  );
}

function siteName(t: string, meta: PageMeta | undefined): boolean {
  return SITE_NAME.test(t) || (meta?.siteNames ?? []).some((s) => key(s) === key(t));
}

/** The first line of the body, by content: a sentence, not a link. */
function firstProse(items: Item[], main: HtmlElement | undefined): number {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (isLine(item) && inMain(item, main) && proseWeight(item) > 0 && !headerFurniture(item.text.text, undefined)) return i;
  }
  return -1;
}

/**
 * Where the body is known to have started: its first sentence; or, in a short text without
 * sentences, the line after its publication line, or after its first title-like line.
 */
function bodyAnchor(items: Item[], main: HtmlElement | undefined, meta: PageMeta | undefined): number {
  const prose = firstProse(items, main);
  // A sentence above the publication line (a site's notice) does not start the body: the first one under it does.
  const publication = items.findIndex((it, i) => i > prose && i - prose <= 40 && isLine(it) && publicationLine(it.text.text));
  if (prose >= 0 && publication > prose) {
    for (let j = publication + 1; j < items.length && j - publication <= 8; j++) {
      const item = items[j]!;
      if (isLine(item) && inMain(item, main) && proseWeight(item) > 0 && !headerFurniture(item.text.text, undefined)) return j;
    }
  }
  if (prose >= 0) return prose;
  for (let i = 0; i < Math.min(items.length, 15); i++) {
    const l = isLine(items[i]) ? parseLabelled(text(items[i])) : undefined;
    if (l && labelledDate(l)) {
      let j = i + 1;
      while (j < items.length && isLine(items[j]) && headerFurniture(text(items[j]), meta)) j++;
      return j;
    }
  }
  const first = items.findIndex((it) => titleLike(it, meta) && !navLine(text(it)));
  if (first < 0) return items.length;
  return isLine(items[first + 1]) && /^(?:——|—|--|－－)/.test(text(items[first + 1])) ? first + 2 : first + 1;
}

/** The lines that match a title the page's tags give: one line, or two that make it together. */
function matchMetaTitle(items: Item[], meta: PageMeta, limit: number): number[] {
  // A tag that names the site on every page (og:title = 示例网) names no article.
  const wanted = [...meta.titles.map((t) => t.text.text), ...titleTagParts(meta).filter((p) => length(p) >= 8)]
    .filter((t) => !siteName(t, meta))
    .map(key)
    .filter((k) => length(k) >= 2);
  let found: number[] = [];
  for (let i = 0; i < limit; i++) {
    const here = key(text(items[i]));
    if (here === '') continue;
    if (wanted.includes(here)) found = [i];
    else if (isLine(items[i + 1]) && i + 1 < limit && wanted.includes(here + key(text(items[i + 1])))) found = [i, i + 1];
  }
  return found;
}

/** The page's own heading for the article: the last <h1>–<h3> line before the body that is no site name. */
function headingTitle(items: Item[], limit: number, meta: PageMeta | undefined): number[] {
  // A heading above the breadcrumb is the site's (its logo), not the article's.
  let floor = 0;
  for (let i = limit - 1; i >= 0; i--) {
    if (isLine(items[i]) && parseBreadcrumb(text(items[i]), items[i]!.kind === 'line' && !!(items[i] as SourceLine).html?.breadcrumb)) {
      floor = i + 1;
      break;
    }
  }
  for (const level of [1, 2, 3]) {
    for (let i = limit - 1; i >= floor; i--) {
      const item = items[i];
      if (!isLine(item) || item.html?.heading !== level) continue;
      if (!titleLike(item, meta) || siteName(item.text.text, meta)) continue;
      const prev = items[i - 1];
      // A title broken with <br> is two lines of one heading element.
      if (isLine(prev) && prev.html?.heading === level && prev.html.path.at(-1) === item.html.path.at(-1) && titleLike(prev, meta)) return [i - 1, i];
      return [i];
    }
  }
  return [];
}

/** Lines between a header's anchor and its title that are WeChat's header split over lines. */
function wechatNameRun(items: Item[], anchor: number, wechat: boolean): { names: number[]; above: number } | undefined {
  let i = anchor - 1;
  const names: number[] = [];
  let marked = false;
  while (i >= 0 && anchor - i <= 3) {
    const t = text(items[i]);
    if (wechatMark(t)) {
      marked = true;
      i--;
      break;
    }
    if (!isLine(items[i]) || length(t) > 16 || /[，。：；！？,:;!?]/.test(t) || navLine(t)) break;
    names.unshift(i);
    i--;
  }
  if (!marked && !wechat) return undefined;
  if (names.length === 0 || names.length > 2) return undefined;
  if (!titleLike(items[i]) || length(text(items[i])) <= Math.max(...names.map((n) => length(text(items[n]))))) return undefined;
  return { names, above: i };
}

/** A publication line: labelled with a date, or WeChat's header. */
function publicationLine(t: string): boolean {
  const l = parseLabelled(t);
  return (!!l && !!labelledDate(l) && l.fields.length > 0) || !!parseWechatHeader(t);
}

/** A line that anchors a page's header: a publication line, a labelled source or author, a WeChat header, a date with its time. */
function headerAnchor(item: Item | undefined): boolean {
  if (!isLine(item)) return false;
  const t = item.text.text;
  const l = parseLabelled(t);
  if (l && (labelledDate(l) || l.fields.some((f) => f.kind === 'source' || f.kind === 'views' || f.kind === 'author'))) return true;
  return !!parseWechatHeader(t) || (!!dateOnly(t) && hasTime(t));
}

/** The header's anchor above the body: a publication line, a WeChat header, a date line. */
function anchorAbove(items: Item[], from: number, meta: PageMeta | undefined): number {
  for (let i = from - 1; i >= 0 && from - i <= 12; i--) {
    const t = text(items[i]);
    if (!isLine(items[i])) continue;
    if (headerAnchor(items[i])) return i;
    if (titleLike(items[i], meta) && !headerFurniture(t, meta)) {
      // Passed a title-like line with no header above it close by: keep looking a little.
      continue;
    }
  }
  return -1;
}

/** Whether the line above a one-line title continues it: the title was broken over two lines. */
function secondLineAbove(items: Item[], t: number, meta: PageMeta | undefined): boolean {
  const upper = items[t - 1];
  const title = items[t];
  if (!isLine(upper) || !isLine(title) || !titleLike(upper, meta)) return false;
  const u = upper.text.text;
  if (/^(?:——|—|--)/.test(title.text.text) || NOT_COLUMNS.test(u) || /[！？!?]$/.test(u) || parseBreadcrumb(u)) return false;
  // On a page, one element broken with <br>; two elements are two things.
  if (upper.html || title.html) return !!upper.html && !!title.html && upper.html.path.at(-1) === title.html.path.at(-1);
  // An official document's title broken after its issuer: 示例县人民政府 / 关于…的通知.
  if (/^(?:关于|印发|转发)/.test(title.text.text) && length(u) <= 30 && ISSUER_NAME.test(u)) return true;
  // Otherwise a body's name above a title is the site's header (示例市发展和改革委员会), not its first line.
  const repeated = items.filter((it) => isLine(it) && it.text.text === u).length > 1;
  return length(u) >= 10 && !siteName(u, meta) && !ISSUER_NAME.test(u) && !repeated;
}

/** An official document's title names its kind at its end (…的通知, …的若干意见). */
const DOCUMENT_KIND_END = /(?:通知|意见|办法|决定|方案|规定|报告|请示|批复|函|公告|通告|通报|纪要|细则|规划|要点|条例|决议|命令|议案)$/;

/**
 * In copied text, a line under the title that is its 副题, not its second line: it carries a
 * figure or a comma (a title broken over two lines rarely breaks there), and the two do not read as
 * one official title (关于… / …的通知).
 */
function subtitleUnder(items: Item[], t: number, meta: PageMeta | undefined): boolean {
  const upper = items[t - 1];
  const lower = items[t];
  if (!isLine(upper) || !isLine(lower) || upper.html || lower.html || !titleLike(upper, meta)) return false;
  const u = upper.text.text;
  const l = lower.text.text;
  if (length(u) < 8 || siteName(u, meta) || NOT_COLUMNS.test(u) || parseBreadcrumb(u) || ISSUER_NAME.test(u)) return false;
  if (/关于|印发|转发/.test(u + l) || DOCUMENT_KIND_END.test(l)) return false;
  return /[0-9０-９，,]/.test(l) && !/[。！？!?]$/.test(l);
}

/** A page's 副题 under its title: a lower heading element right under the title's, short and no sentence. */
function subheading(line: SourceLine, title: Item | undefined): boolean {
  const h = line.html?.heading ?? 0;
  const th = isLine(title) ? (title.html?.heading ?? 0) : 0;
  return h > 1 && th > 0 && h > th && length(line.text.text) <= 40 && !proseWeight(line);
}

/** A line that can stand beside a title (a 引题 or 副题): title-like, short, no sentence, no link, no site name. */
function titleGroupLine(line: Item | undefined, meta: PageMeta | undefined): line is SourceLine {
  if (!titleLike(line, meta)) return false;
  const t = line.text.text;
  return length(t) <= 40 && !proseWeight(line) && !siteName(t, meta) && !/[。！？!?]$/.test(t) && !(line.html && line.html.linkChars > 0);
}

/**
 * A line of the title's own group on a page (引题 above it, 副题 under it): in the same parent
 * element as the title. A menu or a site name sits in another element than the article's title,
 * so it never qualifies.
 */
function titleCompanion(line: Item | undefined, title: Item | undefined, meta: PageMeta | undefined): line is SourceLine {
  if (!isLine(line) || !isLine(title) || !line.html || !title.html) return false;
  const parent = line.html.path.at(-2);
  if (parent === undefined || parent !== title.html.path.at(-2) || line.html.path.at(-1) === title.html.path.at(-1)) return false;
  return titleGroupLine(line, meta) && !parseBreadcrumb(line.text.text);
}

/** A 副题 between the title and the publication line, where the page marks it no other way: the publication line is right under it. */
function subtitleAbovePublication(items: Item[], i: number, meta: PageMeta | undefined): boolean {
  return titleGroupLine(items[i], meta) && headerAnchor(items[i + 1]);
}

export function segment(items: Item[], ctx: SegmentContext): Segments {
  const { meta, main } = ctx;
  const seg: Segments = { title: [], bodyStart: 0, bodyEnd: items.length, wechatNames: [], repeatedTitle: [] };
  const limit = bodyAnchor(items, main, meta);
  const wechat = items.some((it) => isLine(it) && wechatFurniture(it.text.text) && !buttonsOnly(it.text.text));

  // The title: the line the page's tags name, its own heading, or the line above its header.
  if (meta) seg.title = matchMetaTitle(items, meta, limit);
  if (seg.title.length === 0 && meta) seg.title = headingTitle(items, limit, meta);
  if (seg.title.length === 0) {
    const anchor = anchorAbove(items, limit, meta);
    if (anchor >= 0) {
      const dateLine = dateOnly(text(items[anchor])) && hasTime(text(items[anchor]));
      const run = dateLine ? wechatNameRun(items, anchor, wechat || wechatMark(text(items[anchor + 1]))) : undefined;
      if (run) {
        seg.title = [run.above];
        seg.wechatNames = run.names;
      } else {
        let i = anchor - 1;
        while (i >= 0 && isLine(items[i]) && headerFurniture(text(items[i]), meta) && !parseBreadcrumb(text(items[i]))) i--;
        if (titleLike(items[i], meta) && !siteName(text(items[i]), meta)) seg.title = [i];
        else {
          // The header stands above the title (news pages): the title is the first title-like line below it.
          for (let j = anchor + 1; j < limit; j++) {
            if (titleLike(items[j], meta)) {
              seg.title = [j];
              break;
            }
          }
        }
      }
    } else {
      for (let i = limit - 1; i >= 0; i--) {
        const t = text(items[i]);
        // A document's number and addressees open its body, under its title.
        if (isLine(items[i]) && (headerFurniture(t, meta) || DOC_NUMBER.test(t) || addressees(t))) continue;
        if (titleLike(items[i], meta) && !siteName(t, meta)) seg.title = [i];
        break;
      }
    }
    // A subtitle (——记…) is no title: the title is the line above it.
    const t = seg.title[0];
    if (t !== undefined && /^(?:——|—|--|－－)/.test(text(items[t])) && titleLike(items[t - 1], meta)) seg.title = [t - 1];
    if (seg.title.length === 1 && subtitleUnder(items, seg.title[0]!, meta)) seg.title = [seg.title[0]! - 1];
    else if (seg.title.length === 1 && secondLineAbove(items, seg.title[0]!, meta)) seg.title = [seg.title[0]! - 1, seg.title[0]!];
  }

  // The header under the title: subtitle, publication lines, by-lines, buttons.
  let i = seg.title.length > 0 ? seg.title[seg.title.length - 1]! + 1 : 0;
  if (seg.title.length === 0) {
    while (i < items.length && isLine(items[i]) && (headerFurniture(text(items[i]), meta) || navLine(text(items[i])))) i++;
  }
  const titleLine = items[seg.title.at(-1) ?? -1];
  const under = items[i];
  if (
    isLine(under) &&
    titleLike(under, meta) &&
    (/^(?:——|—|--|－－)/.test(under.text.text) ||
      subheading(under, titleLine) ||
      (seg.title.length > 0 && (titleCompanion(under, titleLine, meta) || subtitleAbovePublication(items, i, meta))))
  )
    seg.subtitle = i++;
  const first = seg.title[0];
  if (first !== undefined && titleCompanion(items[first - 1], items[first], meta)) seg.kicker = first - 1;
  for (; i < items.length; i++) {
    const item = items[i]!;
    const t = text(item);
    if (!isLine(item)) break;
    if (seg.wechatNames.includes(i)) continue;
    if (headerFurniture(t, meta) || (main && !inMain(item, main) && !DOC_NUMBER.test(t) && !proseWeight(item))) continue;
    if (meta?.description && key(t) === key(meta.description.text.text) && !inMain(item, main)) continue;
    break;
  }
  seg.bodyStart = i;

  // The tail: the first line that ends an article, or the first line after the article's element.
  let end = items.length;
  for (let k = seg.bodyStart; k < items.length; k++) {
    const item = items[k]!;
    if (main && !inMain(item, main) && k > seg.bodyStart) {
      end = k;
      break;
    }
    if (isLine(item) && tailOpener(item.text.text)) {
      end = k;
      break;
    }
  }
  // A source line near the end with only short lines after it: the footer of a pasted page.
  for (let k = end - 1; k >= seg.bodyStart && end - k <= 6; k--) {
    const l = isLine(items[k]) ? parseLabelled(text(items[k])) : undefined;
    if (l && l.fields.some((f) => f.kind === 'source' || f.kind === 'author' || f.kind === 'editor')) {
      if (items.slice(k + 1, end).every((it) => isLine(it) && length(it.text.text) <= 30 && !proseWeight(it))) end = k;
      break;
    }
  }
  // Furniture at the end of the body: source, editor and edition lines, by-lines, WeChat's end marks.
  while (end > seg.bodyStart && isLine(items[end - 1]) && tailFurniture(text(items[end - 1]), meta)) end--;
  seg.bodyEnd = end;
  // And at its start: WeChat's follow prompt, a source or by-line above the first paragraph, the title again.
  const titleKey = seg.title.map((i) => key(text(items[i]))).join('');
  for (;;) {
    const t = text(items[seg.bodyStart]);
    if (seg.bodyStart >= end || !isLine(items[seg.bodyStart])) break;
    if (headerFurniture(t, meta) || wechatFurniture(t)) seg.bodyStart++;
    else if (titleKey !== '' && key(t) === titleKey) seg.repeatedTitle.push(seg.bodyStart++);
    else if (titleKey !== '' && isLine(items[seg.bodyStart + 1]) && key(t + text(items[seg.bodyStart + 1])) === titleKey) {
      seg.repeatedTitle.push(seg.bodyStart++, seg.bodyStart++);
    } else break;
  }
  return seg;
}

/** Lines that end an article's text without being it: （来源：…）, （责任编辑：…）, 版次, 编辑：… 审核：…, END. */
export function tailFurniture(t: string, meta: PageMeta | undefined): boolean {
  if (dateOnly(t)) return false;
  if (parseEdition(t) || wechatFurniture(t) || buttonsOnly(t) || footerLine(t)) return true;
  if (/^[-—_=*·.]{3,}.{0,6}[-—_=*·.]{3,}$|^-+分隔线-+$/.test(t.replace(/\s/g, ''))) return true;
  const l = parseLabelled(t);
  if (l && l.fields.length > 0 && l.fields.every((f) => f.kind !== 'date' && f.kind !== 'written' && f.kind !== 'title' && f.kind !== 'catalogue')) return true;
  const b = parseByline(t);
  if (b) return true;
  return !!meta && knownTokensOnly(t, meta);
}

/** The addressees of an official document (主送): 各乡镇人民政府，县政府各部门： */
export function addressees(t: string): boolean {
  return /^[^。；！？]{2,80}[：:]$/.test(t) && /^各|[，、]/.test(t);
}

/** Whether a line is a 文号. */
export function docNumber(t: string): boolean {
  return DOC_NUMBER.test(t.trim());
}
