import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import { buildKey } from '../outputs/build-key.js';
import { imposedOutput, imposedPath, wantsImposition } from '../outputs/imposed.js';
import { fileIsEntry, ManifestLedger, previousEntries } from '../outputs/ledger.js';
import { notOutputPath, sha256, type Manifest, type ManifestEntry } from '../outputs/manifest.js';
import { MANIFEST_FILE } from '../outputs/names.js';
import { openOutFolder, type OutFolder } from '../outputs/out-folder.js';
import { writePreviews } from '../outputs/preview.js';
import { writeReleaseFiles } from '../outputs/release.js';
import { sourceDateEpoch, stampDate } from '../outputs/reproducible.js';
import { inShard, type Shard } from '../outputs/shard.js';
import { GENERATOR } from '../package.js';
import { defaultFormatNames, outputFormat, outputFormats } from '../render/registry.js';
import type { Imposition } from '../render/writer.js';
import { createRunner, defaultJobs, workerPool, type RenderRunner } from '../render-pool/render-pool.js';
import type { RenderJob } from '../render-pool/render-job.js';
import { workerCount } from '../limits.js';
import { discoverContent } from './discover.js';
import { BuildStopped, type Written } from './outcome.js';
import { layoutSourceFiles } from '../templates/layout-files.js';
import { dedupe, outputPath, plan, readableRoots, type Planned, type PlanOptions } from './plan.js';
import type { ResolvedFace } from '../fonts/resolve-role.js';
import type { ProjectPaths } from './project.js';

export { outputPath, plan, type Planned, type PlanOptions } from './plan.js';
export { BuildStopped } from './outcome.js';

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
  /**
   * Stops the build (Ctrl-C): no output is started after it, the file being written is finished,
   * the manifest lists what is there, and the build throws BuildStopped with the signal (the
   * abort's reason, `SIGINT` or `SIGTERM`).
   */
  signal?: AbortSignal;
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
  /** An output (and its preview) taken out of the folder and the manifest: its content is gone. */
  | { type: 'removed'; path: string; why: string }
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
  /** Outputs removed from the out folder and the manifest because their content is gone. */
  removed: string[];
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
  entry: Pick<ManifestEntry, 'source' | 'kind' | 'title' | 'layout' | 'defaultLayout' | 'format' | 'path' | 'draft'>;
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
 * was. Then the out folder is locked, outputs whose content is gone are removed, and only
 * outputs whose build key or file changed are rendered, on worker threads, each written whole
 * and listed in the manifest as it lands; previews, index.html and a release follow.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const jobs = options.jobs ?? defaultJobs();
  // The formats to start workers for; each document's own come from its layout (see buildWith).
  const formats = options.formats ?? defaultFormatNames();
  // A first or forced build renders everything: start the workers now, so that loading their
  // modules overlaps laying out. An incremental build waits to see how much is stale.
  // Only for a build of more than one file (a folder of one article is one file): one article's
  // two outputs render sooner in this thread.
  const files = options.checkOnly ? 0 : discoverContent(options.inputs, options.paths.projectDir).files.length;
  const first = options.force || !fs.existsSync(path.join(options.paths.outDir, MANIFEST_FILE));
  const early = !options.runner && jobs > 1 && files > 1 && first ? workerPool(workerCount(jobs, files * formats.length)) : undefined;
  early?.warm?.(formats);
  try {
    return await buildWith(options, { jobs, formats, runner: options.runner ?? early });
  } finally {
    await early?.close();
  }
}

/** The build once its settings are resolved; `runner` is a pool that someone else closes. */
async function buildWith(options: BuildOptions, settings: { jobs: number; formats: string[]; runner: RenderRunner | undefined }): Promise<BuildResult> {
  const { paths } = options;
  const { jobs, formats } = settings;
  const planned = plan(options);
  const warnings = dedupe(planned.flatMap((p) => [...p.source.warnings, ...p.warnings]));
  const fonts = layoutFonts(planned);
  if (options.checkOnly) return { outputs: [], upToDate: [], removed: [], warnings, fonts, notes: [], releaseFiles: [] };
  options.onEvent?.({ type: 'fonts', layouts: fonts });
  const epoch = options.sourceDateEpoch ?? sourceDateEpoch();
  const wanted = plannedOutputs(planned, options, formats, epoch);
  if (options.signal?.aborted) throw new BuildStopped([], { written: [], notWritten: [], removed: [], manifest: displayPath(path.join(paths.outDir, MANIFEST_FILE)) }, signalOf(options.signal));

  const out = openOutFolder(paths.outDir);
  const progress: Progress = { written: [], meant: [], removed: [] };
  try {
    const previous = previousEntries(out);
    warnings.push(...previous.warnings);
    const ledger = new ManifestLedger(out, previous.entries, GENERATOR);
    for (const r of removeOrphans(out, ledger, previous.entries, planned, options)) {
      progress.removed.push(r.path);
      options.onEvent?.({ type: 'removed', path: r.path, why: r.why });
    }
    return { ...(await writeOutputs(options, { ...settings, out, ledger, wanted, epoch, warnings, progress })), fonts };
  } catch (e) {
    // Anything that stops the build now (a full disk while writing the index) says what it wrote.
    if (e instanceof DiagnosticError && !(e instanceof BuildStopped)) throw new BuildStopped(e.diagnostics, outcomeOf(progress, out));
    throw e;
  } finally {
    out.release();
  }
}

/** What a build has done to its out folder so far, for the message of a build that stops. */
interface Progress {
  written: string[];
  /** Every output it means to write. */
  meant: string[];
  removed: string[];
}

function outcomeOf(progress: Progress, out: OutFolder): Written {
  const written = new Set(progress.written);
  return { written: [...written].sort(), notWritten: [...new Set(progress.meant)].filter((p) => !written.has(p)).sort(), removed: [...progress.removed], manifest: out.shown(MANIFEST_FILE) };
}

/** Each output of the plan in this shard: its manifest facts, build key and render job. */
function plannedOutputs(planned: readonly Planned[], options: BuildOptions, formats: readonly string[], epoch: number | undefined): Omit<Planned1, 'upToDate'>[] {
  const { paths } = options;
  const items: Omit<Planned1, 'upToDate'>[] = [];
  const errors: Diagnostic[] = [];
  for (const p of planned) {
    const date = stampDate(p.doc.meta.date, epoch);
    const doc = date === p.doc.meta.date ? p.doc : { ...p.doc, meta: { ...p.doc.meta, date } };
    for (const format of options.formats ?? p.formats ?? formats) {
      const rel = outputPath(paths, p.source, p.layout, format, p.draft);
      // The content file's name becomes the output's: one a manifest could not hold is refused here, before anything is written.
      const why = notOutputPath(rel);
      if (why) {
        errors.push(diag('error', 'path', `this file would be built to ${JSON.stringify(rel)}, which ${why}`, { file: displayPath(p.source.file), line: 1, column: 1 }, ['rename the content file with letters, digits, - and _']));
        continue;
      }
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
        ...(p.draft ? { draft: true as const } : {}),
      };
      const job: RenderJob = { path: rel, format, doc, options: { readableRoots: readableRoots(paths, p.source.file) }, ...(options.verify ? { verify: true } : {}) };
      items.push({ entry, key, job, ...(wantsImposition(format, p.imposed) ? { imposed: p.imposed } : {}) });
    }
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  return items;
}

/**
 * Outputs the manifest lists whose content is gone: the content file no longer exists, or this
 * build laid the file out with its own layouts and the entry's layout is not among them. Their
 * files (and previews) are removed, only when they are still the bytes jianbao wrote, and their
 * entries leave the manifest; a file changed by hand is left in place, unlisted.
 */
function removeOrphans(out: OutFolder, ledger: ManifestLedger, entries: readonly ManifestEntry[], planned: readonly Planned[], options: BuildOptions): { path: string; why: string }[] {
  const { paths } = options;
  const layoutsOf = new Map<string, Set<string>>();
  for (const p of planned) {
    const source = path.relative(paths.projectDir, p.source.file).split(path.sep).join('/');
    layoutsOf.set(source, (layoutsOf.get(source) ?? new Set()).add(p.layout));
  }
  const removed: { path: string; why: string }[] = [];
  for (const e of entries) {
    let why: string | undefined;
    if (!fs.existsSync(path.resolve(paths.projectDir, e.source))) why = `its content ${e.source} is gone`;
    else if (!options.layouts && layoutsOf.has(e.source) && !layoutsOf.get(e.source)!.has(e.layout)) why = `${e.source} no longer has the layout ${e.layout}`;
    if (!why) continue;
    ledger.forget(e.path);
    if (fileIsEntry(out.dir, e)) out.remove(e.path);
    if (e.preview) out.remove(e.preview);
    removed.push({ path: e.path, why });
  }
  return removed;
}

interface WriteContext {
  jobs: number;
  runner: RenderRunner | undefined;
  out: OutFolder;
  ledger: ManifestLedger;
  wanted: Omit<Planned1, 'upToDate'>[];
  epoch: number | undefined;
  warnings: Diagnostic[];
  progress: Progress;
}

/** Renders what is stale and lands each output in the ledger; then previews, index and release. */
async function writeOutputs(options: BuildOptions, ctx: WriteContext): Promise<Omit<BuildResult, 'fonts'>> {
  const { out, ledger, jobs } = ctx;
  const items: Planned1[] = ctx.wanted.map((item) => {
    const prev = ledger.get(item.entry.path);
    const fresh = !options.force && prev !== undefined && prev.key === item.key;
    return fresh ? { ...item, upToDate: { ...entryOf(item.entry, prev), ...(prev.preview ? { preview: prev.preview } : {}) } } : item;
  });

  const stale = items.filter((i) => !i.upToDate);
  // In the registry's order, the slowest format (PDF) first, so the last job to finish is a short one.
  const rank = new Map(outputFormats().map((f, i) => [f.name, i]));
  stale.sort((a, b) => rank.get(a.job.format)! - rank.get(b.job.format)!);
  // Sheets of an up-to-date booklet are up to date too, unless their file is gone or changed.
  const upToDateSheets: ManifestEntry[] = [];
  for (const item of items) {
    if (!item.upToDate || !item.imposed) continue;
    const prev = ledger.get(imposedPath(item.entry.path));
    if (prev && prev.key === item.key) upToDateSheets.push(prev);
    else stale.push({ ...item, sheetsOnly: true });
  }
  const renders = stale.filter((i) => !i.sheetsOnly).length;
  const runner = ctx.runner ?? createRunner(jobs, renders);
  // An imposed layout's output also gets print sheets (src/impose): one more output, made from its bytes.
  const withSheets = (list: Planned1[]) => list.filter((i) => !i.sheetsOnly).length + list.filter((i) => i.imposed).length;
  const toBuild = withSheets(stale.filter((i) => !i.sheetsOnly)) + stale.filter((i) => i.sheetsOnly).length;
  options.onEvent?.({ type: 'plan', total: withSheets(items), toBuild, upToDate: withSheets(items) - toBuild, workers: Math.min(runner.size, Math.max(1, renders)) });

  ctx.progress.meant.push(...stale.flatMap((i) => (i.sheetsOnly ? [imposedPath(i.entry.path)] : [i.entry.path, ...(i.imposed ? [imposedPath(i.entry.path)] : [])])));
  const outputs: ManifestEntry[] = [];
  const errors: unknown[] = [];
  // A failed write (a full disk, a folder in the way) stops the build: the next would fail alike.
  let halted = false;
  const signal = options.signal;
  // Stops the renders not yet started, on a signal or a failed write.
  const stop = new AbortController();
  if (signal?.aborted) stop.abort();
  else signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const aborted = new Promise<'aborted'>((resolve) => {
    if (stop.signal.aborted) resolve('aborted');
    else stop.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  const stopNow = () => stop.signal.aborted;
  const landed = (entry: ManifestEntry, ms: number) => {
    outputs.push(entry);
    ctx.progress.written.push(entry.path);
    options.onOutput?.(entry, ms);
    options.onEvent?.({ type: 'output', entry, ms });
  };
  const writeSheets = async (of: ManifestEntry, bytes: Uint8Array, scheme: Imposition) => {
    const started = performance.now();
    const sheets = await imposedOutput(of, bytes, scheme);
    if (stopNow()) return;
    ledger.land(sheets.entry, sheets.bytes);
    landed(sheets.entry, performance.now() - started);
  };
  try {
    await Promise.all(
      stale.map(async (item) => {
        let started = performance.now();
        try {
          if (stopNow()) return;
          if (item.sheetsOnly) {
            const bytes = out.read(item.entry.path);
            if (bytes) await writeSheets(item.upToDate!, new Uint8Array(bytes), item.imposed!);
            return;
          }
          const rendered = await Promise.race([
            runner.run(
              item.job,
              (slot) => {
                started = performance.now();
                options.onEvent?.({ type: 'start', path: item.job.path, slot });
              },
              stop.signal,
            ),
            aborted,
          ]);
          // After a stop, nothing more is written: what is in the folder stays listed as it is.
          if (rendered === 'aborted' || stopNow()) return;
          const counter = outputFormat(item.job.format).pageCount;
          const pages = counter ? (await counter())(rendered) : undefined;
          if (stopNow()) return;
          const entry = entryOf(item.entry, { bytes: rendered.byteLength, ...(pages !== undefined ? { pages } : {}), sha256: sha256(rendered), key: item.key });
          ledger.land(entry, rendered);
          landed(entry, performance.now() - started);
          if (item.imposed) await writeSheets(entry, rendered, item.imposed);
        } catch (e) {
          if (stopNow() && !(e instanceof DiagnosticError)) return;
          errors.push(e);
          if (e instanceof DiagnosticError && e.diagnostics.some((d) => d.rule === 'io' || d.rule === 'path')) {
            halted = true;
            stop.abort();
          }
          options.onEvent?.({ type: 'failed', path: item.entry.path });
        }
      }),
    );
  } finally {
    if (!ctx.runner || signal?.aborted) await runner.close();
  }

  const notes: string[] = [];
  const upToDate = [...items.flatMap((i) => (i.upToDate ? [i.upToDate] : [])), ...upToDateSheets];
  if (signal?.aborted) {
    writeReleaseFiles(out, ledger.finish());
    throw new BuildStopped([], outcomeOf(ctx.progress, out), signalOf(signal));
  }
  if (options.previews !== false && !halted) {
    await writePreviews(out, [...outputs, ...upToDate], outputs, workerCount(jobs, outputs.length + upToDate.length), notes, (e) => {
      if (ledger.get(e.path)) ledger.record(e);
    });
  }
  for (const n of notes) options.onEvent?.({ type: 'note', message: n });

  // Outputs written before a failure are good files: they are listed, so the next run skips them.
  const manifest = ledger.finish();
  const release = writeReleaseFiles(out, manifest, { ...(options.release && errors.length === 0 ? { release: options.release } : {}), ...(ctx.epoch !== undefined ? { epoch: ctx.epoch } : {}) });

  if (errors.length > 0) {
    const other = errors.find((e) => !(e instanceof DiagnosticError));
    if (other) throw other;
    throw new BuildStopped(
      errors.flatMap((e) => (e as DiagnosticError).diagnostics),
      outcomeOf(ctx.progress, out),
    );
  }
  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { outputs, upToDate, removed: [...ctx.progress.removed], warnings: [...ctx.warnings, ...release.warnings], manifest, notes, releaseFiles: release.releaseFiles };
}

function signalOf(signal: AbortSignal): NodeJS.Signals {
  return signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}

/** A manifest entry with its fields in reading order: what it is, then the file's facts. */
function entryOf(what: Planned1['entry'], file: Pick<ManifestEntry, 'bytes' | 'pages' | 'sha256' | 'key'>): ManifestEntry {
  const { draft, ...rest } = what;
  const ordered: ManifestEntry = { ...rest, bytes: file.bytes, ...(file.pages !== undefined ? { pages: file.pages } : {}), sha256: file.sha256 };
  if (file.key !== undefined) ordered.key = file.key;
  if (draft) ordered.draft = true;
  return ordered;
}
