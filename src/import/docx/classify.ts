import { diag, type Diagnostic, type SourcePos } from '../../diagnostics/index.js';
import type { MappedArticleFields } from '../recognise.js';
import { EDITOR_NOTE, parseDate } from '../furniture.js';
import { headingMarker, headingShape } from '../headings.js';
import { concatText, mapped, sliceText, startOffset, tidyText, type MappedText } from '../mapped-text.js';
import type { SourceTable } from '../source-blocks.js';
import type { Numbering } from './numbering.js';
import type { RawBlock, RawCell, RawParagraph, RawTable } from './read-body.js';
import type { Role, StyleResolver } from './styles.js';
import { attachmentItems } from '../attachments.js';

export interface DocxParagraphBlock {
  kind: 'paragraph';
  text: MappedText;
}

export interface DocxSection {
  kind: 'section';
  heading: MappedText;
  at: number;
  body: DocxBlock[];
}

export interface DocxList {
  kind: 'list';
  at: number;
  ordered: boolean;
  items: MappedText[];
}

export interface DocxImage {
  kind: 'image';
  at: number;
  /** The package part, e.g. `word/media/image1.png`: its extension names the format. */
  part: string;
  data: Uint8Array;
  name?: string;
  caption?: MappedText;
}

export type DocxBlock = DocxParagraphBlock | DocxSection | SourceTable | DocxList | DocxImage;

/** One article of the document, every text still mapped to its paragraph. */
export interface DocxArticle extends MappedArticleFields {
  body: DocxBlock[];
  /** Paragraphs at the end of `body` lifted out of the last section as the article's closing. */
  closing: number;
  at: number;
}

export interface Classified {
  /** False when no paragraph has a style that says what it is (a document typed in Normal): the text recogniser reads it instead. */
  styled: boolean;
  articles: DocxArticle[];
  /** A bulletin issue's own 编者按 (above its contents), without its label. */
  issueNote?: MappedText;
  furniture: { at: number; what: string; text: string }[];
  diagnostics: Diagnostic[];
}

type Locate = (offset: number) => SourcePos;

interface Context {
  styles: StyleResolver;
  numbering: Numbering;
  locate: Locate;
}

/** Roles that only a styled document has: one of them and the styles are trusted. */
const STRUCTURE: ReadonlySet<Role> = new Set(['kicker', 'title', 'subtitle', 'column', 'editorNote', 'issueNote', 'heading', 'source', 'date']);

const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2014\u2026\u201C\u201D\u2018\u2019]/u;

/**
 * The paragraph's text as content: a line break between Chinese characters disappears (Chinese
 * has no inter-word space), any other line break and run of spaces becomes one space, ends
 * trimmed (as the content loader cleans text). A space typed before a break stays: a title
 * broken at its space (创新举措凝心聚力␣⏎推进…) keeps it.
 */
export function paragraphText(p: RawParagraph): MappedText {
  const m = mapped(p.text, p.start);
  const keep: boolean[] = Array.from({ length: m.text.length }, () => true);
  for (let i = 0; i < m.text.length; i++) {
    if (m.text[i] !== '\n') continue;
    let a = i - 1;
    while (a >= 0 && m.text[a] === '\n') a--;
    let b = i + 1;
    while (b < m.text.length && m.text[b] === '\n') b++;
    if (a >= 0 && b < m.text.length && CJK.test(m.text[a]!) && CJK.test(m.text[b]!)) keep[i] = false;
  }
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < m.text.length; i++) {
    if (!keep[i]) continue;
    text += m.text[i];
    offsets.push(m.offsets[i]!);
  }
  return tidyText({ text, offsets });
}

/** The role of a paragraph: its style's, unless the paragraph sets an outline level or Word numbering itself. */
function roleOf(p: RawParagraph, ctx: Context): { role: Role; level?: number } {
  const r = ctx.styles.role(p.styleId);
  if ((r.role === 'body' || r.role === 'unknown') && p.outlineLevel !== undefined) return { role: 'heading', level: Math.min(p.outlineLevel + 1, 4) };
  if ((r.role === 'body' || r.role === 'unknown') && p.numbering) return { role: 'listItem' };
  return r;
}

/** Classifies the document's paragraphs and tables by style into articles: fields, sections, paragraphs, tables, lists, images. */
export function classify(blocks: RawBlock[], ctx: Context): Classified {
  const out: Classified = { styled: false, articles: [], furniture: [], diagnostics: [] };
  const d = out.diagnostics;
  const roles = new Map<RawParagraph, { role: Role; level?: number }>();
  for (const b of blocks) if (b.kind === 'paragraph') roles.set(b, roleOf(b, ctx));
  out.styled = [...roles.values()].some((r) => STRUCTURE.has(r.role));
  if (!out.styled) return out;

  const unknownStyles = new Map<string, { count: number; at: number }>();
  let article: Builder | undefined;
  let groupColumn: MappedText | undefined;
  let pendingCaption: MappedText | undefined;
  const current = (at: number): Builder => {
    if (!article) {
      article = new Builder(at, ctx.locate, d);
      if (groupColumn) article.a.column = groupColumn;
      out.articles.push(article.a);
    }
    return article;
  };
  const startArticle = (at: number) => {
    article?.finish();
    article = undefined;
    return current(at);
  };
  const flushCaption = () => {
    if (!pendingCaption) return;
    current(startOffset(pendingCaption)).block({ kind: 'paragraph', text: pendingCaption });
    d.push(diag('info', 'caption', 'a caption with no table after it: imported as a paragraph', ctx.locate(startOffset(pendingCaption))));
    pendingCaption = undefined;
  };
  const field = (a: Builder, name: 'kicker' | 'subtitle' | 'author' | 'source', value: MappedText) => {
    const old = a.a[name];
    if (old && old.text !== value.text) d.push(diag('warning', 'conflict', `a second ${name} '${value.text}': the first, '${old.text}', is kept`, ctx.locate(startOffset(value))));
    else a.a[name] = value;
  };

  for (const b of blocks) {
    if (b.kind === 'table') {
      const table = readTable(b, ctx, out);
      if (!table) {
        flushCaption();
        continue;
      }
      if (pendingCaption) table.caption = pendingCaption;
      pendingCaption = undefined;
      current(b.start).block(table);
      continue;
    }
    const p = b;
    const role = roles.get(p)!;
    const text = paragraphText(p);
    const at = p.start;
    for (const s of p.skipped) {
      d.push(diag('warning', 'unplaced', `${s} in this paragraph is not imported`, ctx.locate(at), ['copy what it holds into the YAML by hand if it belongs to the article']));
    }
    if (text.text === '' && p.images.length === 0) continue;
    if (role.role !== 'caption' && role.role !== 'tableText') flushCaption();
    switch (role.role) {
      case 'furniture':
        out.furniture.push({ at, what: `${ctx.styles.name(p.styleId ?? ctx.styles.defaultId ?? 'Normal')} (dropped)`, text: text.text });
        break;
      case 'issueNote': {
        const label = EDITOR_NOTE.exec(text.text);
        const note = label ? tidyText(sliceText(text, label[0].length)) : text;
        out.issueNote = out.issueNote ? concatText(out.issueNote, note) : note;
        break;
      }
      case 'column': {
        const a = article?.a.title ? startArticle(at) : current(at);
        const inner = /^[【\[［]\s*(.*?)\s*[】\]］]$/.exec(text.text);
        groupColumn = inner ? tidyText(sliceText(text, text.text.indexOf(inner[1]!), text.text.indexOf(inner[1]!) + inner[1]!.length)) : text;
        a.a.column = groupColumn;
        break;
      }
      case 'title': {
        const a = article?.a.title ? startArticle(at) : current(at);
        a.a.title = text;
        break;
      }
      case 'kicker': {
        // 引题 comes before its title: a title already seen belongs to the article before.
        const a = article?.a.title ? startArticle(at) : current(at);
        field(a, 'kicker', text);
        break;
      }
      case 'subtitle':
        field(current(at), 'subtitle', text);
        break;
      case 'author':
        field(current(at), 'author', text);
        break;
      case 'editorNote': {
        const a = current(at);
        const label = EDITOR_NOTE.exec(text.text);
        const note = label ? tidyText(sliceText(text, label[0].length)) : text;
        if (note.text === '') break;
        if (a.a.editorNote) {
          d.push(diag('warning', 'joined', "a second editor's note paragraph: joined to the first (the note is one paragraph)", ctx.locate(at)));
          a.a.editorNote = concatText(a.a.editorNote, note);
        } else a.a.editorNote = note;
        break;
      }
      case 'source': {
        const a = current(at);
        const parsed = sourceLine(text);
        if (!parsed) {
          d.push(diag('warning', 'source', `source line '${text.text}' is not （来源：…）: taken whole as the source`, ctx.locate(at)));
          field(a, 'source', text);
          break;
        }
        if (parsed.source) field(a, 'source', parsed.source);
        if (parsed.author) field(a, 'author', parsed.author);
        break;
      }
      case 'date': {
        const a = current(at);
        const value = parseDate(text.text);
        if (!value) d.push(diag('warning', 'date', `date line '${text.text}' is not a date such as 2021年3月4日: not imported`, ctx.locate(at)));
        else if (a.a.date && a.a.date.value !== value) d.push(diag('warning', 'conflict', `a second date ${value}: the first, ${a.a.date.value}, is kept`, ctx.locate(at)));
        else a.a.date = { value, at };
        break;
      }
      case 'heading': {
        const a = current(at);
        const m = headingMarker(text.text);
        const heading = m ? tidyText(sliceText(text, m.marker.length)) : text;
        a.heading(role.level ?? 1, heading.text === '' ? text : heading, at);
        break;
      }
      case 'caption': {
        const a = current(at);
        const last = a.lastBlock();
        if (last?.kind === 'image' && !last.caption) last.caption = text;
        else {
          flushCaption();
          pendingCaption = text;
        }
        break;
      }
      case 'listItem': {
        const a = current(at);
        a.listItem(p, text, ctx);
        break;
      }
      case 'unknown': {
        const id = p.styleId ?? ctx.styles.defaultId ?? 'Normal';
        const seen = unknownStyles.get(id);
        if (seen) seen.count++;
        else unknownStyles.set(id, { count: 1, at });
        if (text.text !== '') current(at).paragraph(text, ctx);
        break;
      }
      case 'attachments': {
        // 附件：1.示例一 / 2.示例二: the field holds the titles; the template writes 附件： and the numbers.
        const items = attachmentItems(text);
        if (items.length > 0) (current(at).a.attachments ??= []).push(...items);
        break;
      }
      case 'tableText':
      case 'body':
        if (text.text !== '') current(at).paragraph(text, ctx);
        break;
    }
    if (p.images.length > 0) {
      const a = current(at);
      for (const im of p.images) a.block({ kind: 'image', at: p.start + im.offset, part: im.part, data: im.data, ...(im.name ? { name: im.name } : {}) });
    }
  }
  flushCaption();
  article?.finish();
  for (const [id, { count, at }] of unknownStyles) {
    const name = ctx.styles.name(id);
    d.push(
      diag('warning', 'unknown-style', `style '${name}'${name !== id ? ` (${id})` : ''} is not one jianbao knows: its ${count} paragraph${count === 1 ? ' is' : 's are'} imported as ${count === 1 ? 'a paragraph' : 'paragraphs'}`, ctx.locate(at), [
        "give them one of the draft's styles in Word (Body Text, Heading 1…4, 编者按, 来源…) to import them as something else",
      ]),
    );
  }
  return out;
}

/** （来源：常州日报）, （来源：常州日报　作者：张三） or （作者：张三）, as the report layout prints them. */
function sourceLine(text: MappedText): { source?: MappedText; author?: MappedText } | undefined {
  const byline = /^[（(]\s*作者\s*[：:]\s*(.+?)\s*[）)]$/.exec(text.text);
  if (byline) {
    const k = text.text.indexOf(byline[1]!);
    return { author: tidyText(sliceText(text, k, k + byline[1]!.length)) };
  }
  const m = /^[（(]?\s*(?:信息|稿件|文章)?来源\s*[：:]\s*(.*?)(?:[\s\u3000]*作者\s*[：:]\s*(.*?))?\s*[）)]?$/.exec(text.text);
  if (!m || !m[1]) return undefined;
  const part = (value: string, from: number) => {
    const k = text.text.indexOf(value, from);
    return tidyText(sliceText(text, k, k + value.length));
  };
  const source = part(m[1], 0);
  if (!m[2]) return { source };
  return { source, author: part(m[2], text.text.lastIndexOf(m[2])) };
}

function readTable(t: RawTable, ctx: Context, out: Classified): SourceTable | undefined {
  const paragraphs = t.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
  const nonEmpty = paragraphs.filter((p) => p.text.trim() !== '');
  if (nonEmpty.length === 0) return undefined;
  // A table of furniture only (a bulletin's end block): not article content.
  if (nonEmpty.every((p) => roleOf(p, ctx).role === 'furniture')) {
    for (const p of nonEmpty) out.furniture.push({ at: p.start, what: `${ctx.styles.name(p.styleId ?? 'Normal')} (dropped)`, text: paragraphText(p).text });
    return undefined;
  }
  const cellText = (c: RawCell): MappedText => {
    const parts = c.paragraphs.map(paragraphText).filter((m) => m.text !== '');
    const joined: MappedText[] = [];
    parts.forEach((m, k) => {
      if (k > 0) joined.push({ text: ' ', offsets: [startOffset(m)] });
      joined.push(m);
    });
    return concatText(...joined);
  };
  if (t.rows.some((r) => r.cells.some((c) => c.span > 1 || c.mergedAbove))) {
    out.diagnostics.push(diag('warning', 'merged-cells', 'the table has merged cells: imported unmerged, one cell each (the content format has no merged cells)', ctx.locate(t.start)));
  }
  if (t.rows.some((r) => r.cells.some((c) => c.nestedTable))) {
    out.diagnostics.push(diag('warning', 'nested-table', 'a table inside a table cell: its text is imported into the cell', ctx.locate(t.start)));
  }
  const rows = t.rows.filter((r) => r.cells.length > 0);
  const headerRows = rows[0]?.header ? 1 : 0;
  const table: SourceTable = { kind: 'table', at: t.start, rows: rows.slice(headerRows).map((r) => r.cells.map(cellText)) };
  if (headerRows) table.header = rows[0]!.cells.map(cellText);
  if (table.rows.length === 0 && table.header) {
    // A table of one header row: its cells are its only row.
    table.rows = [table.header];
    delete table.header;
  }
  return table;
}

/** Openings of a closing paragraph, as the text importer knows them (src/import/outline.ts). */
const CLOSING_CUE = /^(?:总之|综上所述?|总而言之|下一步|今后|展望|面向未来|站在新的(?:历史)?起点|新的一年|(?:\d{4}|今|明)年[^。！？]{0,30}(?:将|要|继续))/;

/** Builds one article: fields as they come, sections nested by heading level. */
class Builder {
  readonly a: DocxArticle;
  private readonly stack: { level: number; body: DocxBlock[] }[];
  private list: { numId?: string; list: DocxList } | undefined;

  constructor(
    at: number,
    private readonly locate: Locate,
    private readonly d: Diagnostic[],
  ) {
    this.a = { body: [], closing: 0, at };
    this.stack = [{ level: 0, body: this.a.body }];
  }

  private get container(): DocxBlock[] {
    return this.stack[this.stack.length - 1]!.body;
  }

  lastBlock(): DocxBlock | undefined {
    const c = this.container;
    return c[c.length - 1];
  }

  block(b: DocxBlock): void {
    this.list = undefined;
    this.container.push(b);
  }

  paragraph(text: MappedText, ctx: Context): void {
    this.block({ kind: 'paragraph', text });
    // Typed as a numbered heading but styled as text: say how to make it a section.
    const m = headingMarker(text.text);
    const rest = m ? text.text.slice(m.marker.length) : '';
    if (m && m.rank >= 2 && !/[。！？；：]$/.test(rest) && headingShape(rest).kind === 'heading' && this.stack.length > 1) {
      this.d.push(
        diag('info', 'heading-as-text', `'${text.text}' reads like a heading but is styled as text: imported as a paragraph`, ctx.locate(startOffset(text)), [
          `give it the style Heading ${m.level} in Word to make it a section`,
        ]),
      );
    }
  }

  heading(level: number, text: MappedText, at: number): void {
    this.list = undefined;
    while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    const depth = this.stack.length;
    if (level > depth) {
      this.d.push(diag('info', 'heading-level', `a level-${level} heading directly under a level-${depth - 1 || 'top'} one: imported as level ${depth}, and numbered so`, this.locate(at)));
    }
    const section: DocxSection = { kind: 'section', heading: text, at, body: [] };
    this.container.push(section);
    this.stack.push({ level: Math.min(level, depth), body: section.body });
  }

  listItem(p: RawParagraph, text: MappedText, ctx: Context): void {
    let item = text;
    let ordered = p.numbering ? ctx.numbering.ordered(p.numbering.numId, p.numbering.level) : false;
    let n: number | undefined;
    if (!p.numbering) {
      // Markers written as text, as jianbao's drafts do: 1. or •.
      const num = /^(\d{1,3})[.．、]\s*/.exec(text.text);
      const bullet = /^[•·●○▪■◆◇►–—*-]\s*/.exec(text.text);
      if (num) {
        ordered = true;
        n = Number(num[1]);
        item = tidyText(sliceText(text, num[0].length));
      } else if (bullet) item = tidyText(sliceText(text, bullet[0].length));
    }
    if (item.text === '') return;
    const numId = p.numbering?.numId;
    const open = this.list && this.lastBlock() === this.list.list ? this.list : undefined;
    // The same list goes on: same numbering, same kind, and a written number that counts on.
    if (open && open.numId === numId && open.list.ordered === ordered && (n === undefined || n === open.list.items.length + 1)) {
      open.list.items.push(item);
      return;
    }
    const list: DocxList = { kind: 'list', at: p.start, ordered, items: [item] };
    this.container.push(list);
    this.list = { ...(numId ? { numId } : {}), list };
  }

  /** Ends the article: lifts closing paragraphs out of the last section, as the text importer does. */
  finish(): void {
    const top = this.a.body.filter((b): b is DocxSection => b.kind === 'section');
    const last = this.a.body[this.a.body.length - 1];
    if (top.length < 2 || last?.kind !== 'section') return;
    let node: DocxSection = last;
    while (node.body[node.body.length - 1]?.kind === 'section') node = node.body[node.body.length - 1] as DocxSection;
    let first = node.body.length;
    while (first > 0 && node.body[first - 1]!.kind === 'paragraph') first--;
    for (let k = Math.max(first, 1); k < node.body.length; k++) {
      const b = node.body[k] as DocxParagraphBlock;
      if (!CLOSING_CUE.test(b.text.text)) continue;
      const lifted = node.body.splice(k);
      for (const p of lifted as DocxParagraphBlock[]) {
        this.d.push(diag('info', 'closing', `closing paragraph '${p.text.text.slice(0, 12)}…' placed after the last section, not inside it`, this.locate(startOffset(p.text))));
      }
      this.a.body.push(...lifted);
      this.a.closing = lifted.length;
      return;
    }
  }
}
