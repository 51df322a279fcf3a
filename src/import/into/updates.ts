import fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { bulletinArticles, loadBulletin, looksLikeBulletin } from '../../content/index.js';
import { parseYamlData } from '../../content/read-yaml.js';
import type { LoadOptions } from '../../content/load-article.js';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../outputs/write-atomic.js';
import { diffArticles, type ArticleDiff } from './article-diff.js';
import { similarity } from '../../diff/sequence-diff.js';
import { mergeIntoYaml, mergeIssueNote } from './merge.js';
import type { ImportResult } from '../readers/index.js';
import type { FileUpdate } from './file-update.js';

/**
 * `jianbao import DRAFT --into FILE`: what an imported draft changes in the content files it goes
 * back into, and the writing of those changes. The CLI shows the diffs and asks; the library
 * API calls the same functions.
 */

export type { FileUpdate } from './file-update.js';

/** How the user named the files, for the diffs and messages. */
export interface IntoNames {
  /** The draft, as given on the command line. */
  draft: string;
  /** The content file it goes into, as given. */
  into: string;
  /** The working folder: an issue's article files are shown relative to it. */
  cwd: string;
  /** How the issue is loaded (its project's content root and series defaults). */
  load?: LoadOptions;
}

/** Whether a content file's text is a bulletin issue (it has `bulletin:`). */
export function isIssueText(text: string): boolean {
  // The content reader's parse and checks: a file with an alias cycle or bomb is no issue here,
  // and its merge reports why.
  return looksLikeBulletin(parseYamlData('', text).data);
}

/** The article files an issue places, in order; the loader's errors if it does not load. */
export function issueArticleFiles(file: string, load: LoadOptions = {}): string[] {
  return bulletinArticles(loadBulletin(file, load).value).map((a) => a.article.file);
}

/**
 * The updates of `--into FILE` (whose text is `before`): an article's file merged with the import;
 * an issue's articles each back into its own file, in the issue's order, and the issue's 编者按
 * into the issue file. A draft that does not hold the issue's articles is an error.
 */
export function intoUpdates(result: ImportResult, file: string, before: string, names: IntoNames): FileUpdate[] {
  if (!isIssueText(before)) {
    const merged = mergeIntoYaml(before, result.article, names.into);
    return [{ file, shown: names.into, from: names.draft, before, yaml: merged.yaml, diff: diffArticles(merged.before, merged.after), notes: merged.notes }];
  }
  const issue = loadBulletin(file, names.load ?? {}).value;
  const placed = bulletinArticles(issue);
  const got = result.articles ?? [result.article];
  const titles = (list: (string | undefined)[]) => list.map((t) => `'${t ?? '(untitled)'}'`).join(', ');
  const mismatch = got.length !== placed.length || placed.some((p, i) => similarity(p.article.title, got[i]!.title ?? '') < 0.34);
  if (mismatch) {
    throw new DiagnosticError([
      diag('error', 'issue-articles', `${names.draft} holds ${got.length} article${got.length === 1 ? '' : 's'} (${titles(got.map((a) => a.title))}); ${names.into} places ${placed.length} (${titles(placed.map((p) => p.article.title))})`, undefined, [
        `add, remove or reorder articles in ${names.into}, build the draft again, and edit that one`,
      ]),
    ]);
  }
  const updates: FileUpdate[] = [];
  const note = mergeIssueNote(before, result.issueNote, names.into);
  updates.push({ file, shown: names.into, from: names.draft, before, yaml: note.yaml, diff: diffArticles(note.before, note.after), notes: [] });
  placed.forEach((p, i) => {
    const text = fs.readFileSync(p.article.file, 'utf8');
    const shown = displayPath(p.article.file, names.cwd);
    const merged = mergeIntoYaml(text, got[i]!, shown, { inIssue: true });
    updates.push({ file: p.article.file, shown, from: `${names.draft} (article ${i + 1})`, before: text, yaml: merged.yaml, diff: diffArticles(merged.before, merged.after), notes: merged.notes });
  });
  return updates;
}

/** Writes the files an update changes (each atomically) and the import's new pictures; the pictures' note for the report. */
export async function writeUpdates(updates: readonly FileUpdate[], result: ImportResult, imageFolder: string): Promise<string> {
  for (const u of updates) if (u.yaml !== u.before) writeFileAtomic(u.file, u.yaml);
  return writeImages(result, imageFolder);
}

/** Writes the pictures an import extracted next to the YAML; ` and N pictures in figures/` for the report. */
export async function writeImages(result: ImportResult, folder: string): Promise<string> {
  const fresh = (result.images ?? []).filter((i) => !i.exists);
  for (const image of fresh) {
    const file = resolve(folder, image.src);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, image.data);
  }
  if (fresh.length === 0) return '';
  const where = [...new Set(fresh.map((i) => relative(folder, dirname(resolve(folder, i.src))) || '.'))].join(', ');
  return ` and ${fresh.length} picture${fresh.length === 1 ? '' : 's'} in ${where}/`;
}
