import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { findAttachments } from './attachments.js';
import { collectFields, type FieldBook } from './fields.js';
import { AFTER_SIGNATURE, BODY_NAME, DOC_NUMBER, NOT_COLUMNS, PLACEHOLDER_VALUES, SITE_NAME } from './furniture-data.js';
import {
  authorNames,
  breadcrumbColumn,
  buttonsOnly,
  dateOnly,
  EDITOR_NOTE,
  footerLine,
  navLine,
  parseBreadcrumb,
  parseByline,
  parseEdition,
  parseLabelled,
  parseWechatHeader,
  tailOpener,
  wechatFurniture,
  wechatMark,
  type LabelledField,
} from './furniture.js';
import { headingMarker } from './headings.js';
import type { MainContent } from './main-content.js';
import { proseWeight } from './main-content.js';
import { concatText, sliceText, startOffset, tidyText, type MappedText } from './mapped-text.js';
import { buildOutline, joinWrapped, type OutlineBlock } from './outline.js';
import type { PageMeta } from './page-meta.js';
import { titleTagParts } from './page-meta.js';
import { isLine, segment, type Item } from './segment.js';
import type { SourceBlock, SourceLine, SourceList } from './source-blocks.js';

export type { Furniture, MappedArticleFields, Recognised, PageContext } from './recognised.js';
import type { Furniture, Recognised, PageContext } from './recognised.js';

type Locate = (offset: number) => SourcePos;

const length = (t: string) => [...t].length;
const key = (t: string) => t.replace(/[\s\u3000\u00a0]+/g, '');
const shortLabel = (t: string) => length(t) <= 12 && !/[。，,；;：:！？!?、]/.test(t);

function atOf(item: Item): number {
  return item.kind === 'line' ? startOffset(item.text) : item.at;
}

/** The part of a line that holds `value`, so its characters keep their source positions. */
function valueIn(line: MappedText, value: string, from = 0): MappedText {
  const k = line.text.indexOf(value, from);
  const at = k < 0 ? line.text.lastIndexOf(value) : k;
  return at < 0 ? tidyText({ text: value, offsets: Array.from({ length: value.length }, () => startOffset(line)) }, true) : sliceText(line, at, at + value.length);
}

/** How the report names each kind of labelled field: kept in a field, or dropped. */
const FIELD_NAMES: Record<LabelledField['kind'], string> = {
  date: 'publication date (→ date)',
  written: 'date of writing (成文日期, reported)',
  source: 'source (→ source)',
  issuer: 'issuing body (→ source when no 来源)',
  author: 'author (→ author)',
  photo: 'photographer (dropped: the content format has no field for it)',
  editor: 'editor (dropped: the content format has no field for it)',
  views: 'view counter (dropped)',
  uploader: 'uploader (dropped)',
  docNumber: 'document number (dropped: the body keeps its own)',
  title: 'title (→ title)',
  catalogue: '信息公开 catalogue (dropped)',
  buttons: 'page buttons (dropped)',
};

export function recognise(blocks: SourceBlock[], locate: Locate, page?: PageContext): Recognised {
  const r: Recognised = { body: [], closing: 0, furniture: [], diagnostics: [] };
  const d = r.diagnostics;
  const meta = page?.meta;
  const main = page?.main;
  const all: Item[] = blocks
    .map((b) => (b.kind === 'line' ? { ...b, text: tidyText(b.text, true) } : b))
    .filter((b) => b.kind !== 'line' || b.text.text !== '');
  const drop = (item: Item, what: string) =>
    r.furniture.push({ at: atOf(item), what, text: isLine(item) ? item.text.text : `(${item.kind})` });
  const unplaced = (item: Item, why: string) =>
    d.push(
      diag('warning', 'unplaced', `${why}: '${isLine(item) ? item.text.text : item.kind}' is not imported`, locate(atOf(item)), [
        'copy it into the YAML by hand if it belongs to the article',
      ]),
    );

  // What never shows: display:none, unless that is where the page keeps its article.
  const items: Item[] = [];
  for (const item of all) {
    const hidden = item.kind === 'line' ? item.html?.hidden : item.kind === 'table' ? item.html?.hidden : undefined;
    const path = item.kind === 'line' ? item.html?.path : item.kind === 'table' ? item.html?.path : undefined;
    if (hidden === 'display' && !(main?.hidden && path?.includes(main.element))) drop(item, 'hidden by the page (display:none, dropped)');
    else items.push(item);
  }
  if (main?.hidden) {
    d.push(diag('warning', 'hidden-article', 'the article is hidden by the page’s style (display:none) until a script shows it: imported anyway', locate(main.element.at)));
  }

  const seg = segment(items, { ...(meta ? { meta } : {}), ...(main ? { main: main.element } : {}) });
  const book: FieldBook = collectFields(locate, d);
  if (meta) book.fromMeta(meta);

  // The title.
  if (seg.title.length > 0) {
    const lines = seg.title.map((i) => (items[i] as SourceLine).text);
    if (lines.length === 1) r.title = lines[0];
    else {
      r.titleLines = lines;
      const joined = concatText(lines[0]!, lines[1]!);
      const named = meta?.titles.find((t) => key(t.text.text) === key(joined.text));
      // The page's tags write the title on one line: keep their space between the two parts.
      r.title = named && /\s/.test(named.text.text) ? concatText(lines[0]!, { text: ' ', offsets: [startOffset(lines[1]!)] }, lines[1]!) : joined;
    }
  } else if (meta?.titles[0]) {
    r.title = meta.titles[0].text;
  }
  if (seg.subtitle !== undefined) r.subtitle = (items[seg.subtitle] as SourceLine).text;
  if (meta && r.title) crossCheckTitle(r.title, meta, locate, d);

  // The page's head, above the title: breadcrumbs and a column label give the column, publication lines their fields.
  const titleAt = seg.title[0] ?? seg.bodyStart;
  const label = columnLabel(items, titleAt, meta, seg.kicker);
  // A short line of the title's group above it is a column label when it can be one (decided below), else the 引题.
  if (seg.kicker !== undefined && seg.kicker !== label) r.kicker = (items[seg.kicker] as SourceLine).text;
  let crumbColumn: MappedText | undefined;
  for (let i = 0; i < titleAt; i++) {
    const item = items[i]!;
    if (i === label || i === seg.kicker) continue;
    if (isLine(item) && label !== undefined && item.text.text === (items[label] as SourceLine).text.text) {
      drop(item, 'column name again (dropped)');
      continue;
    }
    const crumb = takeHeaderLine(item, 'head');
    if (crumb) crumbColumn = crumb;
  }
  // Under the title: the header lines, WeChat's names.
  const [author, account] = seg.wechatNames.length === 2 ? seg.wechatNames : [undefined, seg.wechatNames[0]];
  for (let i = seg.title.length > 0 ? seg.title.at(-1)! + 1 : titleAt; i < seg.bodyStart; i++) {
    const item = items[i]!;
    if (i === seg.subtitle) continue;
    if (seg.repeatedTitle.includes(i)) {
      drop(item, 'title again (dropped)');
      continue;
    }
    if (i === author || i === account) {
      const line = (item as SourceLine).text;
      book.add(i === author ? 'author' : 'source', { text: line, at: startOffset(line), trust: 1, from: 'WeChat header' });
      drop(item, i === author ? 'WeChat author (→ author)' : 'WeChat account (→ source)');
      continue;
    }
    const crumb = takeHeaderLine(item, 'header');
    if (crumb) crumbColumn = crumb;
  }
  if (crumbColumn) book.add('column', { text: crumbColumn, at: startOffset(crumbColumn), trust: 1, from: 'breadcrumb' });
  if (label !== undefined) {
    const line = (items[label] as SourceLine).text;
    book.add('column', { text: line, at: startOffset(line), trust: 2, from: 'the label above the title' });
  }

  // The tail.
  const tail = items.slice(seg.bodyEnd);
  const bodyItems = items.slice(seg.bodyStart, seg.bodyEnd);
  const attachments = findAttachments(bodyItems.map((it) => (isLine(it) ? it.text : undefined))) ?? undefined;
  const tailAttachments = attachments ? undefined : findAttachments(tail.map((it) => (isLine(it) ? it.text : undefined)));
  const attached = new Set<Item>();
  for (const [list, from] of [[attachments, bodyItems], [tailAttachments, tail]] as const) {
    if (!list) continue;
    r.attachments = list.items;
    for (const k of list.lines) {
      attached.add(from[k]!);
      drop(from[k]!, 'attachments (→ attachments)');
    }
  }
  let afterEnd = false;
  for (const item of tail) {
    if (attached.has(item)) continue;
    if (isLine(item) && tailOpener(item.text.text)) afterEnd = true;
    takeTailLine(item, afterEnd);
  }

  // The body: the editor's note, then the outline.
  const body: Item[] = [];
  let sawHeading = false;
  let noteLabel: SourceLine | undefined;
  for (const item of bodyItems) {
    if (attached.has(item)) continue;
    if (isLine(item)) {
      const t = item.text.text;
      if (noteLabel) {
        const labelLine = noteLabel;
        noteLabel = undefined;
        if (!headingMarker(t) && !r.editorNote) {
          r.editorNote = item.text;
          drop(labelLine, "editor's note label (→ editorNote)");
          continue;
        }
        unplaced(labelLine, "an editor's note label with no note after it");
      }
      const note = EDITOR_NOTE.exec(t);
      if (note && !sawHeading && !r.editorNote) {
        const rest = tidyText(sliceText(item.text, note[0].length), true);
        if (rest.text !== '') r.editorNote = rest;
        else noteLabel = item;
        continue;
      }
      if (headingMarker(t)) sawHeading = true;
    }
    body.push(item);
  }
  if (noteLabel) unplaced(noteLabel, "an editor's note label with no note after it");

  // Images in the article cannot come along; elsewhere they are the page's.
  if (page) {
    const first = items[seg.bodyStart];
    const after = items[seg.bodyEnd];
    for (const img of page.images) {
      if (!first || img.at < atOf(first) || (after && img.at >= atOf(after))) continue;
      if (!img.path.includes(main!.element)) continue;
      d.push(diag('warning', 'image', `image '${img.src}'${img.alt ? ` (${img.alt})` : ''} is not imported`, locate(img.at), [
        'save the image next to the YAML and add an `image:` block by hand',
      ]));
    }
  }

  const stop = (t: string) =>
    !!parseLabelled(t)?.fields.length || footerLine(t) || EDITOR_NOTE.test(t) || DOC_NUMBER.test(t) || !!dateOnly(t) || /^[^。；]{2,60}[：:]$/.test(t) || AFTER_SIGNATURE.test(t);
  const outline = buildOutline(joinWrapped(withCaptions(withLists(body)), stop, locate, d), locate);
  r.body = outline.body;
  r.closing = outline.closing;
  d.push(...outline.diagnostics);

  // A document that gives no date but its signature's (落款) is dated by it.
  const signed = signatureDate(body);
  if (signed) book.add('written', { date: signed.date, at: signed.at, trust: 6, from: 'the signature' });
  book.resolve(r);
  if (r.column && NOT_COLUMNS.test(r.column.text)) delete r.column;
  if (label !== undefined && r.column?.text !== (items[label] as SourceLine).text.text) {
    if (label === seg.kicker) r.kicker = (items[label] as SourceLine).text;
    else drop(items[label]!, 'label above the title (dropped: the column is named elsewhere)');
  }

  const where = items[0] ? locate(atOf(items[0])) : undefined;
  if (!r.title) d.push(diag('warning', 'missing-title', 'no title found: add `title:` to the YAML', where));
  if (!r.date) {
    d.push(diag('warning', 'missing-date', 'no publication date found (发布时间/发布日期…): add `date: YYYY-MM-DD` to the YAML', where));
  }
  return r;

  /** A line above the body: its fields go to the book, the line to the report. Returns a breadcrumb's column. */
  function takeHeaderLine(item: Item, where: 'head' | 'header'): MappedText | undefined {
    if (!isLine(item)) {
      if (item.kind === 'table' && takeTable(item, 1)) return undefined;
      if (where === 'head') drop(item, `${item.kind} above the title (dropped)`);
      else unplaced(item, 'a table or list between the title and the body');
      return undefined;
    }
    const t = item.text.text;
    const steps = parseBreadcrumb(t, item.html?.breadcrumb ?? false);
    if (steps) {
      drop(item, 'breadcrumb (dropped)');
      const col = breadcrumbColumn(steps);
      return col ? valueIn(item.text, col, t.lastIndexOf(col)) : undefined;
    }
    if (takeFieldLine(item, 1)) return undefined;
    if (buttonsOnly(t)) drop(item, 'page buttons (dropped)');
    else if (wechatMark(t) || wechatFurniture(t)) drop(item, 'WeChat mark (dropped)');
    else if (meta?.description && key(meta.description.text.text) === key(t)) drop(item, "the page's summary (its description, dropped)");
    else if (navLine(t)) drop(item, 'navigation (dropped)');
    else if (where === 'head' && proseWeight(item) > 0 && length(t) >= 20 && (!item.html || item.html.path.includes(main!.element))) unplaced(item, 'above the title and not a column name');
    else drop(item, where === 'head' ? 'page head above the title (dropped)' : 'page header (dropped)');
    return undefined;
  }

  /** A line below the body. `afterEnd`: past a line that ends the article (相关新闻, 上一篇…). */
  function takeTailLine(item: Item, afterEnd: boolean): void {
    if (!isLine(item)) {
      if (item.kind === 'table' && takeTable(item, 4)) return;
      drop(item, `${item.kind} below the article (dropped)`);
      return;
    }
    const t = item.text.text;
    if (!afterEnd && takeFieldLine(item, 4)) return;
    if (footerLine(t)) drop(item, 'page footer (dropped)');
    else if (tailOpener(t) || afterEnd) {
      if (afterEnd && !tailOpener(t) && proseWeight(item) > 0 && length(t) >= 60 && !item.html) unplaced(item, 'after the end of the article');
      else drop(item, 'page tail (dropped)');
    } else if (wechatFurniture(t)) drop(item, 'WeChat mark (dropped)');
    else if (buttonsOnly(t)) drop(item, 'page buttons (dropped)');
    else if (item.html || navLine(t) || length(t) <= 30) drop(item, 'page tail (dropped)');
    else unplaced(item, 'below the source line');
  }

  /** Labelled lines, by-lines, edition lines, WeChat's header and dates: fields. True when the line was one. */
  function takeFieldLine(item: SourceLine, trust: number): boolean {
    const t = item.text.text;
    const labelled = parseLabelled(t);
    if (labelled && (labelled.fields.length > 0 || labelled.leadingDate)) {
      const whats: string[] = [];
      if (labelled.leadingDate) {
        book.add('date', { date: labelled.leadingDate.date, at: startOffset(item.text), trust, from: `line ${locate(startOffset(item.text)).line}` });
        whats.push(FIELD_NAMES.date);
      }
      for (const f of labelled.fields) {
        whats.push(FIELD_NAMES[f.kind]);
        takeField(item.text, f, trust);
      }
      drop(item, [...new Set(whats)].join(', ') || 'page buttons (dropped)');
      return true;
    }
    const only = dateOnly(t);
    if (only) {
      book.add('date', { date: only, at: startOffset(item.text), trust, from: `line ${locate(startOffset(item.text)).line}` });
      drop(item, FIELD_NAMES.date);
      return true;
    }
    const edition = parseEdition(t);
    if (edition) {
      if (edition.date) book.add('date', { date: edition.date, at: startOffset(item.text), trust: 5, from: 'the edition line' });
      if (edition.source) book.add('source', { text: valueIn(item.text, edition.source), at: startOffset(item.text), trust: 5, from: 'the edition line' });
      drop(item, 'newspaper edition line (dropped)');
      return true;
    }
    const wechat = parseWechatHeader(t);
    if (wechat) {
      if (wechat.date) book.add('date', { date: wechat.date, at: startOffset(item.text), trust, from: 'WeChat header' });
      const [a, s] = wechat.names.length === 2 ? wechat.names : [undefined, wechat.names[0]];
      if (a) book.add('author', { text: valueIn(item.text, a), at: startOffset(item.text), trust, from: 'WeChat header' });
      if (s) book.add('source', { text: valueIn(item.text, s), at: startOffset(item.text), trust, from: 'WeChat header' });
      drop(item, 'WeChat header (→ date, source, author)');
      return true;
    }
    const by = parseByline(t);
    if (by) {
      if (by.authors.length > 0) {
        const names = by.authors.join(by.separator);
        const text = by.authors.length === 1 ? valueIn(item.text, names) : tidyText({ text: names, offsets: Array.from({ length: names.length }, () => startOffset(item.text)) }, true);
        book.add('author', { text, at: startOffset(item.text), trust: trust === 1 ? 3 : 4, from: 'by-line' });
      }
      drop(item, by.authors.length > 0 ? 'by-line (→ author)' : 'by-line of photographers or editors (dropped)');
      return true;
    }
    if (meta && key(t) !== '' && [meta.source, meta.author].some((v) => v && key(t).includes(key(v.text.text))) && t.split(/\s+/).length <= 6 && !proseWeight(item)) {
      drop(item, 'WeChat header (fields from the page’s tags)');
      return true;
    }
    return false;
  }

  function takeField(line: MappedText, f: LabelledField, trust: number): void {
    const at = startOffset(line);
    const from = `line ${locate(at).line}`;
    const value = f.value;
    if (value !== '' && PLACEHOLDER_VALUES.test(value)) return;
    switch (f.kind) {
      case 'date':
        if (f.date) book.add('date', { date: f.date, at, trust, from });
        break;
      case 'written':
        if (f.date) book.add('written', { date: f.date, at, trust, from });
        break;
      case 'source':
        if (value) book.add('source', { text: valueIn(line, value, f.start), at, trust, from });
        break;
      case 'author':
        if (value) book.add('author', { text: valueIn(line, authorNames(value), f.start), at, trust, from });
        break;
      case 'issuer':
        if (value) book.add('issuer', { text: valueIn(line, value, f.start), at, trust: trust + 1, from });
        break;
      default:
    }
  }

  /** A 信息公开 table (索引号 | … | 发布日期 | …): its fields. True when the table was one. */
  function takeTable(table: Extract<Item, { kind: 'table' }>, trust: number): boolean {
    const cells = [...(table.header ?? []), ...table.rows.flat()];
    let fields = 0;
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!;
      const labelled = parseLabelled(`${cell.text}${/[:：]$/.test(cell.text) ? '' : '：'}`);
      const f = labelled?.fields[0];
      if (!f || labelled!.fields.length !== 1 || f.value !== '' || k + 1 >= cells.length) {
        // A cell that holds its label and value together: 发布日期：2025-11-25.
        const whole = parseLabelled(cell.text);
        if (whole && whole.fields.length > 0) {
          for (const g of whole.fields) takeField(cell, g, trust + 1);
          fields++;
        }
        continue;
      }
      const value = cells[k + 1]!;
      const parsed = parseLabelled(`${f.label}：${value.text}`);
      const g = parsed?.fields[0];
      if (g) {
        takeField(value, { ...g, start: 0 }, trust + 1);
        fields++;
      }
      k++;
    }
    if (fields < 2) return false;
    drop(table, '信息公开 table (→ date, source; the rest dropped)');
    return true;
  }
}

/** The date of a signature at the end of the body: an issuer's name, then a date alone (then 此件公开发布). */
function signatureDate(body: Item[]): { date: string; at: number } | undefined {
  let end = body.length;
  while (end > 0 && isLine(body[end - 1]) && AFTER_SIGNATURE.test((body[end - 1] as SourceLine).text.text)) end--;
  const date = body[end - 1];
  const name = body[end - 2];
  if (!isLine(date) || !isLine(name)) return undefined;
  const d = dateOnly(date.text.text);
  if (!d || length(name.text.text) > 30 || /[，。；：！？,;:!?]/.test(name.text.text)) return undefined;
  return { date: d, at: startOffset(date.text) };
}

/** The short line right above the title that names its column: 他山之石 (repeated, or the page's first line). */
function columnLabel(items: Item[], titleAt: number, meta: PageMeta | undefined, kicker: number | undefined): number | undefined {
  let i = titleAt - 1;
  while (i >= 0 && isLine(items[i]) && (parseBreadcrumb((items[i] as SourceLine).text.text) || buttonsOnly((items[i] as SourceLine).text.text))) i--;
  const item = items[i];
  if (!isLine(item)) return undefined;
  const t = item.text.text;
  // A link is a menu's, not a label.
  if (item.html && item.html.linkChars > t.length / 2) return undefined;
  // A line of the title's own group that is a heading, or longer than a column's name, is its 引题.
  if (i === kicker && !/^[【\[［].*[】\]］]$/.test(t) && ((item.html?.heading ?? 0) > 0 || length(t) > 8)) return undefined;
  if (!shortLabel(t) || navLine(t) || headingMarker(t) || SITE_NAME.test(t) || BODY_NAME.test(t) || NOT_COLUMNS.test(t) || (meta?.siteNames ?? []).includes(t)) return undefined;
  if (parseLabelled(t) || dateOnly(t) || wechatMark(t)) return undefined;
  const repeated = items.filter((it) => isLine(it) && it.text.text === t).length >= 2;
  let first = i;
  while (first > 0 && isLine(items[first - 1]) && (items[first - 1] as SourceLine).text.text === t) first--;
  // The last of a run of short lines is a menu's last link, not a label.
  const above = items[first - 1];
  const menu = isLine(above) && shortLabel(above.text.text) && !parseLabelled(above.text.text);
  return repeated || first === 0 || !menu ? first : undefined;
}

/** Says so when the page's <title> does not name the title found. */
function crossCheckTitle(title: MappedText, meta: PageMeta, locate: Locate, d: Diagnostic[]): void {
  const t = key(title.text);
  if (!meta.titleTag || t === '') return;
  const whole = key(meta.titleTag.text.text);
  const parts = titleTagParts(meta).map(key);
  if (whole.includes(t) || parts.some((p) => p.length >= 6 && t.includes(p))) return;
  d.push(
    diag('warning', 'title-mismatch', `the page's <title> '${meta.titleTag.text.text}' does not name the title found, '${title.text}'`, locate(startOffset(title)), [
      'check which is the article’s title; the YAML has the one shown on the page',
    ]),
  );
}

/** Consecutive items of one HTML list become a list block. */
function withLists(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; ) {
    const item = items[i]!;
    const list = isLine(item) ? item.html?.list : undefined;
    if (!list || headingMarker(item.kind === 'line' ? item.text.text : '')) {
      out.push(item);
      i++;
      continue;
    }
    const group: SourceLine[] = [];
    while (i < items.length && isLine(items[i]) && (items[i] as SourceLine).html?.list?.el === list.el) group.push(items[i++] as SourceLine);
    const block: SourceList = { kind: 'list', at: startOffset(group[0]!.text), ordered: list.ordered, items: group.map((g) => g.text) };
    out.push(block);
  }
  return out;
}

/** A 表1 … line right above a table without a caption is its caption. */
function withCaptions(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1];
    if (isLine(item) && next?.kind === 'table' && !next.caption && /^表\s*[\d一二三四五六七八九十]{1,3}(?![\d])/.test(item.text.text) && length(item.text.text) <= 60) {
      out.push({ ...next, caption: item.text });
      i++;
      continue;
    }
    out.push(item);
  }
  return out;
}
