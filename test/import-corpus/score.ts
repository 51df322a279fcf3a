import { readdirSync, readFileSync } from 'node:fs';
import { bodyTexts as texts } from '../../src/import/article.js';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseYaml } from 'yaml';
import { DiagnosticError, formatDiagnostic } from '../../src/diagnostics/index.js';
import { importBytes, type ImportedArticle, type ImportedBlock } from '../../src/import/readers/index.js';
import { lcsPairs } from '../../src/diff/sequence-diff.js';

/**
 * Scores `jianbao import` on a corpus of saved pages, each beside the YAML it should give
 * (`page.html` + `page.yaml`). Each row is one thing a user would check; a page is right on a
 * row or not. Text is compared character by character after an alignment, so a lost sentence,
 * a menu left in the body and a wrongly changed mark are told apart.
 */
export const ROWS = [
  'title',
  'date',
  'source',
  'author',
  'column',
  "editor's note",
  'kicker',
  'subtitle',
  'attachments',
  'sections L1',
  'sections L2',
  'sections L3',
  'sections L4',
  'body blocks',
  'text lost',
  'furniture left',
  'punctuation',
  '0 unplaced',
] as const;
export type Row = (typeof ROWS)[number];

export interface PageScore {
  page: string;
  family: string;
  ms: number;
  right: Record<Row, boolean>;
  /** What was wrong, per row, for the report. */
  why: Partial<Record<Row, string>>;
}

type Expected = ImportedArticle & { titleLines?: string[]; attachments?: string[] };

const PAGE_EXT = new Set(['.html', '.htm', '.txt']);

export function corpusPages(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => PAGE_EXT.has(extname(f)))
    .sort()
    .map((f) => join(dir, f));
}

function headingsAt(body: ImportedBlock[], depth: number, at = 1): string[] {
  return body.flatMap((b) => {
    if (typeof b !== 'object' || !('heading' in b)) return [];
    return at === depth ? [b.heading] : headingsAt(b.body, depth, at + 1);
  });
}

function articleText(a: Expected): string {
  return [a.kicker ?? '', a.subtitle ?? '', a.editorNote ?? '', ...texts(a.body ?? []), ...(a.attachments ?? [])].join('\n');
}

const LETTER = /[\p{L}\p{N}]/u;

/** Characters of `expected` the import lost, of `actual` it should not have, and marks that differ. */
export function compareText(expected: string, actual: string): { lost: string; left: string; punct: string } {
  const a = [...expected];
  const b = [...actual];
  const pairs = lcsPairs(a, b, (x, y) => x === y);
  const matchedA = new Set(pairs.map((p) => p[0]));
  const matchedB = new Set(pairs.map((p) => p[1]));
  let lost = '';
  let left = '';
  let punct = '';
  a.forEach((ch, i) => {
    if (matchedA.has(i) || ch === '\n') return;
    if (LETTER.test(ch)) lost += ch;
    else punct += `-${ch}`;
  });
  b.forEach((ch, i) => {
    if (matchedB.has(i) || ch === '\n') return;
    if (LETTER.test(ch)) left += ch;
    else punct += `+${ch}`;
  });
  return { lost, left, punct };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
const show = (x: unknown) => (x === undefined ? '(none)' : JSON.stringify(x));

export function scorePage(file: string): PageScore {
  const page = basename(file);
  const family = page.split('-')[0]!;
  const expected = parseYaml(readFileSync(file.replace(/\.[a-z]+$/, '.yaml'), 'utf8')) as Expected;
  const right = Object.fromEntries(ROWS.map((r) => [r, false])) as Record<Row, boolean>;
  const why: PageScore['why'] = {};
  const bytes = readFileSync(file);
  const t0 = performance.now();
  let actual: Expected;
  let unplaced: string[];
  try {
    const r = importBytes(bytes, file);
    actual = r.article as Expected;
    unplaced = r.diagnostics.filter((d) => d.rule === 'unplaced').map((d) => formatDiagnostic(d).split('\n')[0]!);
  } catch (e) {
    const message = e instanceof DiagnosticError ? e.diagnostics.map((d) => formatDiagnostic(d)).join('\n') : String(e);
    for (const r of ROWS) why[r] = `import failed: ${message.split('\n')[0]}`;
    return { page, family, ms: performance.now() - t0, right, why };
  }
  const ms = performance.now() - t0;
  const field = (row: Row, e: unknown, a: unknown) => {
    right[row] = same(e, a);
    if (!right[row]) why[row] = `expected ${show(e)}, got ${show(a)}`;
  };
  field('title', { t: expected.title, l: expected.titleLines }, { t: actual.title, l: actual.titleLines });
  field('date', expected.date, actual.date);
  field('source', expected.source, actual.source);
  field('author', expected.author, actual.author);
  field('column', expected.column, actual.column);
  field("editor's note", expected.editorNote, actual.editorNote);
  field('kicker', expected.kicker, actual.kicker);
  field('subtitle', expected.subtitle, actual.subtitle);
  field('attachments', expected.attachments, actual.attachments);
  for (const depth of [1, 2, 3, 4] as const) {
    field(`sections L${depth}`, headingsAt(expected.body, depth), headingsAt(actual.body ?? [], depth));
  }
  right['body blocks'] = same(expected.body, actual.body);
  if (!right['body blocks']) why['body blocks'] = 'the body differs in its blocks (see the text rows)';
  const diff = compareText(articleText(expected), articleText(actual));
  right['text lost'] = diff.lost === '';
  if (diff.lost) why['text lost'] = `${[...diff.lost].length} characters: ${diff.lost.slice(0, 60)}`;
  right['furniture left'] = diff.left === '';
  if (diff.left) why['furniture left'] = `${[...diff.left].length} characters: ${diff.left.slice(0, 60)}`;
  right.punctuation = diff.punct === '';
  if (diff.punct) why.punctuation = diff.punct.slice(0, 80);
  right['0 unplaced'] = unplaced.length === 0;
  if (unplaced.length) why['0 unplaced'] = unplaced.join('; ').slice(0, 200);
  return { page, family, ms, right, why };
}

export interface CorpusScore {
  pages: PageScore[];
  rows: { row: Row; right: number; total: number }[];
  /** Pages right on every row. */
  allRight: number;
}

export function scoreCorpus(dir: string): CorpusScore {
  const files = corpusPages(dir);
  // Warm up: the first import compiles the importer's code and tables.
  if (files[0]) scorePage(files[0]);
  const pages = files.map(scorePage);
  const rows = ROWS.map((row) => ({ row, right: pages.filter((p) => p.right[row]).length, total: pages.length }));
  const allRight = pages.filter((p) => ROWS.every((r) => p.right[r])).length;
  return { pages, rows, allRight };
}

export function formatScore(s: CorpusScore, verbose: boolean): string {
  const out: string[] = [];
  const families = [...new Set(s.pages.map((p) => p.family))];
  out.push(`${s.pages.length} pages in ${families.length} families (${families.join(', ')})`);
  out.push('');
  out.push(`  ${'row'.padEnd(16)}right`);
  for (const r of s.rows) out.push(`  ${r.row.padEnd(16)}${String(r.right).padStart(3)}/${r.total}${r.right < r.total ? '   ✗' : ''}`);
  out.push(`  ${'every row'.padEnd(16)}${String(s.allRight).padStart(3)}/${s.pages.length}`);
  const times = s.pages.map((p) => p.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  out.push('');
  out.push(`  import time: median ${median.toFixed(1)} ms, slowest ${(times[times.length - 1] ?? 0).toFixed(1)} ms (in process, after a warm-up import)`);
  if (verbose) {
    for (const p of s.pages) {
      const wrong = ROWS.filter((r) => !p.right[r]);
      if (wrong.length === 0) continue;
      out.push('');
      out.push(`${p.page}:`);
      for (const r of wrong) out.push(`  ${r}: ${p.why[r]}`);
    }
  }
  return out.join('\n');
}
