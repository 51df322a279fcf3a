import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import {
  BREADCRUMB,
  BYLINE,
  EDITOR_NOTE,
  FOOTER,
  breadcrumbColumn,
  parseMetaLine,
  type MetaLine,
} from './furniture.js';
import { headingMarker } from './headings.js';
import { sliceText, startOffset, tidyText, type MappedText } from './mapped-text.js';
import { buildOutline, joinWrapped, type OutlineBlock } from './outline.js';
import type { SourceBlock, SourceLine, SourceList, SourceTable } from './source-blocks.js';

/** A line the importer dropped on purpose, for the report. */
export interface Furniture {
  at: number;
  what: string;
  text: string;
}

/** An article's fields as found in a source (text, HTML or Word), each mapped to where it was. */
export interface MappedArticleFields {
  title?: MappedText;
  subtitle?: MappedText;
  column?: MappedText;
  date?: { value: string; at: number };
  source?: MappedText;
  author?: MappedText;
  editorNote?: MappedText;
}

/** What the recogniser found, every text still mapped to the source. */
export interface Recognised extends MappedArticleFields {
  body: OutlineBlock[];
  /** How many paragraphs at the end of `body` close the article. */
  closing: number;
  furniture: Furniture[];
  diagnostics: Diagnostic[];
}

type Locate = (offset: number) => SourcePos;
type Item = SourceLine | SourceTable | SourceList;
type Line = SourceLine;

/** How far down the page the publication line may be. */
const HEAD_LINES = 15;
/** How many short lines after a source line still count as the page footer. */
const FOOT_LINES = 6;

const isLine = (item: Item | undefined): item is Line => item?.kind === 'line';
const length = (t: string) => [...t].length;
const shortLabel = (t: string) => length(t) <= 12 && !/[。，,；;：:！？!?、]/.test(t);
const BUTTONS_ONLY = (t: string) => parseMetaLine(t)?.fields.every((f) => f === 'ignore') ?? false;

function titleLike(item: Item | undefined): item is Line {
  if (!isLine(item)) return false;
  const t = item.text.text;
  return (
    length(t) <= 80 &&
    !/[。；：:;,，、]$/.test(t) &&
    !headingMarker(t) &&
    !EDITOR_NOTE.test(t) &&
    !parseMetaLine(t) &&
    !BREADCRUMB.test(t) &&
    !FOOTER.test(t)
  );
}

function atOf(item: Item): number {
  return item.kind === 'line' ? startOffset(item.text) : item.at;
}

/** The part of a line that holds `value`, so its characters keep their source positions. */
function valueIn(line: MappedText, value: string): MappedText {
  const k = line.text.lastIndexOf(value);
  return k < 0 ? line : sliceText(line, k, k + value.length);
}

export function recognise(blocks: SourceBlock[], locate: Locate): Recognised {
  const items: Item[] = blocks
    .map((b) => (b.kind === 'line' ? { ...b, text: tidyText(b.text) } : b))
    .filter((b) => b.kind !== 'line' || b.text.text !== '');
  const r: Recognised = { body: [], closing: 0, furniture: [], diagnostics: [] };
  const d = r.diagnostics;
  const drop = (item: Item, what: string) =>
    r.furniture.push({ at: atOf(item), what, text: isLine(item) ? item.text.text : `(${item.kind})` });
  const unplaced = (item: Item, why: string) =>
    d.push(
      diag('warning', 'unplaced', `${why}: '${isLine(item) ? item.text.text : item.kind}' is not imported`, locate(atOf(item)), [
        'copy it into the YAML by hand if it belongs to the article',
      ]),
    );
  const setField = (name: 'source' | 'author' | 'column' | 'subtitle', value: MappedText) => {
    const old = r[name];
    if (old === undefined) r[name] = value;
    else if (old.text !== value.text) {
      d.push(diag('warning', 'conflict', `${name} '${value.text}' differs from '${old.text}' found before; keeping the first`, locate(startOffset(value))));
    }
  };
  const takeMeta = (item: Line, meta: MetaLine) => {
    if (meta.date) {
      if (!r.date) r.date = { value: meta.date, at: startOffset(item.text) };
      else if (r.date.value !== meta.date) {
        d.push(diag('warning', 'conflict', `date ${meta.date} differs from ${r.date.value} found before; keeping the first`, locate(startOffset(item.text))));
      }
    }
    if (meta.source) setField('source', valueIn(item.text, meta.source));
    if (meta.author) setField('author', valueIn(item.text, meta.author));
    drop(item, [...new Set(meta.fields)].map((f) => META_NAMES[f]).join(', '));
  };
  /** Breadcrumbs, meta lines, by-lines and page buttons; true when the item was one. */
  const furniture = (item: Item, crumbs: MappedText[]): boolean => {
    if (!isLine(item)) return false;
    const t = item.text.text;
    if (BREADCRUMB.test(t)) {
      drop(item, 'breadcrumb (dropped)');
      const col = breadcrumbColumn(t);
      if (col) crumbs.push(valueIn(item.text, col));
      return true;
    }
    const meta = parseMetaLine(t);
    if (meta) {
      takeMeta(item, meta);
      return true;
    }
    const by = BYLINE.exec(t);
    if (by) {
      setField('author', valueIn(item.text, by[1]!.trim()));
      drop(item, 'by-line (→ author)');
      return true;
    }
    return false;
  };

  // The header: everything down to the publication line, or the title when there is none.
  const crumbs: MappedText[] = [];
  const headEnd = Math.min(items.length, HEAD_LINES);
  let metaAt = -1;
  for (let i = 0; i < headEnd && metaAt < 0; i++) {
    const item = items[i];
    if (isLine(item) && parseMetaLine(item.text.text)?.date) metaAt = i;
  }
  let i = 0;
  const before: Line[] = [];
  if (metaAt >= 0) {
    for (; i < metaAt; i++) {
      const item = items[i]!;
      if (furniture(item, crumbs)) continue;
      if (isLine(item)) before.push(item);
      else unplaced(item, 'a table or list above the title');
    }
    while (i < items.length && furniture(items[i]!, crumbs)) i++;
  } else {
    while (i < items.length && furniture(items[i]!, crumbs)) i++;
    // A short label above the title, maybe repeated, is its column: 他山之石 / 创新举措凝心聚力….
    const label = isLine(items[i]) ? (items[i] as Line).text.text : '';
    if (titleLike(items[i]) && shortLabel(label)) {
      let j = i;
      while (isLine(items[j]) && (items[j] as Line).text.text === label) j++;
      if (titleLike(items[j]) && length((items[j] as Line).text.text) > length(label)) {
        for (; i < j; i++) before.push(items[i] as Line);
      }
    }
    if (titleLike(items[i])) before.push(items[i++] as Line);
  }
  let titleLine = before.pop();
  if (titleLine && /^(?:——|—|--|－－)/.test(titleLine.text.text) && before.length > 0) {
    setField('subtitle', titleLine.text);
    titleLine = before.pop();
  }
  if (!titleLine && titleLike(items[i])) titleLine = items[i++] as Line;
  if (titleLine) r.title = titleLine.text;
  if (!r.subtitle && isLine(items[i]) && /^(?:——|—|--|－－)/.test((items[i] as Line).text.text) && titleLike(items[i])) {
    setField('subtitle', (items[i++] as Line).text);
  }
  while (i < items.length && furniture(items[i]!, crumbs)) i++;
  // Lines above the title: the column, repeats of it, and whatever else the page put there.
  const column = [...before].reverse().find((l) => shortLabel(l.text.text));
  const firstColumn = column && before.find((l) => l.text.text === column.text.text);
  for (const line of before) {
    if (line === firstColumn) setField('column', line.text);
    else if (column && line.text.text === column.text.text) drop(line, 'column name again (dropped)');
    else unplaced(line, 'above the title and not a column name');
  }
  if (!r.column && crumbs.length > 0) setField('column', crumbs[crumbs.length - 1]!);
  const bodyStart = i;

  // The footer: source, author and editor lines, page links, copyright; and short lines after a source line.
  const footerish = (item: Item) =>
    isLine(item) && (!!parseMetaLine(item.text.text) || FOOTER.test(item.text.text));
  let footStart = items.length;
  while (footStart > bodyStart && footerish(items[footStart - 1]!)) footStart--;
  for (let k = footStart - 1; k >= bodyStart && footStart - k <= FOOT_LINES; k--) {
    const meta = isLine(items[k]) ? parseMetaLine((items[k] as Line).text.text) : undefined;
    if (meta && (meta.source || meta.author || meta.editor)) {
      if (items.slice(k + 1, footStart).every((it) => isLine(it) && length(it.text.text) <= 30)) footStart = k;
      break;
    }
  }
  for (const item of items.slice(footStart)) {
    if (furniture(item, crumbs)) continue;
    if (isLine(item) && FOOTER.test(item.text.text)) drop(item, 'page footer (dropped)');
    else unplaced(item, 'below the source line');
  }

  // The body: the editor's note, then the outline.
  const bodyItems: Item[] = [];
  let sawHeading = false;
  /** A 编者按 label alone on its line: the note is the next line. */
  let noteLabel: Line | undefined;
  for (const item of items.slice(bodyStart, footStart)) {
    if (isLine(item)) {
      const t = item.text.text;
      if (BUTTONS_ONLY(t)) {
        drop(item, 'page buttons (dropped)');
        continue;
      }
      if (noteLabel) {
        const label = noteLabel;
        noteLabel = undefined;
        if (!headingMarker(t)) {
          r.editorNote = item.text;
          drop(label, "editor's note label (→ editorNote)");
          continue;
        }
        unplaced(label, "an editor's note label with no note after it");
      }
      const note = EDITOR_NOTE.exec(t);
      if (note && !sawHeading && !r.editorNote) {
        const rest = tidyText(sliceText(item.text, note[0].length));
        if (rest.text !== '') r.editorNote = rest;
        else noteLabel = item;
        continue;
      }
      if (headingMarker(t)) sawHeading = true;
    }
    bodyItems.push(item);
  }
  if (noteLabel) unplaced(noteLabel, "an editor's note label with no note after it");
  const stop = (t: string) => !!parseMetaLine(t) || FOOTER.test(t) || EDITOR_NOTE.test(t);
  const outline = buildOutline(joinWrapped(bodyItems, stop, locate, d), locate);
  r.body = outline.body;
  r.closing = outline.closing;
  d.push(...outline.diagnostics);

  const first = items[0];
  const where = first ? locate(atOf(first)) : undefined;
  if (!r.title) d.push(diag('warning', 'missing-title', 'no title found: add `title:` to the YAML', where));
  if (!r.date) {
    d.push(diag('warning', 'missing-date', 'no publication date found (发布时间/发布日期…): add `date: YYYY-MM-DD` to the YAML', where));
  }
  return r;
}

/** How the report describes each field of a meta line: kept in a field, or dropped. */
const META_NAMES: Record<string, string> = {
  date: 'publication date (→ date)',
  source: 'source (→ source)',
  author: 'author (→ author)',
  editor: 'editor (dropped: the content format has no field for it)',
  views: 'view counter (dropped)',
  ignore: 'page buttons (dropped)',
};
