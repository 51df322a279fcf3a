import path from 'node:path';
import type { z } from 'zod';
import { diag, DiagnosticError, displayPath, hasErrors, didYouMean, type Diagnostic } from '../diagnostics/index.js';
import type { Article, Block } from './model.js';
import { articleSchema, ARTICLE_KEYS, BLOCK_KEYS, imageSchema, listSchema, sectionSchema, tableSchema } from './schema.js';
import { cleanText } from './text.js';
import { readYamlData, type YamlReadOptions } from './read-yaml.js';
import { isUnder } from '../io/inside-root.js';
import { formatCount, LIMITS } from '../limits.js';
import type { YamlSource } from './yaml-source.js';
import { zodIssuesToDiagnostics } from './zod-diagnostics.js';
import { textAsWritten } from './as-written.js';
import { resolveImage } from './image-path.js';

/** Section levels map to 一、 （一） 1. （1）; a fifth has no numbering style in GB/T 9704. */
export const MAX_SECTION_DEPTH = 4;

export interface LoadOptions {
  /** Images must stay inside this folder; defaults to the content root (see contentRootOf). */
  contentRoot?: string;
  /** Display path used in diagnostics; defaults to the path relative to the cwd. */
  displayPath?: string;
  /**
   * Fields every issue of a series shares (the project's `series:` in jianbao.yaml), by series
   * name: an issue that leaves one out takes it from here.
   */
  seriesDefaults?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface Loaded<T> {
  value: T;
  warnings: Diagnostic[];
}

export { readYamlData } from './read-yaml.js';

/** Reads, parses and validates one article file. Throws DiagnosticError with every error found. */
export function loadArticle(file: string, options: LoadOptions = {}): Loaded<Article> {
  const abs = path.resolve(file);
  const shown = options.displayPath ?? displayPathOf(abs);
  const contentRoot = options.contentRoot ?? contentRootOf(abs);
  const { data, source, diagnostics } = readYamlData(abs, shown, readOptions(abs, contentRoot));
  if (!source || data === undefined) throw new DiagnosticError(diagnostics);

  const ctx: BodyContext = {
    source,
    diagnostics,
    dir: path.dirname(abs),
    contentRoot,
    text: (value, at) => cleanText(value, source.posOf(at), diagnostics, (i) => source.posInValue(at, i)),
  };
  const top = articleSchema.safeParse(textAsWritten(data, articleSchema, source, []));
  if (!top.success) {
    // The body's errors are independent of the fields' ones: report both at once.
    const body = (data as { body?: unknown }).body;
    const fieldErrors = zodIssuesToDiagnostics(top.error.issues, source, [], articleSchema);
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
  const optional = { kicker: a.kicker, subtitle: a.subtitle, column: a.column, source: a.source, author: a.author, editorNote: a.editorNote };
  for (const [key, value] of Object.entries(optional)) {
    const cleaned = clean(value, key);
    if (cleaned) (article as unknown as Record<string, string>)[key] = cleaned;
  }
  if (a.titleLines) article.titleLines = a.titleLines.map((l, i) => ctx.text(l, ['titleLines', i]));
  else if ([...article.title].length > LIMITS.balancedTitleChars.value) {
    diagnostics.push(
      diag('warning', LIMITS.balancedTitleChars.rule, `the title has ${formatCount([...article.title].length)} characters: past ${LIMITS.balancedTitleChars.value} its lines are filled greedily, not balanced by the title search`, source.posOf(['title']), [
        'a title is a line or three: move the rest to `subtitle` or the body, or give the lines with `titleLines`',
      ]),
    );
  }
  if (a.attachments) article.attachments = a.attachments.map((l, i) => ctx.text(l, ['attachments', i]));
  if (a.layouts) {
    article.layouts = a.layouts;
    article.layoutsPos = a.layouts.map((_, i) => source.posOf(['layouts', i]));
  }
  if (a.draft !== undefined) article.draft = a.draft;

  if (hasErrors(diagnostics)) throw new DiagnosticError(sortByPosition(diagnostics));
  return { value: article, warnings: diagnostics };
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
  if (typeof item === 'number') return { kind: 'paragraph', pos, text: source.scalarText(p) ?? String(item) };
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    const found = source.describe(p);
    diagnostics.push(diag('error', 'schema', `expected a paragraph (text) or a block (heading/table/image/list)${found ? `, found ${found}` : ''}`, pos));
    return undefined;
  }
  const keys = Object.keys(item);
  const kind = BLOCK_KEYS.find((k) => k in item);
  const issues = (r: { success: boolean; error?: { issues: never[] } }, schema: z.ZodType) => diagnostics.push(...zodIssuesToDiagnostics(r.error!.issues, source, p, schema));
  switch (kind) {
    case 'heading': {
      const r = sectionSchema.safeParse(textAsWritten(item, sectionSchema, source, p));
      if (!r.success) return void issues(r as never, sectionSchema);
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
      const r = tableSchema.safeParse(textAsWritten(item, tableSchema, source, p));
      if (!r.success) return void issues(r as never, tableSchema);
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
      const r = imageSchema.safeParse(textAsWritten(item, imageSchema, source, p));
      if (!r.success) return void issues(r as never, imageSchema);
      const srcPos = source.posOf([...p, 'image', 'src']);
      const resolved = resolveImage(r.data.image.src, ctx.dir, ctx.contentRoot, srcPos, diagnostics);
      const image: Block = { kind: 'image', pos, src: r.data.image.src, path: resolved ?? '' };
      if (r.data.image.caption) image.caption = ctx.text(r.data.image.caption, [...p, 'image', 'caption']);
      if (r.data.image.width !== undefined) image.width = r.data.image.width;
      return image;
    }
    case 'list': {
      const r = listSchema.safeParse(textAsWritten(item, listSchema, source, p));
      if (!r.success) return void issues(r as never, listSchema);
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

/**
 * How a content file is read: a file inside the content folder must stay inside it through
 * links too; one named from elsewhere on the command line is the user's own choice.
 */
export function readOptions(abs: string, contentRoot: string): YamlReadOptions {
  return { what: 'content file', ...(isUnder(path.resolve(contentRoot), abs) ? { root: { dir: contentRoot, name: 'the content folder', rule: 'path' } } : {}) };
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
