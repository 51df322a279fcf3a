import { z } from '../content/zod.js';
import { RANGE_STYLES } from '../import/punctuation.js';
import { isReleaseName } from '../outputs/release.js';
import { parseShard } from '../outputs/shard.js';
import type { BuildEvent } from '../pipeline/build.js';
import { abortSignal, callback, folder, nameList, pathList, whereSchema } from './options.js';
import type * as T from './types.js';

/**
 * The schemas that check the library's options (src/api/types.ts writes the same types out for
 * users). Each `same…` line fails to compile when a schema and its type part ways.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shardSchema = z.union(
  [
    z.string().refine((s) => parseShard(s) !== undefined, 'expected K/N with 1 ≤ K ≤ N, e.g. 1/4'),
    z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) }).refine((s) => s.index <= s.count, 'expected 1 ≤ index ≤ count'),
  ],
  { error: 'expected K/N (e.g. 1/4) or { index, count }' },
);

/** What a build is asked to do; every field may be left out. */
export const buildOptionsSchema = z.strictObject({
  ...whereSchema,
  /** Content files or folders, relative to `cwd`; the project's content/ by default. */
  inputs: pathList.optional(),
  /** Layouts to build; by default each file's `layouts`, else jianbao.yaml's, else the themes' defaults. */
  layouts: nameList('layout').optional(),
  /** Formats to write; by default jianbao.yaml's `formats`, else all of them. */
  formats: nameList('format').optional(),
  /** The out folder, relative to `cwd`; by default jianbao.yaml's `out`, else the root's out/. */
  out: folder.optional(),
  /** Mark every output a draft (header line and watermark). */
  draft: z.boolean({ error: 'expected true or false' }).optional(),
  /** Every PDF (and its print sheets) as PDF/A-2b, whatever the layouts' themes say. */
  pdfa: z.boolean({ error: 'expected true or false' }).optional(),
  /** Outputs rendered at once on worker threads; 1 renders in this thread. */
  jobs: z.number({ error: 'expected a whole number' }).int('expected a whole number').min(1, 'expected 1 or more').optional(),
  /** Rebuild every output, even the up-to-date ones. */
  force: z.boolean({ error: 'expected true or false' }).optional(),
  /** Read every output back and fail if any text of the content is missing or out of order. */
  verify: z.boolean({ error: 'expected true or false' }).optional(),
  /** Build only the K-th of N slices of the outputs (a CI matrix). */
  shard: shardSchema.optional(),
  /** Also write out/release/ under this name. */
  release: z.string({ error: 'expected a release name' }).refine(isReleaseName, 'use letters, digits, ., _ and - in the name').optional(),
  /** PNG previews of page 1 (default true). */
  previews: z.boolean({ error: 'expected true or false' }).optional(),
  /** Overrides the stamped dates (seconds since 1970); default SOURCE_DATE_EPOCH. */
  sourceDateEpoch: z.number({ error: 'expected seconds since 1970' }).int().min(0).optional(),
  /** Progress: the plan, each job's start, each output written, notes. */
  onEvent: callback<(event: BuildEvent) => void>().optional(),
  /** Stops the build between files: what was written is in the manifest. */
  signal: z.instanceof(AbortSignal, { error: 'expected an AbortSignal' }).optional(),
});

const sameBuild: Same<T.BuildOptions, z.input<typeof buildOptionsSchema>> = true;

export const checkOptionsSchema = z.strictObject({
  ...whereSchema,
  /** Content files or folders, relative to `cwd`; the project's content/ by default. */
  inputs: pathList.optional(),
  /** Layouts to lay out with; by default each file's own. */
  layouts: nameList('layout').optional(),
  /** Also check punctuation (GB/T 15834): `report` the marks to change, or `fix` them in the files. */
  punctuation: z.enum(['report', 'fix'], { error: 'expected `report` or `fix`' }).optional(),
  /** With `punctuation`: numeric ranges kept (default), or changed to a dash or a tilde. */
  ranges: z.enum(RANGE_STYLES, { error: `expected ${RANGE_STYLES.join(', ')}` }).optional(),
});

const sameCheck: Same<T.CheckOptions, z.input<typeof checkOptionsSchema>> = true;

export const watchOptionsSchema = buildOptionsSchema.extend({
  /** Stops the watch; the promise resolves once the watchers and workers are closed. */
  signal: abortSignal,
  /** Quiet time after the last change before rebuilding (default 60 ms). */
  debounceMs: z.number({ error: 'expected milliseconds' }).int().min(0).max(60_000).optional(),
  /** After each build, with the project-relative paths whose change started it (none for the first). */
  onBuild: callback<(outcome: T.WatchOutcome, changed: string[]) => void>(),
  /** Once the first build is done and the watch is in place, with the folders watched. */
  onReady: callback<(folders: string[]) => void>().optional(),
});

const sameWatch: Same<T.WatchOptions, z.input<typeof watchOptionsSchema>> = true;

export const previewOptionsSchema = buildOptionsSchema.omit({ shard: true, release: true }).extend({
  /** The port (default 0: a free one the system picks). */
  port: z.number({ error: 'expected a port number' }).int().min(0).max(65535).optional(),
  /** The loopback address it listens on (default 127.0.0.1); the preview never listens beyond this machine. */
  host: z.enum(['127.0.0.1', 'localhost', '::1'], { error: 'expected 127.0.0.1, localhost or ::1: the preview serves this machine only' }).optional(),
  /** Stops the preview (as `close()` does). */
  signal: abortSignal.optional(),
  /** After each build, as `watch` reports it. */
  onBuild: callback<(outcome: T.WatchOutcome, changed: string[]) => void>().optional(),
});
const samePreview: Same<T.PreviewOptions, z.input<typeof previewOptionsSchema>> = true;

const fileName = z.string({ error: 'expected a file path' }).min(1, 'must not be empty');

const commonSchema = {
  ...whereSchema,
  /** The article to read: a Word draft (.docx), plain text or a saved HTML page. */
  file: fileName,
  /** Leave punctuation exactly as it is (default: GB/T 15834, every change reported). */
  keepPunctuation: z.boolean({ error: 'expected true or false' }).optional(),
  /** Numeric ranges such as 2020-2035: kept (default), or a dash or a tilde. */
  ranges: z.enum(RANGE_STYLES, { error: `expected ${RANGE_STYLES.join(', ')}` }).optional(),
  /** Word's tracked changes: the text as edited (`accept`) or as before (`reject`); required when there are any. */
  changes: z.enum(['accept', 'reject'], { error: 'expected `accept` or `reject`' }).optional(),
};

export const importArticleSchema = z.strictObject({
  ...commonSchema,
  /** Where the YAML goes (with its pictures beside it); without it nothing is written. */
  output: fileName.optional(),
});
export const importIntoSchema = z.strictObject({
  ...commonSchema,
  /** The content file the draft goes back into: an article, or a bulletin issue (each article into its own file). */
  into: fileName,
  /** Write the changed files (default: only compute the diff). */
  write: z.boolean({ error: 'expected true or false' }).optional(),
});
const sameImportArticle: Same<T.ImportArticleOptions, z.input<typeof importArticleSchema>> = true;
const sameImportInto: Same<T.ImportIntoOptions, z.input<typeof importIntoSchema>> = true;

export const initOptionsSchema = z.strictObject({
  /** The working folder `dir` is taken from (default: the process's). */
  cwd: folder.optional(),
  /** The new project's folder (default: `cwd`); made if missing. */
  dir: folder.optional(),
  /** Write the sample files again over those there. */
  force: z.boolean({ error: 'expected true or false' }).optional(),
});
export const layoutsOptionsSchema = z.strictObject({ ...whereSchema });
export const copyLayoutOptionsSchema = z.strictObject({
  ...whereSchema,
  /** The built-in layout to copy into the project's templates/ (its template and theme). */
  name: z.string({ error: 'expected a layout name' }).min(1),
  /** Replace the project's copy. */
  force: z.boolean({ error: 'expected true or false' }).optional(),
});
const sameInit: Same<T.InitOptions, z.input<typeof initOptionsSchema>> = true;
const sameLayouts: Same<T.LayoutsOptions, z.input<typeof layoutsOptionsSchema>> = true;
const sameCopy: Same<T.CopyLayoutOptions, z.input<typeof copyLayoutOptionsSchema>> = true;
export const fontsOptionsSchema = z.strictObject({
  ...whereSchema,
  /** Content files or folders whose characters are checked, relative to `cwd`; the project's content/ by default. */
  inputs: pathList.optional(),
  /** Layouts to report on (default: every layout the project has). */
  layouts: nameList('layout').optional(),
});
const sameFonts: Same<T.FontsOptions, z.input<typeof fontsOptionsSchema>> = true;
void [sameFonts, sameBuild, sameCheck, sameWatch, samePreview, sameImportArticle, sameImportInto, sameInit, sameLayouts, sameCopy];
