import type { DocxPackage } from './package.js';
import { child, elements, path, val, type XmlElement } from './xml.js';

/** Which side of Word's tracked changes to read. */
export type ChangesMode = 'accept' | 'reject';

/** An image found in a paragraph: the package part it is stored in. */
export interface RawImage {
  part: string;
  data: Uint8Array;
  /** The picture's name or description in Word, when it has one. */
  name?: string;
  /** Character offset in the paragraph text where the image stands. */
  offset: number;
}

/** A paragraph as read, tracked changes resolved; not yet classified. */
export interface RawParagraph {
  kind: 'paragraph';
  styleId?: string;
  /** `w:outlineLvl` set on the paragraph itself (0-based). */
  outlineLevel?: number;
  /** Numbered by Word (`w:numPr` on the paragraph): a list item, or an auto-numbered heading. */
  numbering?: { numId: string; level: number };
  /** The paragraph's text: tabs as `\t`, line breaks as `\n`. */
  text: string;
  images: RawImage[];
  /** Where the paragraph's text starts in the import's joined source (set by `number`). */
  start: number;
  /** Comments anchored in this paragraph: id and the anchored character range. */
  comments: { id: string; from: number; to?: number }[];
  /** Text boxes, objects, notes and symbols that could not be read as text. */
  skipped: string[];
  /** The paragraph mark is removed on this side of the changes: the text runs on into the next paragraph. */
  joinNext: boolean;
}

export interface RawCell {
  paragraphs: RawParagraph[];
  /** Spans this many grid columns. */
  span: number;
  /** Continues a vertical merge from the row above. */
  mergedAbove: boolean;
  nestedTable: boolean;
}

export interface RawTable {
  kind: 'table';
  rows: { header: boolean; cells: RawCell[] }[];
  /** Positioned by the page, not in the flow (a bulletin's end block is one). */
  floating: boolean;
  start: number;
}

export type RawBlock = RawParagraph | RawTable;

/** Tracked changes and comments of the document, counted on the raw XML. */
export interface ChangeCount {
  insertions: number;
  deletions: number;
  moves: number;
  /** Paragraph and table-row marks inserted or deleted. */
  marks: number;
  /** Paragraph style changes. */
  styles: number;
  /** Run and paragraph formatting changes (they change no text). */
  formatting: number;
  authors: string[];
}

/** Counts tracked changes; they decide whether `--changes` must be given. */
export function countChanges(body: XmlElement): ChangeCount {
  const c: ChangeCount = { insertions: 0, deletions: 0, moves: 0, marks: 0, styles: 0, formatting: 0, authors: [] };
  const authors = new Set<string>();
  const walk = (el: XmlElement, parent: string) => {
    for (const k of el.children) {
      if (typeof k === 'string') continue;
      const author = k.attrs['w:author'];
      const mark = parent === 'w:rPr' || parent === 'w:trPr';
      switch (k.name) {
        case 'w:ins':
          if (mark) c.marks++;
          else c.insertions++;
          break;
        case 'w:del':
          if (mark) c.marks++;
          else c.deletions++;
          break;
        case 'w:moveFrom':
        case 'w:moveTo':
          c.moves++;
          break;
        case 'w:pPrChange': {
          // A paragraph style change alters what the paragraph is; other property changes do not.
          const before = val(child(k, 'w:pPr'), 'w:pStyle');
          const now = val(el, 'w:pStyle');
          if (before !== now) c.styles++;
          else c.formatting++;
          break;
        }
        case 'w:rPrChange':
        case 'w:tblPrChange':
        case 'w:trPrChange':
        case 'w:tcPrChange':
        case 'w:sectPrChange':
        case 'w:numberingChange':
          c.formatting++;
          break;
        default:
          walk(k, k.name);
          continue;
      }
      if (author) authors.add(author);
      walk(k, k.name);
    }
  };
  walk(body, '');
  c.authors = [...authors].sort();
  return c;
}

/** Tracked changes that change the text or the structure. */
export function contentChanges(c: ChangeCount): number {
  return c.insertions + c.deletions + c.moves + c.marks + c.styles;
}

/** Reads the body of the main document: paragraphs and tables in order, with `mode`'s side of tracked changes. */
export function readBody(pkg: DocxPackage, mode: ChangesMode): RawBlock[] {
  const body = child(pkg.document, 'w:body');
  if (!body) return [];
  const blocks = readBlocks(body, pkg, mode);
  number(blocks);
  return blocks;
}

function readBlocks(container: XmlElement, pkg: DocxPackage, mode: ChangesMode): RawBlock[] {
  const out: RawBlock[] = [];
  for (const el of elements(container)) {
    switch (el.name) {
      case 'w:p':
        out.push(readParagraph(el, pkg, mode));
        break;
      case 'w:tbl':
        out.push(readTable(el, pkg, mode));
        break;
      case 'w:sdt':
        out.push(...readBlocks(child(el, 'w:sdtContent') ?? el, pkg, mode));
        break;
      case 'w:customXml':
        out.push(...readBlocks(el, pkg, mode));
        break;
      // Paragraphs inside block-level insertions and deletions (rare; Word puts the marks on runs).
      case 'w:ins':
      case 'w:moveTo':
        if (mode === 'accept') out.push(...readBlocks(el, pkg, mode));
        break;
      case 'w:del':
      case 'w:moveFrom':
        if (mode === 'reject') out.push(...readBlocks(el, pkg, mode));
        break;
      case 'mc:AlternateContent': {
        const choice = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback');
        if (choice) out.push(...readBlocks(choice, pkg, mode));
        break;
      }
      default:
        break;
    }
  }
  return mergeMarks(out);
}

/** Joins a paragraph whose mark is removed on this side of the changes with the next one. */
function mergeMarks(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev?.kind === 'paragraph' && prev.joinNext && b.kind === 'paragraph') {
      const shift = prev.text.length;
      // An emptied paragraph leaves no trace; otherwise the first paragraph keeps its style, as Word does.
      const first = prev.text.trim() === '' && prev.images.length === 0 ? b : prev;
      out[out.length - 1] = {
        ...first,
        text: prev.text + b.text,
        images: [...prev.images, ...b.images.map((i) => ({ ...i, offset: i.offset + shift }))],
        comments: [...prev.comments, ...b.comments.map((c) => ({ ...c, from: c.from + shift, ...(c.to !== undefined ? { to: c.to + shift } : {}) }))],
        skipped: [...prev.skipped, ...b.skipped],
        joinNext: b.joinNext,
      };
      continue;
    }
    out.push(b);
  }
  return out;
}

function readParagraph(p: XmlElement, pkg: DocxPackage, mode: ChangesMode): RawParagraph {
  let pPr = child(p, 'w:pPr');
  const markIns = !!path(pPr, 'w:rPr', 'w:ins') || !!path(pPr, 'w:rPr', 'w:moveTo');
  const markDel = !!path(pPr, 'w:rPr', 'w:del') || !!path(pPr, 'w:rPr', 'w:moveFrom');
  const change = child(pPr, 'w:pPrChange');
  // Rejecting a style change restores the properties recorded before it.
  if (mode === 'reject' && change) pPr = child(change, 'w:pPr') ?? { name: 'w:pPr', attrs: {}, children: [] };
  const out: RawParagraph = {
    kind: 'paragraph',
    text: '',
    images: [],
    start: 0,
    comments: [],
    skipped: [],
    joinNext: mode === 'accept' ? markDel : markIns,
  };
  const style = val(pPr, 'w:pStyle');
  if (style) out.styleId = style;
  const outline = val(pPr, 'w:outlineLvl');
  if (outline !== undefined && Number(outline) < 9) out.outlineLevel = Number(outline);
  const numPr = child(pPr, 'w:numPr');
  const numId = val(numPr, 'w:numId');
  if (numId !== undefined && numId !== '0') out.numbering = { numId, level: Number(val(numPr, 'w:ilvl') ?? 0) };
  readInline(p, pkg, mode, false, out);
  return out;
}

function readInline(el: XmlElement, pkg: DocxPackage, mode: ChangesMode, hidden: boolean, out: RawParagraph): void {
  for (const c of elements(el)) {
    switch (c.name) {
      case 'w:pPr':
        break;
      case 'w:r':
        readRun(c, pkg, mode, hidden, out);
        break;
      case 'w:ins':
      case 'w:moveTo':
        readInline(c, pkg, mode, hidden || mode === 'reject', out);
        break;
      case 'w:del':
      case 'w:moveFrom':
        readInline(c, pkg, mode, hidden || mode === 'accept', out);
        break;
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:fldSimple':
      case 'w:dir':
      case 'w:bdo':
        readInline(c, pkg, mode, hidden, out);
        break;
      case 'w:sdt':
        readInline(child(c, 'w:sdtContent') ?? c, pkg, mode, hidden, out);
        break;
      case 'mc:AlternateContent': {
        const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
        if (choice) readInline(choice, pkg, mode, hidden, out);
        break;
      }
      case 'w:commentRangeStart':
        if (!hidden) out.comments.push({ id: c.attrs['w:id'] ?? '', from: out.text.length });
        break;
      case 'w:commentRangeEnd': {
        const open = out.comments.find((k) => k.id === c.attrs['w:id'] && k.to === undefined);
        if (open) open.to = out.text.length;
        break;
      }
      case 'm:oMath':
      case 'm:oMathPara':
        if (!hidden) out.skipped.push('an equation');
        break;
      default:
        break;
    }
  }
}

function readRun(r: XmlElement, pkg: DocxPackage, mode: ChangesMode, hidden: boolean, out: RawParagraph): void {
  // Hidden text (w:vanish) is not part of what the editor sees printed.
  const vanish = child(child(r, 'w:rPr'), 'w:vanish');
  const invisible = hidden || (!!vanish && vanish.attrs['w:val'] !== '0' && vanish.attrs['w:val'] !== 'false');
  for (const c of elements(r)) {
    switch (c.name) {
      case 'w:t':
      case 'w:delText':
        if (!invisible) out.text += c.children.filter((k): k is string => typeof k === 'string').join('');
        break;
      case 'w:tab':
      case 'w:ptab':
        if (!invisible) out.text += '\t';
        break;
      case 'w:br': {
        const type = c.attrs['w:type'];
        if (!invisible && (type === undefined || type === 'textWrapping')) out.text += '\n';
        break;
      }
      case 'w:cr':
        if (!invisible) out.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (!invisible) out.text += '-';
        break;
      case 'w:sym': {
        const code = parseInt(c.attrs['w:char'] ?? '', 16);
        // Symbol-font characters live in the private use area F000–F0FF: no Unicode meaning.
        if (!invisible) {
          if (Number.isFinite(code) && !(code >= 0xf000 && code <= 0xf0ff)) out.text += String.fromCodePoint(code);
          else out.skipped.push(`a symbol from the font ${c.attrs['w:font'] ?? '(unknown)'}`);
        }
        break;
      }
      case 'w:drawing':
        if (!invisible) readDrawing(c, pkg, out);
        break;
      case 'w:pict':
        if (!invisible) readPict(c, pkg, out);
        break;
      case 'w:object':
        if (!invisible) out.skipped.push('an embedded object');
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        if (!invisible) out.skipped.push(c.name === 'w:footnoteReference' ? 'a footnote' : 'an endnote');
        break;
      case 'mc:AlternateContent': {
        const choice = child(c, 'mc:Choice') ?? child(c, 'mc:Fallback');
        if (choice && !invisible) readRun({ name: 'w:r', attrs: {}, children: choice.children }, pkg, mode, hidden, out);
        break;
      }
      default:
        break;
    }
  }
}

function readDrawing(d: XmlElement, pkg: DocxPackage, out: RawParagraph): void {
  const frame = elements(d)[0];
  if (!frame) return;
  const docPr = child(frame, 'wp:docPr');
  const blips = findAll(frame, 'a:blip');
  if (blips.length === 0) {
    if (findAll(frame, 'w:txbxContent').length > 0) out.skipped.push('a text box');
    else out.skipped.push('a drawing that is not a picture');
    return;
  }
  for (const blip of blips) addImage(blip.attrs['r:embed'], pkg, out, docPr?.attrs['descr'] || docPr?.attrs['name']);
}

function readPict(p: XmlElement, pkg: DocxPackage, out: RawParagraph): void {
  const images = findAll(p, 'v:imagedata');
  if (images.length === 0) {
    out.skipped.push(findAll(p, 'w:txbxContent').length > 0 ? 'a text box' : 'a drawing that is not a picture');
    return;
  }
  for (const im of images) addImage(im.attrs['r:id'], pkg, out, im.attrs['o:title']);
}

function addImage(rId: string | undefined, pkg: DocxPackage, out: RawParagraph, name: string | undefined): void {
  const rel = rId ? pkg.rels.get(rId) : undefined;
  const data = rel && !rel.external ? pkg.part(rel.target) : undefined;
  if (!rel || !data) {
    out.skipped.push(rel?.external ? `a linked picture (${rel.target})` : 'a picture whose data is missing');
    return;
  }
  out.images.push({ part: rel.target, data, ...(name ? { name } : {}), offset: out.text.length });
}

function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of elements(e)) {
      if (c.name === name) out.push(c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

function readTable(tbl: XmlElement, pkg: DocxPackage, mode: ChangesMode): RawTable {
  const floating = !!path(tbl, 'w:tblPr', 'w:tblpPr');
  const rows: RawTable['rows'] = [];
  for (const tr of rowsOf(tbl)) {
    const trPr = child(tr, 'w:trPr');
    // A row inserted or deleted with changes tracked.
    if (mode === 'reject' && child(trPr, 'w:ins')) continue;
    if (mode === 'accept' && child(trPr, 'w:del')) continue;
    const header = !!child(trPr, 'w:tblHeader') && val(trPr, 'w:tblHeader') !== '0' && val(trPr, 'w:tblHeader') !== 'false';
    const cells: RawCell[] = [];
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const vMerge = child(tcPr, 'w:vMerge');
      const blocks = readBlocks(tc, pkg, mode);
      const paragraphs: RawParagraph[] = [];
      let nested = false;
      for (const b of blocks) {
        if (b.kind === 'paragraph') paragraphs.push(b);
        else {
          nested = true;
          for (const row of b.rows) for (const cell of row.cells) paragraphs.push(...cell.paragraphs);
        }
      }
      cells.push({
        paragraphs,
        span: Number(val(tcPr, 'w:gridSpan') ?? 1) || 1,
        mergedAbove: !!vMerge && vMerge.attrs['w:val'] !== 'restart',
        nestedTable: nested,
      });
    }
    rows.push({ header, cells });
  }
  return { kind: 'table', rows, floating, start: 0 };
}

/** Rows of a table, including those inside content controls. */
function rowsOf(tbl: XmlElement): XmlElement[] {
  return elements(tbl).flatMap((e) => (e.name === 'w:tr' ? [e] : e.name === 'w:sdt' ? rowsOf(child(e, 'w:sdtContent') ?? e) : e.name === 'w:customXml' ? rowsOf(e) : []));
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return elements(tr).flatMap((e) => (e.name === 'w:tc' ? [e] : e.name === 'w:sdt' ? cellsOf(child(e, 'w:sdtContent') ?? e) : e.name === 'w:customXml' ? cellsOf(e) : []));
}

/**
 * Gives every paragraph its place in the import's joined source: the paragraphs' texts in
 * document order, one a line, so a position reads `draft.docx:PARAGRAPH:CHARACTER`.
 */
function number(blocks: RawBlock[]): void {
  let offset = 0;
  const visit = (p: RawParagraph) => {
    p.start = offset;
    offset += p.text.length + 1;
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') visit(b);
    else {
      b.start = offset;
      for (const row of b.rows) for (const cell of row.cells) cell.paragraphs.forEach(visit);
    }
  }
}

/** The joined source `number` counted positions in: paragraph texts, one a line. */
export function joinedSource(blocks: RawBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') lines.push(b.text);
    else for (const row of b.rows) for (const cell of row.cells) for (const p of cell.paragraphs) lines.push(p.text);
  }
  // A line break inside a paragraph must not count as a new line: same length, another character.
  return lines.map((l) => l.replace(/\n/g, ' ')).join('\n');
}
