import fs from 'node:fs';
import path from 'node:path';
import type { LoadOptions } from '../content/load-article.js';
import { DiagnosticError, UsageError, type Diagnostic } from '../diagnostics/index.js';
import { knownImages } from '../import/docx/known-images.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import type { FileUpdate } from '../import/into/file-update.js';
import { intoUpdates, isIssueText, issueArticleFiles, writeImages, writeUpdates } from '../import/into/updates.js';
import { importFile, themeStyleRoles, type ImportOptions, type ImportResult } from '../import/readers/index.js';
import { writeFileAtomic } from '../outputs/write-atomic.js';
import { projectPaths } from '../pipeline/project.js';
import { openProject } from '../project/open.js';
import { findProjectRoot, searchStart } from '../project/root.js';
import { checkOptions } from './options.js';
import { importArticleSchema, importIntoSchema } from './schemas.js';
import type { ImportArticleOptions, ImportIntoOptions } from './types.js';

export type { ImportArticleOptions, ImportIntoOptions } from './types.js';



export interface ImportArticleResult {
  ok: true;
  /** The article as content YAML. */
  yaml: string;
  result: ImportResult;
  diagnostics: Diagnostic[];
  /** The file written (with `output`). */
  written?: string;
}

export interface ImportIntoResult {
  ok: true;
  result: ImportResult;
  /** Each content file the draft goes into: its text before and after and the paragraph diff. */
  updates: FileUpdate[];
  diagnostics: Diagnostic[];
  /** Whether the changed files (and new pictures) were written. */
  written: boolean;
}

/** Where things are for one import: the input, the project (if any), the style names of its themes. */
interface Setting {
  cwd: string;
  input: string;
  load: LoadOptions;
  styleRoles: ReturnType<typeof themeStyleRoles>;
}

/** An import may run outside any project (`import page.txt > a.yaml`): then the built-in themes' styles count. */
function setting(o: { cwd?: string | undefined; root?: string | undefined; file: string }, target: string | undefined): Setting {
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const input = path.resolve(cwd, o.file);
  const near = o.root ?? (target ? findProjectRoot(searchStart(path.resolve(cwd, target))) : undefined) ?? findProjectRoot(cwd);
  const project = near ? openProject({ cwd, root: near }) : undefined;
  const paths = project?.paths ?? projectPaths(cwd);
  const load: LoadOptions = project ? { contentRoot: paths.contentDir, ...(project.config.data.series ? { seriesDefaults: project.config.data.series } : {}) } : {};
  return { cwd, input, load, styleRoles: themeStyleRoles(project ? paths : { ...paths, templatesDir: paths.builtinTemplatesDir }) };
}

/** How both imports read the draft: its name in messages, punctuation, ranges, tracked changes, the themes' style roles. */
function readOptions(o: ImportArticleOptions | ImportIntoOptions, where: Setting): ImportOptions {
  return {
    displayName: o.file,
    keepPunctuation: o.keepPunctuation ?? false,
    ranges: o.ranges ?? 'keep',
    ...(o.changes ? { changes: o.changes } : {}),
    styleRoles: where.styleRoles,
  };
}

/**
 * Reads a Word draft, text or HTML page as a new article, as `jianbao import FILE [-o OUT]` does.
 * With `output`, writes the YAML there (atomically) and its pictures beside it. Input it cannot
 * read throws a DiagnosticError; options that do not fit a UsageError.
 */
export async function importArticle(options: ImportArticleOptions): Promise<ImportArticleResult> {
  const o = checkOptions('importArticle', importArticleSchema, options);
  const { result, output } = await prepareArticle(o);
  if (output) {
    writeFileAtomic(output, result.yaml);
    await writeImages(result, path.dirname(output));
  }
  return { ok: true, yaml: result.yaml, result, diagnostics: result.diagnostics, ...(output ? { written: output } : {}) };
}

/**
 * Reads an edited draft back into the content file it was built from, as `jianbao import DRAFT
 * --into FILE` does: each content file's new text and a paragraph diff; with `write`, the changed
 * files are written (only the nodes that changed: see content/yaml-edit.ts) with any new pictures.
 */
export async function importInto(options: ImportIntoOptions): Promise<ImportIntoResult> {
  const o = checkOptions('importInto', importIntoSchema, options);
  const prepared = await prepareInto(o);
  let written = false;
  if (o.write && (prepared.updates.some((u) => u.yaml !== u.before) || (prepared.result.images ?? []).some((i) => !i.exists))) {
    await writeUpdates(prepared.updates, prepared.result, prepared.imageFolder);
    written = true;
  }
  return { ok: true, result: prepared.result, updates: prepared.updates, diagnostics: [...prepared.result.diagnostics, ...prepared.updates.flatMap((u) => u.notes)], written };
}

/** The import of a draft and the updates it makes, before anything is written (the CLI asks in between). */
export async function prepareInto(o: ImportIntoOptions): Promise<{ result: ImportResult; updates: FileUpdate[]; imageFolder: string }> {
  const where = setting(o, o.into);
  const into = path.resolve(where.cwd, o.into);
  if (into === where.input) throw new UsageError('`into` names the draft itself; name the content file it goes back into');
  const before = existingText(into, o.into, 'content file');
  if (before === undefined) throw new UsageError(`--into updates an existing content file, and ${o.into} does not exist; write a new one with -o`);
  // A bulletin issue's draft goes back into the issue's articles, its pictures next to them.
  const issue = isIssueText(before);
  const articleFiles = issue ? issueArticleFiles(into, where.load) : [];
  const imageFolder = articleFiles[0] ? path.dirname(articleFiles[0]) : path.dirname(into);
  const known = issue ? articleFiles.flatMap((f) => knownImages(fs.readFileSync(f, 'utf8'), path.dirname(f))) : knownImages(before, imageFolder);
  const result = await importFile(where.input, {
    ...readOptions(o, where),
    images: { folder: imageFolder, stem: path.basename(into, path.extname(into)), known },
    ...(issue ? { several: true } : {}),
  });
  const updates = intoUpdates(result, into, before, { draft: o.file, into: o.into, cwd: where.cwd, load: where.load });
  return { result, updates, imageFolder };
}

/** The setting of a `-o` import, for the CLI (which asks before replacing a file). */
export async function prepareArticle(o: ImportArticleOptions): Promise<{ result: ImportResult; output?: string; before?: string }> {
  const where = setting(o, o.output);
  const output = o.output !== undefined ? path.resolve(where.cwd, o.output) : undefined;
  if (output === where.input) throw new UsageError('-o names the input file itself; choose another output');
  const before = output && o.output !== undefined ? existingText(output, o.output, 'output file') : undefined;
  const imageFolder = output ? path.dirname(output) : where.cwd;
  const result = await importFile(where.input, {
    ...readOptions(o, where),
    ...(output ? { images: { folder: imageFolder, stem: path.basename(output, path.extname(output)), known: before === undefined ? [] : knownImages(before, imageFolder) } } : {}),
  });
  return { result, ...(output ? { output } : {}), ...(before !== undefined ? { before } : {}) };
}

/**
 * A target's text, or undefined when there is none. A pipe, a device, a folder or a huge file
 * there is refused at once (readBounded), not waited on or read without end.
 */
function existingText(file: string, shown: string, what: string): string | undefined {
  // lstat, not exists: a dangling link is there (and refused by the read), not a new file.
  if (!fs.lstatSync(file, { throwIfNoEntry: false })) return undefined;
  const read = readBounded(file, { limit: LIMITS.contentFileBytes, shown, what });
  if (!read.ok) throw new DiagnosticError([read.diagnostic]);
  return read.bytes.toString('utf8');
}
