import { isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { diag, DiagnosticError, type Diagnostic } from '../../diagnostics/index.js';
import { parseYamlSource } from '../../content/yaml-source.js';
import { FIELD_ORDER, type ImportedArticle } from '../article.js';
import { editYamlData, sameData } from '../../content/yaml-edit.js';
import { restructure } from './restructure.js';

/** What merging an import into an existing content file gives: its new text, its data before and after. */
export interface Merged {
  yaml: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** Fields kept from the file because the imported document cannot carry them, and why. */
  notes: Diagnostic[];
}

/** Order of the fields in a new file, as the importer writes them. */
const ORDER: readonly string[] = [...FIELD_ORDER.slice(0, -1), 'titleLines', 'layouts', 'draft', 'body'];

/** Fields a report draft prints, so their absence in the document means the editor removed them. */
const REPORT_PRINTED = ['kicker', 'column', 'subtitle', 'editorNote', 'source', 'attachments'] as const;
/**
 * Fields of an article a bulletin issue prints. The 【column】 there is the issue's column and the
 * date the issue's, so an article's own column and date are kept.
 */
const ISSUE_PRINTED = ['kicker', 'subtitle', 'author', 'editorNote', 'source', 'attachments'] as const;

export interface MergeOptions {
  /** The draft is a bulletin issue the article is printed in, not the article's own report. */
  inIssue?: boolean;
}

/**
 * Merges an imported article into the text of the content file it updates. The file's comments,
 * field order and untouched blocks stay as they are; fields no draft carries (layouts, draft,
 * titleLines while the title is unchanged) are kept; the body's sections follow the file's
 * structure where its blocks correspond (see restructure).
 */
export function mergeIntoYaml(existing: string, imported: ImportedArticle, file: string, options: MergeOptions = {}): Merged {
  const doc = parseContent(existing, file);
  const before = canonical(doc.toJS() ?? {}) as Record<string, unknown>;
  const after: Record<string, unknown> = { ...before };
  const notes: Diagnostic[] = [];
  const source = imported as unknown as Record<string, unknown>;

  for (const key of options.inIssue ? (['title'] as const) : (['title', 'date'] as const)) {
    if (source[key] !== undefined) after[key] = source[key];
    else if (before[key] !== undefined) notes.push(diag('info', 'kept', `${key} kept from ${file}: the document has none`));
  }
  // A space in a Chinese title is typography: a title broken into lines may lose or gain one.
  const squash = (v: unknown) => (typeof v === 'string' ? v.replace(/[\s\u3000]+/g, '') : v);
  if (typeof before['title'] === 'string' && squash(after['title']) === squash(before['title'])) after['title'] = before['title'];
  for (const key of options.inIssue ? ISSUE_PRINTED : REPORT_PRINTED) {
    if (source[key] !== undefined) after[key] = source[key];
    else delete after[key];
  }
  if (!options.inIssue) {
    // The report layout prints the author inside the source line only.
    if (source['author'] !== undefined) after['author'] = source['author'];
    else if (source['source'] !== undefined) delete after['author'];
    else if (before['author'] !== undefined) notes.push(diag('info', 'kept', `author kept from ${file}: the draft prints it only in the source line, and it has none`));
  }
  if (before['titleLines'] !== undefined && after['title'] !== before['title']) {
    delete after['titleLines'];
    notes.push(diag('info', 'title-lines', `titleLines removed: the title changed; add them again for fixed title breaks`));
  }
  after['body'] = Array.isArray(before['body']) ? restructure(imported.body, before['body']) : imported.body;
  return { yaml: applyChanges(existing, after), before, after, notes };
}

/** Sets or removes a bulletin issue's own 编者按 in its file, the rest of the file as it is. */
export function mergeIssueNote(existing: string, note: string | undefined, file: string): Merged {
  const doc = parseContent(existing, file);
  const before = canonical(doc.toJS() ?? {}) as Record<string, unknown>;
  const after: Record<string, unknown> = { ...before };
  if (note !== undefined) after['editorNote'] = note;
  else delete after['editorNote'];
  return { yaml: applyChanges(existing, after), before, after, notes: [] };
}

function parseContent(existing: string, file: string): Document {
  // The content reader's parse and checks: an alias cycle or an alias bomb in the file stops
  // here with its place, before toJS would loop or fill memory.
  const parsed = parseYamlSource(file, existing);
  if (!parsed.source) throw new DiagnosticError(parsed.diagnostics);
  const doc = parsed.source.doc;
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new DiagnosticError([
      diag('error', 'yaml-syntax', `${file} is not a content file jianbao can update: ${doc.errors[0]?.message ?? 'its top level is not a mapping'}`, undefined, ['run `jianbao check` on it, or import into a new file with -o']),
    ]);
  }
  return doc;
}

/**
 * The file's text with its data changed from `before` to `after`, only at the nodes that
 * changed: the rest of the file (comments, quoting, `{ caption: … }` flow maps, blank lines)
 * stays byte for byte (see content/yaml-edit.ts). New fields go where the importer would put them; new
 * table rows are written one per line.
 */
function applyChanges(existing: string, after: Record<string, unknown>): string {
  const rank = (k: string) => {
    const r = ORDER.indexOf(k);
    return r < 0 ? ORDER.length : r;
  };
  return editYamlData(existing, after, { equal: (a, b) => sameData(loose(a), loose(b)), rank, style: flowRows }).text;
}

/** Numbers as the text the loader reads them as (a table cell `1` is `'1'`). */
function loose(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(loose);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, loose(x)]));
  return v;
}

/**
 * The data as the content loader reads it: table cells are text, so `[甲, 1]` in the file and
 * `[甲, '1']` from a document are the same row and no change.
 */
function canonical(value: unknown, inTable = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, inTable));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'table' ? canonical(v, true) : inTable && (k === 'rows' || k === 'header') ? cells(v) : canonical(v, inTable);
    return out;
  }
  return value;
}

function cells(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  return v.map((c) => (Array.isArray(c) ? cells(c) : typeof c === 'number' ? String(c) : c));
}

/** Table rows and headers on one line each, as the importer writes them. */
function flowRows<T extends Node>(node: T): T {
  visit(node, {
    Pair(_, p) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k === 'header' && isSeq(p.value)) p.value.flow = true;
      if (k === 'rows' && isSeq(p.value)) for (const row of p.value.items) if (isSeq(row)) row.flow = true;
    },
  });
  return node;
}
