import { textFinisher } from '../finish-text.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError, diag, type Diagnostic, type SourcePos } from '../../diagnostics/index.js';
import { readBounded } from '../../io/read-bounded.js';
import { LIMITS } from '../../limits.js';
import { finishedTable, type ImportedArticle, type ImportedBlock } from '../article.js';
import { LineIndex, type MappedText } from '../mapped-text.js';
import type { RangeStyle } from '../punctuation.js';
import { recognise } from '../recognise.js';
import type { SourceBlock, SourceTable } from '../source-blocks.js';
import type { ImportSummary, SectionSummary } from '../summary.js';
import { articleToYaml } from '../to-yaml.js';
import { classify, paragraphText, type DocxArticle, type DocxBlock } from './classify.js';
import { reportComments } from './comments.js';
import { Numbering } from './numbering.js';
import { NotDocxError, openDocx } from './package.js';
import { contentChanges, countChanges, joinedSource, readBody, type ChangeCount, type ChangesMode, type RawBlock, type RawCell } from './read-body.js';
import { readProperties } from './properties.js';
import { readStyles, StyleResolver, type StyleRole } from './styles.js';
import { child, XmlError } from './xml.js';

export interface DocxImportOptions {
  /** Which side of tracked changes to import; required when the document has any. */
  changes?: ChangesMode;
  keepPunctuation?: boolean;
  ranges?: RangeStyle;
  /** The file name diagnostics show. */
  displayName?: string;
  /** Style names and ids from the project's themes (see themeStyleRoles). */
  styleRoles?: ReadonlyMap<string, StyleRole>;
  /** Where pictures go: the folder of the YAML file, the stem of their names, and pictures the article already has. */
  images?: { folder: string; stem: string; known?: { src: string; data: Uint8Array }[] };
  /** Read every article of a document that holds several (a bulletin issue) instead of refusing it. */
  several?: boolean;
}

/** A picture of the document, named relative to the YAML file. */
export interface ExtractedImage {
  src: string;
  data: Uint8Array;
  /** A file with these bytes is already there: nothing to write. */
  exists: boolean;
}

/** A list block, which may be ordered; and an image block: the content format has both. */
export type DocxImportedBlock = ImportedBlock | { list: string[]; ordered?: boolean } | { image: { src: string; caption?: string } };

export interface DocxImportSummary extends Omit<ImportSummary, 'format'> {
  format: 'docx';
  changes: ChangeCount & { mode?: ChangesMode };
  comments: number;
  images: number;
}

export interface DocxImportResult {
  /** The article; the first one of several when `several` was asked for. */
  article: ImportedArticle;
  /** Every article, in order: one, or those of a bulletin issue. */
  articles: ImportedArticle[];
  /** A bulletin issue's own 编者按. */
  issueNote?: string;
  yaml: string;
  diagnostics: Diagnostic[];
  summary: DocxImportSummary;
  images: ExtractedImage[];
}

/** Reads a .docx into an article: styles map back to fields, sections and blocks; tracked changes resolved as asked. */
export function importDocx(bytes: Uint8Array, file: string, options: DocxImportOptions = {}): DocxImportResult {
  const name = options.displayName ?? file;
  // The package is read lazily (pictures as the body names them): its refusals may come from either step.
  const opened = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      throw packageError(e, name);
    }
  };
  let pkg!: ReturnType<typeof openDocx>;
  opened(() => (pkg = openDocx(bytes)));
  const body = child(pkg.document, 'w:body') ?? pkg.document;
  const count = countChanges(body);
  if (contentChanges(count) > 0 && !options.changes) {
    throw new DiagnosticError([
      diag('error', 'tracked-changes', `${name} has ${describeChanges(count)}: say which text to import`, undefined, [
        '--changes accept imports the text as edited; --changes reject imports it as it was before the edits',
      ]),
    ]);
  }
  const mode = options.changes ?? 'accept';
  let blocks!: ReturnType<typeof readBody>;
  opened(() => (blocks = readBody(pkg, mode)));
  const index = new LineIndex(joinedSource(blocks));
  const locate = (offset: number): SourcePos => ({ file: name, ...index.locate(offset) });
  const diagnostics: Diagnostic[] = [];
  if (count.formatting > 0) diagnostics.push(diag('info', 'tracked-formatting', `${count.formatting} tracked formatting change${count.formatting === 1 ? '' : 's'}: formatting is the theme's, so they change nothing here`));
  diagnostics.push(...reportComments(pkg.comments, blocks, locate));

  const styles = new StyleResolver(readStyles(pkg.styles), options.styleRoles);
  const found = classify(blocks, { styles, numbering: new Numbering(pkg.numbering), locate });
  diagnostics.push(...found.diagnostics);
  let articles: DocxArticle[] = found.articles;
  const furniture = found.furniture;
  let closing = found.articles[0]?.closing ?? 0;
  if (!found.styled) {
    // No paragraph says what it is: read the text as the text importer reads a pasted page.
    const r = recognise(sourceBlocks(blocks, diagnostics, locate), locate);
    diagnostics.push(...r.diagnostics);
    furniture.push(...r.furniture);
    closing = r.closing;
    articles = [{ ...r, at: 0 }];
    diagnostics.push(diag('info', 'unstyled', `${name} has no paragraph styles that say what a paragraph is (Title, Heading 1…): read as plain text, headings found by their numbers`));
  }
  if (articles.length > 1 && !options.several) {
    const titles = articles.map((a) => `'${a.title?.text ?? '(untitled)'}'`).join(', ');
    throw new DiagnosticError([
      diag('error', 'several-articles', `${name} holds ${articles.length} articles (${titles}); an article's YAML takes one`, locate(articles[1]!.at), [
        'a bulletin issue’s draft goes back into its articles with --into content/bulletins/<issue>.yaml',
      ]),
    ]);
  }
  if (articles.length === 0) articles = [{ body: [], closing: 0, at: 0 }];
  for (const a of articles) {
    if (!a.title) diagnostics.push(diag('warning', 'missing-title', 'no title found (a paragraph in the style Title): add `title:` to the YAML', locate(a.at)));
  }
  // An issue prints the issue's date, not its articles'.
  if (articles.length === 1 && !articles[0]!.date) {
    diagnostics.push(diag('warning', 'missing-date', 'no date line found (a paragraph in the style 日期, e.g. 2021年3月4日): add `date: YYYY-MM-DD` to the YAML'));
  }

  // Punctuation, as the text importer does: every change reported at its paragraph and character.
  const { finish, summary: punctuation } = textFinisher(locate, options, diagnostics);

  const images: ExtractedImage[] = [];
  const placeImage = (data: Uint8Array, part: string, at: number): string => {
    // The part's name comes from the document: only a picture format's extension is taken from it.
    const named = path.extname(part).toLowerCase().replace('.jpeg', '.jpg');
    const ext = /^\.(png|jpg|gif|bmp|tiff?|webp|svg|emf|wmf)$/.test(named) ? named : '.bin';
    const hash = sha256(data);
    const known = options.images?.known?.find((k) => sha256(k.data) === hash);
    if (known) {
      images.push({ src: known.src, data, exists: true });
      return known.src;
    }
    const again = images.find((i) => sha256(i.data) === hash);
    if (again) return again.src;
    const stem = options.images?.stem ?? path.basename(file, path.extname(file));
    for (let n = 1; ; n++) {
      const src = `figures/${stem}-${n}${ext}`;
      if (images.some((i) => i.src === src)) continue;
      const abs = options.images ? path.join(options.images.folder, src) : undefined;
      const taken = abs !== undefined && fs.existsSync(abs);
      // Read under the path policy: a pipe or a device with a picture's name is taken, not waited on.
      const read = taken ? readBounded(abs, { limit: LIMITS.importFileBytes, shown: src, what: 'picture' }) : undefined;
      const existing = read?.ok ? read.bytes : undefined;
      if (taken && (!existing || sha256(existing) !== hash)) continue;
      images.push({ src, data, exists: !!existing });
      if (!options.images) diagnostics.push(diag('info', 'image', `picture ${src} is extracted only when the YAML goes to a file (-o or --into)`, locate(at)));
      return src;
    }
  };

  const convert = (b: DocxBlock): DocxImportedBlock => {
    switch (b.kind) {
      case 'paragraph':
        return finish(b.text);
      case 'section':
        return { heading: finish(b.heading), body: b.body.map(convert) as ImportedBlock[] };
      case 'table':
        return finishedTable(b, finish);
      case 'list':
        return { list: b.items.map(finish), ...(b.ordered ? { ordered: true } : {}) };
      case 'image':
        return { image: { src: placeImage(b.data, b.part, b.at), ...(b.caption ? { caption: finish(b.caption) } : {}) } };
    }
  };

  // The report layout prints the author only in the source line; a jianbao draft also keeps it as
  // the document's Author (File › Info), which Word and WPS leave alone.
  const properties = readProperties(pkg);
  const convertArticle = (source: DocxArticle): ImportedArticle => {
    const article: ImportedArticle = { body: [] };
    if (source.kicker) article.kicker = finish(source.kicker);
    if (source.title) article.title = finish(source.title);
    if (source.column) article.column = finish(source.column);
    if (source.date) article.date = source.date.value;
    if (source.source) article.source = finish(source.source);
    if (source.subtitle) article.subtitle = finish(source.subtitle);
    if (source.author) article.author = finish(source.author);
    if (source.editorNote) article.editorNote = finish(source.editorNote);
    if (source.attachments) article.attachments = source.attachments.map(finish);
    if (!article.author && articles.length === 1 && properties.jianbao && properties.author) {
      article.author = properties.author;
      diagnostics.push(diag('info', 'author', `author '${properties.author}' taken from the document properties (File › Info › Author)`));
    }
    article.body = source.body.map(convert) as ImportedBlock[];
    return article;
  };
  const all = articles.map(convertArticle);
  const article = all[0]!;
  const issueNote = found.issueNote ? finish(found.issueNote) : undefined;

  diagnostics.sort(byPosition);
  const summary: DocxImportSummary = {
    file: name,
    format: 'docx',
    encoding: 'UTF-8',
    ...(article.kicker !== undefined ? { kicker: article.kicker } : {}),
    ...(article.title !== undefined ? { title: article.title } : {}),
    ...(article.subtitle !== undefined ? { subtitle: article.subtitle } : {}),
    ...(article.column !== undefined ? { column: article.column } : {}),
    ...(article.date !== undefined ? { date: article.date } : {}),
    ...(article.source !== undefined ? { source: article.source } : {}),
    ...(article.author !== undefined ? { author: article.author } : {}),
    ...(article.editorNote !== undefined ? { editorNote: [...article.editorNote].length } : {}),
    ...(article.attachments !== undefined ? { attachments: article.attachments } : {}),
    sections: sectionSummaries(article.body),
    counts: countBlocks(article.body, closing),
    furniture: furniture.sort((a, b) => a.at - b.at).map((f) => ({ what: f.what, text: f.text, line: locate(f.at).line })),
    unplaced: diagnostics.filter((d) => d.rule === 'unplaced').length,
    punctuation,
    changes: { ...count, ...(contentChanges(count) > 0 ? { mode } : {}) },
    comments: diagnostics.filter((d) => d.rule === 'comment').length,
    images: images.length,
  };
  return { article, articles: all, ...(issueNote !== undefined ? { issueNote } : {}), yaml: articleToYaml(article, path.basename(file)), diagnostics, summary, images };
}

/** `3 tracked changes (2 insertions, 1 deletion) by 张三`. */
export function describeChanges(c: ChangeCount): string {
  const n = contentChanges(c);
  const parts: string[] = [];
  const add = (k: number, one: string, many: string) => k && parts.push(`${k} ${k === 1 ? one : many}`);
  add(c.insertions, 'insertion', 'insertions');
  add(c.deletions, 'deletion', 'deletions');
  add(c.moves, 'move', 'moves');
  add(c.marks, 'paragraph mark', 'paragraph marks');
  add(c.styles, 'style change', 'style changes');
  const by = c.authors.length > 0 ? ` by ${c.authors.join(', ')}` : '';
  return `${n} tracked change${n === 1 ? '' : 's'} (${parts.join(', ')})${by}`;
}

/** What the text recogniser reads of a document without styles: its paragraphs as lines, its tables. */
function sourceBlocks(blocks: RawBlock[], diagnostics: Diagnostic[], locate: (o: number) => SourcePos): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const text = paragraphText(b);
      for (const im of b.images) {
        diagnostics.push(diag('warning', 'unplaced', `picture ${im.part} is not imported: the document has no styles to place it by`, locate(b.start + im.offset), ['save the picture next to the YAML and add an `image:` block by hand']));
      }
      if (text.text !== '') out.push({ kind: 'line', text, indent: 0, continues: false });
      continue;
    }
    // A cell's paragraphs joined by a space: one character, as the line break between them in the joined source.
    const cell = (c: RawCell): MappedText => (c.paragraphs[0] ? paragraphText({ ...c.paragraphs[0], text: c.paragraphs.map((p) => p.text).join(' ') }) : { text: '', offsets: [] });
    const rows = b.rows.map((r) => r.cells.map(cell));
    const header = b.rows[0]?.header ? rows.shift() : undefined;
    if (rows.length === 0 && !header) continue;
    const table: SourceTable = { kind: 'table', at: b.start, rows: rows.length > 0 ? rows : [header!] };
    if (header && rows.length > 0) table.header = header;
    out.push(table);
  }
  return out;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function isSection(b: ImportedBlock): b is { heading: string; body: ImportedBlock[] } {
  return typeof b === 'object' && 'heading' in b;
}

function sectionSummaries(body: ImportedBlock[]): SectionSummary[] {
  const kind = (b: ImportedBlock, k: string) => typeof b === 'object' && k in b;
  return body.filter(isSection).map((s) => ({
    heading: s.heading,
    paragraphs: s.body.filter((b) => typeof b === 'string').length,
    tables: s.body.filter((b) => kind(b, 'table')).length,
    lists: s.body.filter((b) => kind(b, 'list')).length,
    sections: sectionSummaries(s.body),
  }));
}

function countBlocks(body: ImportedBlock[], closing: number): ImportSummary['counts'] {
  const sections = [0, 0, 0, 0];
  let paragraphs = 0;
  let tables = 0;
  let lists = 0;
  const walk = (list: ImportedBlock[], depth: number) => {
    for (const b of list) {
      if (typeof b === 'string') paragraphs++;
      else if ('table' in b) tables++;
      else if ('list' in b) lists++;
      else if (isSection(b)) {
        sections[Math.min(depth, 3)]!++;
        walk(b.body, depth + 1);
      }
    }
  };
  walk(body, 0);
  const firstSection = body.findIndex(isSection);
  const intro = firstSection < 0 ? 0 : body.slice(0, firstSection).filter((b) => typeof b === 'string').length;
  return { sections, paragraphs, intro, closing, tables, lists };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (!a.pos || !b.pos) return a.pos ? 1 : b.pos ? -1 : 0;
  return a.pos.line - b.pos.line || a.pos.column - b.pos.column;
}


/** A package's refusal (not a zip, encrypted, too large, bad XML) as one diagnostic; anything else as it was. */
function packageError(e: unknown, name: string): unknown {
  if (!(e instanceof NotDocxError || e instanceof XmlError)) return e;
  const what = e instanceof NotDocxError && !e.corrupt ? `${name} cannot be imported: ${e.message}` : `${name} is a Word document (.docx) that cannot be opened: ${e.message}`;
  const hint =
    e.rule === 'encrypted'
      ? 'open it in Word or WPS, remove the password (File ▸ Info ▸ Protect Document ▸ Encrypt with Password), save it and import that file'
      : 'save it from Word or WPS as .docx (Word 2007 and later) and import that file';
  // The whole file is at fault: the diagnostic points at it (a package has no lines to point into).
  return new DiagnosticError([diag('error', e.rule, what, e.rule === 'unsupported-input' ? undefined : { file: name, line: 1, column: 1 }, [hint])]);
}
