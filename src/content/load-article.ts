import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, displayPath, hasErrors, didYouMean, type Diagnostic } from '../diagnostics/index.js';
import type { Article, Block } from './model.js';
import { articleSchema, ARTICLE_KEYS, BLOCK_KEYS, imageSchema, listSchema, sectionSchema, tableSchema } from './schema.js';
import { cleanText } from './text.js';
import { decodeUtf8, parseYamlSource, yamlToData, type YamlSource } from './yaml-source.js';
import { zodIssuesToDiagnostics } from './zod-diagnostics.js';
import { resolveImage } from './image-path.js';

/** Section levels map to 一、 （一） 1. （1）; a fifth has no numbering style in GB/T 9704. */
export const MAX_SECTION_DEPTH = 4;

/** A long article is some 100 KB of YAML; anything past this is a mistake or an attack. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface LoadOptions {
  /** Images must stay inside this folder; defaults to the content root (see contentRootOf). */
  contentRoot?: string;
  /** Display path used in diagnostics; defaults to the path relative to the cwd. */
  displayPath?: string;
}

export interface Loaded<T> {
  value: T;
  warnings: Diagnostic[];
}

/** Reads, parses and validates one article file. Throws DiagnosticError with every error found. */
export function loadArticle(file: string, options: LoadOptions = {}): Loaded<Article> {
  const abs = path.resolve(file);
  const shown = options.displayPath ?? displayPathOf(abs);
  const { data, source, diagnostics } = readYamlData(abs, shown);
  if (!source || data === undefined) throw new DiagnosticError(diagnostics);

  const contentRoot = options.contentRoot ?? contentRootOf(abs);
  const ctx: BodyContext = {
    source,
    diagnostics,
    dir: path.dirname(abs),
    contentRoot,
    text: (value, at) => cleanText(value, source.posOf(at), diagnostics, (i) => source.posInValue(at, i)),
  };
  const top = articleSchema.safeParse(data);
  if (!top.success) {
    // The body's errors are independent of the fields' ones: report both at once.
    const body = (data as { body?: unknown }).body;
    const fieldErrors = zodIssuesToDiagnostics(top.error.issues, source, [], () => ARTICLE_KEYS);
    if (Array.isArray(body)) readBody(body, ['body'], 1, ctx);
    throw new DiagnosticError(sortByPosition([...fieldErrors, ...diagnostics]));
  }
  const a = top.data;
  const clean = (v: string | undefined, key: string) => (v === undefined ? undefined : ctx.text(v, [key]));

  const fieldPos: Article['fieldPos'] = {};
  for (const key of ARTICLE_KEYS) if (key in (data as object)) fieldPos[key] = source.posOf([key]);
  const article: Article = {
    kind: 'article',
    pos: source.posOf([]),
    file: abs,
    slug: path.basename(abs).replace(/\.ya?ml$/i, ''),
    title: clean(a.title, 'title')!,
    date: a.date,
    body: readBody(a.body, ['body'], 1, ctx),
    fieldPos,
  };
  const optional = { subtitle: a.subtitle, column: a.column, source: a.source, author: a.author, editorNote: a.editorNote };
  for (const [key, value] of Object.entries(optional)) {
    const cleaned = clean(value, key);
    if (cleaned) (article as unknown as Record<string, string>)[key] = cleaned;
  }
  if (a.titleLines) article.titleLines = a.titleLines.map((l, i) => ctx.text(l, ['titleLines', i]));
  if (a.attachments) article.attachments = a.attachments.map((l, i) => ctx.text(l, ['attachments', i]));
  if (a.layouts) article.layouts = a.layouts;
  if (a.draft !== undefined) article.draft = a.draft;

  if (hasErrors(diagnostics)) throw new DiagnosticError(sortByPosition(diagnostics));
  return { value: article, warnings: diagnostics };
}

let lastParse: { shown: string; text: string; parsed: ReturnType<typeof parseYamlSource> } | undefined;

/** Reads a YAML file into plain data, collecting encoding, syntax and alias errors. */
export function readYamlData(abs: string, shown: string): { data?: unknown; source?: YamlSource; diagnostics: Diagnostic[] } {
  let bytes: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > MAX_FILE_BYTES) {
      return { diagnostics: [diag('error', 'too-large', `the file has ${size.toLocaleString('en')} bytes; content files are limited to ${MAX_FILE_BYTES.toLocaleString('en')}`, { file: shown, line: 1, column: 1 }, ['split it into several articles'])] };
    }
    bytes = fs.readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read: ${code}`;
    return { diagnostics: [diag('error', 'io', message, { file: shown, line: 1, column: 1 })] };
  }
  const decoded = decodeUtf8(shown, bytes);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  if (decoded.text.trim() === '') {
    return { diagnostics: [diag('error', 'empty-file', 'the file is empty', { file: shown, line: 1, column: 1 }, ['an article needs at least `title`, `date` and `body`'])] };
  }
  // Telling an issue from an article (isBulletinFile) and then loading it read the same file
  // twice in a row: the last parse is kept (its document is only read; the data is made anew).
  const parsed = lastParse && lastParse.shown === shown && lastParse.text === decoded.text ? lastParse.parsed : parseYamlSource(shown, decoded.text);
  lastParse = { shown, text: decoded.text, parsed };
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const converted = yamlToData(parsed.source);
  if (converted.data === undefined) return { source: parsed.source, diagnostics: converted.diagnostics };
  if (typeof converted.data !== 'object' || converted.data === null || Array.isArray(converted.data)) {
    return { diagnostics: [diag('error', 'schema', 'expected a mapping of fields (title:, date:, body:)', parsed.source.posOf([]))] };
  }
  return { data: converted.data, source: parsed.source, diagnostics: [] };
}

interface BodyContext {
  source: YamlSource;
  diagnostics: Diagnostic[];
  dir: string;
  contentRoot: string;
  /** Cleans the text at a YAML path, reporting bad characters where they stand in the file. */
  text(value: string, at: (string | number)[]): string;
}

function readBody(items: unknown[], at: (string | number)[], level: number, ctx: BodyContext): Block[] {
  const blocks: Block[] = [];
  items.forEach((item, i) => {
    const p = [...at, i];
    const block = readBlock(item, p, level, ctx);
    if (block) blocks.push(block);
  });
  return blocks;
}

function readBlock(item: unknown, p: (string | number)[], level: number, ctx: BodyContext): Block | undefined {
  const { source, diagnostics } = ctx;
  const pos = source.posOf(p);
  if (typeof item === 'string') return { kind: 'paragraph', pos, text: ctx.text(item, p) };
  if (typeof item === 'number') return { kind: 'paragraph', pos, text: String(item) };
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    const found = source.describe(p);
    diagnostics.push(diag('error', 'schema', `expected a paragraph (text) or a block (heading/table/image/list)${found ? `, found ${found}` : ''}`, pos));
    return undefined;
  }
  const keys = Object.keys(item);
  const kind = BLOCK_KEYS.find((k) => k in item);
  const issues = (r: { success: boolean; error?: { issues: never[] } }, allowed: readonly string[]) =>
    diagnostics.push(...zodIssuesToDiagnostics(r.error!.issues, source, p, () => allowed));
  switch (kind) {
    case 'heading': {
      const r = sectionSchema.safeParse(item);
      if (!r.success) return void issues(r as never, ['heading', 'body']);
      if (level > MAX_SECTION_DEPTH) {
        diagnostics.push(diag('error', 'section-depth', `sections nest at most ${MAX_SECTION_DEPTH} levels (一、 （一） 1. （1）)`, pos, ['move this section up a level, or make it a paragraph']));
      }
      return {
        kind: 'section',
        pos,
        level,
        heading: ctx.text(r.data.heading, [...p, 'heading']),
        body: readBody(r.data.body, [...p, 'body'], level + 1, ctx),
      };
    }
    case 'table': {
      const r = tableSchema.safeParse(item);
      if (!r.success) return void issues(r as never, ['table', 'caption', 'header', 'rows']);
      const t = r.data.table;
      const width = t.header?.length ?? t.rows[0]!.length;
      t.rows.forEach((row, ri) => {
        if (row.length !== width) {
          diagnostics.push(diag('error', 'table-shape', `row ${ri + 1} has ${row.length} cells, the table has ${width} columns`, source.posOf([...p, 'table', 'rows', ri])));
        }
      });
      const cells = (row: string[], rp: (string | number)[]) => row.map((c, ci) => ctx.text(c, [...rp, ci]));
      const table: Block = { kind: 'table', pos, rows: t.rows.map((row, ri) => cells(row, [...p, 'table', 'rows', ri])) };
      if (t.header) table.header = cells(t.header, [...p, 'table', 'header']);
      if (t.caption) table.caption = ctx.text(t.caption, [...p, 'table', 'caption']);
      return table;
    }
    case 'image': {
      const r = imageSchema.safeParse(item);
      if (!r.success) return void issues(r as never, ['image', 'src', 'caption']);
      const srcPos = source.posOf([...p, 'image', 'src']);
      const resolved = resolveImage(r.data.image.src, ctx.dir, ctx.contentRoot, srcPos, diagnostics);
      const image: Block = { kind: 'image', pos, src: r.data.image.src, path: resolved ?? '' };
      if (r.data.image.caption) image.caption = ctx.text(r.data.image.caption, [...p, 'image', 'caption']);
      return image;
    }
    case 'list': {
      const r = listSchema.safeParse(item);
      if (!r.success) return void issues(r as never, ['list', 'ordered']);
      return { kind: 'list', pos, ordered: r.data.ordered ?? false, items: r.data.list.map((t, li) => ctx.text(t, [...p, 'list', li])) };
    }
    default: {
      const guess = keys.map((k) => didYouMean(k, BLOCK_KEYS)).find(Boolean);
      diagnostics.push(
        diag('error', 'unknown-block', `a block needs one of ${BLOCK_KEYS.join(', ')}; found ${keys.map((k) => `\`${k}\``).join(', ') || 'an empty mapping'}`, pos, guess ? [`did you mean \`${guess}\`?`] : ['a plain string is a paragraph']),
      );
      return undefined;
    }
  }
}

/** In file order, as a reader fixes them from the top. */
function sortByPosition(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.column ?? 0) - (b.pos?.column ?? 0));
}

/** The `content` folder above a file, or the file's own folder when it is not under one. */
export function contentRootOf(abs: string): string {
  let dir = path.dirname(abs);
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) === 'content') return d;
    if (path.dirname(d) === d) return dir;
  }
}

/** How a content file is named in messages (see displayPath). */
export function displayPathOf(abs: string): string {
  return displayPath(abs);
}
