import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError, type Diagnostic } from '../diagnostics/index.js';
import { buildKey, fileHash } from '../outputs/build-key.js';
import { imposedOutput, imposedPath, wantsImposition } from '../outputs/imposed.js';
import { mergeManifest, readManifest, sha256, type Manifest, type ManifestEntry } from '../outputs/manifest.js';
import { writePreviews } from '../outputs/preview.js';
import { writeReleaseFiles } from '../outputs/release.js';
import { sourceDateEpoch, stampDate } from '../outputs/reproducible.js';
import { inShard, type Shard } from '../outputs/shard.js';
import { sweepStaleTemps, writeFileAtomic } from '../outputs/write-atomic.js';
import { GENERATOR } from '../package.js';
import { defaultFormatNames, outputFormat, outputFormats } from '../render/registry.js';
import type { Imposition } from '../render/writer.js';
import { createRunner, defaultJobs, workerPool, type RenderRunner } from '../render-pool/render-pool.js';
import type { RenderJob } from '../render-pool/render-job.js';
import { discoverContent } from './discover.js';
import { layoutSourceFiles } from '../templates/layout-files.js';
import { dedupe, outputPath, plan, type Planned, type PlanOptions } from './plan.js';
import type { ResolvedFace } from '../fonts/resolve-role.js';
import type { ProjectPaths } from './project.js';

export { outputPath, plan, type Planned, type PlanOptions } from './plan.js';

export interface BuildOptions extends PlanOptions {
  paths: ProjectPaths;
  /** Formats of the registry (src/render/registry.ts); each layout's `formats`, else the default ones, when absent. */
  formats?: string[];
  /** Validate and lay out only; write nothing. */
  checkOnly?: boolean;
  /** Render jobs at once (worker threads); the machine's cores by default. 1 renders in this thread. */
  jobs?: number;
  /** Rebuild every output, even those whose build key and file are unchanged. */
  force?: boolean;
  /** Read every output back and check that no text of the content was lost (slower). */
  verify?: boolean;
  /** Build only this slice of the plan (CI matrix). */
  shard?: Shard;
  /** Also write out/release/ (flat assets, issue zips, NAME.zip) under this name. */
  release?: string;
  /** Write PNG previews of page 1 of each PDF (default true). */
  previews?: boolean;
  /** Overrides the stamped dates; defaults to the SOURCE_DATE_EPOCH environment variable. */
  sourceDateEpoch?: number;
  /** A long-lived renderer (watch mode keeps its workers warm); one is made and closed otherwise. */
  runner?: RenderRunner;
  /** Called after each output is written. */
  onOutput?: (entry: ManifestEntry, ms: number) => void;
  /** Progress: the plan, each job's start, each output written. */
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'plan'; total: number; toBuild: number; upToDate: number; workers: number }
  | { type: 'start'; path: string; slot: number }
  | { type: 'output'; entry: ManifestEntry; ms: number }
  | { type: 'failed'; path: string }
  | { type: 'note'; message: string }
  /** Which face each font role of each layout resolved to, and from where: once per build. */
  | { type: 'fonts'; layouts: LayoutFonts[] };

/** The faces of a layout's font roles, as a build found them. */
export interface LayoutFonts {
  layout: string;
  faces: ResolvedFace[];
}

/** Each planned layout's faces, once per layout. */
export function layoutFonts(planned: readonly Planned[]): LayoutFonts[] {
  const seen = new Map<string, LayoutFonts>();
  for (const p of planned) if (!seen.has(p.layout)) seen.set(p.layout, { layout: p.layout, faces: p.fonts });
  return [...seen.values()];
}

export interface BuildResult {
  /** Outputs written by this run. */
  outputs: ManifestEntry[];
  /** Outputs of the plan that were already up to date and left alone. */
  upToDate: ManifestEntry[];
  warnings: Diagnostic[];
  /** Which face each font role of each layout resolved to. */
  fonts: LayoutFonts[];
  manifest?: Manifest;
  /** Things the user should know that are not problems with the input (e.g. previews skipped). */
  notes: string[];
  /** Files written under out/release/, with --release. */
  releaseFiles: string[];
}

/** One output of the plan, with its key and, when stale, the job that renders it. */
interface Planned1 {
  entry: Pick<ManifestEntry, 'source' | 'kind' | 'title' | 'layout' | 'defaultLayout' | 'format' | 'path'>;
  key: string;
  job: RenderJob;
  /** How the layout's pages go on print sheets, when its theme says so. */
  imposed?: Imposition;
  upToDate?: ManifestEntry;
  /** The output is up to date but its print sheets are missing: impose again from the file. */
  sheetsOnly?: boolean;
}

/**
 * Builds content × layouts × formats. Every input is loaded and laid out before anything is
 * written, so bad input stops the build with all its diagnostics and leaves the out folder as it
 * was. Then only outputs whose build key or file changed are rendered, on worker threads, and
 * written atomically; the manifest, SHA256SUMS, previews and index.html follow.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const jobs = options.jobs ?? defaultJobs();
  // The formats to start workers for; each document's own come from its layout (see buildWith).
  const formats = options.formats ?? defaultFormatNames();
  const previous = options.checkOnly ? undefined : readManifest(options.paths.outDir);
  // A first or forced build renders everything: start the workers now, so that loading their
  // modules overlaps laying out. An incremental build waits to see how much is stale.
  // Only for a build of more than one file (a folder of one article is one file): one article's
  // two outputs render sooner in this thread.
  const many = discoverContent(options.inputs, options.paths.projectDir).files.length > 1;
  const early = !options.runner && !options.checkOnly && jobs > 1 && many && (options.force || !previous) ? workerPool(jobs) : undefined;
  early?.warm?.(formats);
  try {
    return await buildWith(options, { jobs, formats, previous, runner: options.runner ?? early });
  } finally {
    await early?.close();
  }
}

/** The build once its settings are resolved; `runner` is a pool that someone else closes. */
async function buildWith(options: BuildOptions, settings: { jobs: number; formats: string[]; previous: Manifest | undefined; runner: RenderRunner | undefined }): Promise<BuildResult> {
  const { paths } = options;
  const { jobs, formats, previous } = settings;
  const planned = plan(options);
  const warnings = dedupe(planned.flatMap((p) => [...p.source.warnings, ...p.warnings]));
  const fonts = layoutFonts(planned);
  if (options.checkOnly) return { outputs: [], upToDate: [], warnings, fonts, notes: [], releaseFiles: [] };
  options.onEvent?.({ type: 'fonts', layouts: fonts });

  sweepStaleTemps(paths.outDir);
  const epoch = options.sourceDateEpoch ?? sourceDateEpoch();
  const previousByPath = new Map((previous?.outputs ?? []).map((e) => [e.path, e]));

  const items: Planned1[] = [];
  for (const p of planned) {
    const date = stampDate(p.doc.meta.date, epoch);
    const doc = date === p.doc.meta.date ? p.doc : { ...p.doc, meta: { ...p.doc.meta, date } };
    for (const format of options.formats ?? p.formats ?? formats) {
      const rel = outputPath(paths, p.source, p.layout, format);
      if (!inShard(rel, options.shard)) continue;
      const key = buildKey({ projectDir: paths.projectDir, layoutFiles: layoutSourceFiles(paths, p.layout), contentFile: p.source.file, dependencies: p.source.dependencies, layout: p.layout, format, draft: p.draft, doc, date });
      const entry = {
        source: path.relative(paths.projectDir, p.source.file).split(path.sep).join('/'),
        kind: p.source.kind,
        title: doc.meta.title,
        layout: p.layout,
        ...(p.defaultLayout ? { defaultLayout: true as const } : {}),
        format,
        path: rel,
      };
      const job: RenderJob = { path: rel, format, doc, options: { readableRoots: [paths.contentDir, path.dirname(p.source.file)] }, ...(options.verify ? { verify: true } : {}) };
      const prev = previousByPath.get(rel);
      const fresh = !options.force && prev?.key === key && fileHash(path.join(paths.outDir, rel)) === prev.sha256;
      const item: Planned1 = { entry, key, job, ...(wantsImposition(format, p.imposed) ? { imposed: p.imposed } : {}) };
      items.push(fresh ? { ...item, upToDate: { ...entryOf(entry, prev), preview: prev.preview } } : item);
    }
  }

  const stale = items.filter((i) => !i.upToDate);
  // In the registry's order, the slowest format (PDF) first, so the last job to finish is a short one.
  const rank = new Map(outputFormats().map((f, i) => [f.name, i]));
  stale.sort((a, b) => rank.get(a.job.format)! - rank.get(b.job.format)!);
  const runner = settings.runner ?? createRunner(jobs, stale.length);
  // An imposed layout's output also gets print sheets (src/impose): one more output, made from its bytes.
  const withSheets = (list: Planned1[]) => list.length + list.filter((i) => i.imposed).length;
  options.onEvent?.({ type: 'plan', total: withSheets(items), toBuild: withSheets(stale), upToDate: withSheets(items) - withSheets(stale), workers: Math.min(runner.size, stale.length) });

  const outputs: ManifestEntry[] = [];
  const errors: unknown[] = [];
  const writeSheets = async (of: ManifestEntry, bytes: Uint8Array, scheme: Imposition) => {
    const started = performance.now();
    const sheets = await imposedOutput(of, bytes, scheme);
    writeFileAtomic(path.join(paths.outDir, sheets.entry.path), sheets.bytes);
    outputs.push(sheets.entry);
    const ms = performance.now() - started;
    options.onOutput?.(sheets.entry, ms);
    options.onEvent?.({ type: 'output', entry: sheets.entry, ms });
  };
  // Sheets of an up-to-date booklet are up to date too, unless their file is gone or changed.
  const upToDateSheets: ManifestEntry[] = [];
  for (const item of items) {
    if (!item.upToDate || !item.imposed) continue;
    const prev = previousByPath.get(imposedPath(item.entry.path));
    if (prev && prev.key === item.key && fileHash(path.join(paths.outDir, prev.path)) === prev.sha256) upToDateSheets.push(prev);
    else stale.push({ ...item, sheetsOnly: true });
  }
  try {
    await Promise.all(
      stale.map(async (item) => {
        let started = performance.now();
        try {
          if (item.sheetsOnly) {
            await writeSheets(item.upToDate!, new Uint8Array(fs.readFileSync(path.join(paths.outDir, item.entry.path))), item.imposed!);
            return;
          }
          const bytes = await runner.run(item.job, (slot) => {
            started = performance.now();
            options.onEvent?.({ type: 'start', path: item.job.path, slot });
          });
          writeFileAtomic(path.join(paths.outDir, item.entry.path), bytes);
          const counter = outputFormat(item.job.format).pageCount;
          const pages = counter ? (await counter())(bytes) : undefined;
          const entry = entryOf(item.entry, { bytes: bytes.byteLength, ...(pages !== undefined ? { pages } : {}), sha256: sha256(bytes), key: item.key });
          outputs.push(entry);
          const ms = performance.now() - started;
          options.onOutput?.(entry, ms);
          options.onEvent?.({ type: 'output', entry, ms });
          if (item.imposed) await writeSheets(entry, bytes, item.imposed);
        } catch (e) {
          errors.push(e);
          options.onEvent?.({ type: 'failed', path: item.entry.path });
        }
      }),
    );
  } finally {
    if (!settings.runner) await runner.close();
  }

  const notes: string[] = [];
  const upToDate = [...items.flatMap((i) => (i.upToDate ? [i.upToDate] : [])), ...upToDateSheets];
  if (options.previews !== false) await writePreviews(paths.outDir, [...outputs, ...upToDate], outputs, jobs, notes);
  for (const n of notes) options.onEvent?.({ type: 'note', message: n });

  // Outputs written before a failure are good files: record them, so the next run skips them.
  const manifest = mergeManifest(previous, [...upToDate, ...outputs], paths.outDir, GENERATOR);
  const { releaseFiles } = writeReleaseFiles(paths.outDir, manifest, { ...(options.release && errors.length === 0 ? { release: options.release } : {}), ...(epoch !== undefined ? { epoch } : {}) });

  if (errors.length > 0) {
    const diagnostics = errors.flatMap((e) => (e instanceof DiagnosticError ? e.diagnostics : []));
    const other = errors.find((e) => !(e instanceof DiagnosticError));
    if (other) throw other;
    throw new DiagnosticError(diagnostics);
  }
  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { outputs, upToDate, warnings, fonts, manifest, notes, releaseFiles };
}

/** A manifest entry with its fields in reading order: what it is, then the file's facts. */
function entryOf(what: Planned1['entry'], file: Pick<ManifestEntry, 'bytes' | 'pages' | 'sha256' | 'key'>): ManifestEntry {
  const ordered: ManifestEntry = { ...what, bytes: file.bytes, ...(file.pages !== undefined ? { pages: file.pages } : {}), sha256: file.sha256 };
  if (file.key !== undefined) ordered.key = file.key;
  return ordered;
}
