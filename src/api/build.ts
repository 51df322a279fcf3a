import path from 'node:path';
import { z } from '../content/zod.js';
import { didYouMean, UsageError } from '../diagnostics/index.js';
import { isReleaseName } from '../outputs/release.js';
import { parseShard, type Shard } from '../outputs/shard.js';
import { build as buildPipeline, type BuildEvent, type BuildOptions as PipelineOptions, type BuildResult as PipelineResult } from '../pipeline/build.js';
import { openProject, type Project } from '../project/open.js';
import { formatNames } from '../render/registry.js';
import { callback, checkOptions, folder, nameList, pathList, whereSchema } from './options.js';

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
});

export type BuildOptions = z.input<typeof buildOptionsSchema>;

/** What a build did. */
export interface BuildResult extends PipelineResult {
  /** The project's root folder. */
  root: string;
  /** The out folder written. */
  outDir: string;
}

/**
 * Builds a project's content × layouts × formats, as `jianbao build` does: only outputs whose
 * inputs changed are rendered, and the manifest, SHA256SUMS, previews and index follow. Bad
 * content throws a DiagnosticError carrying every diagnostic (nothing is written); options
 * that do not fit throw a UsageError.
 *
 * @example
 *   import { build } from 'jianbao';
 *   const { outputs, outDir } = await build({ inputs: ['content/articles'], formats: ['pdf'] });
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const o = checkOptions('build', buildOptionsSchema, options);
  const { project, settings } = resolveBuild(o);
  const result = await buildPipeline(settings);
  return { ...result, root: project.root, outDir: project.paths.outDir };
}

export type CheckedBuildOptions = z.output<typeof buildOptionsSchema>;

/**
 * The pipeline's settings for checked options: the project opened (root, jianbao.yaml), the
 * inputs taken from `cwd`, and each setting from the options, else jianbao.yaml, else the default.
 */
export function resolveBuild(o: CheckedBuildOptions): { project: Project; settings: PipelineOptions } {
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const inputs = (o.inputs ?? []).map((i) => path.resolve(cwd, i));
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}), inputs, ...(o.out !== undefined ? { out: o.out } : {}) });
  const config = project.config.data;
  const formats = o.formats ?? config.formats;
  if (o.formats) checkFormats(o.formats);
  const shard: Shard | undefined = typeof o.shard === 'string' ? parseShard(o.shard) : o.shard;
  const settings: PipelineOptions = {
    paths: project.paths,
    inputs,
    ...(o.layouts ? { layouts: o.layouts } : {}),
    ...(formats ? { formats } : {}),
    ...(config.layouts ? { defaultLayouts: config.layouts } : {}),
    ...(config.series ? { seriesDefaults: config.series } : {}),
    ...(o.draft !== undefined ? { draft: o.draft } : {}),
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    ...(o.force !== undefined ? { force: o.force } : {}),
    ...(o.verify !== undefined ? { verify: o.verify } : {}),
    ...(shard ? { shard } : {}),
    ...(o.release !== undefined ? { release: o.release } : {}),
    ...(o.previews !== undefined ? { previews: o.previews } : {}),
    ...(o.sourceDateEpoch !== undefined ? { sourceDateEpoch: o.sourceDateEpoch } : {}),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  };
  return { project, settings };
}

/** Every format named must be one the registry knows (one registered by a plug-in counts). */
export function checkFormats(formats: readonly string[]): void {
  const known = formatNames();
  for (const f of formats) {
    if (known.includes(f)) continue;
    const near = didYouMean(f, known);
    throw new UsageError(`unknown format \`${f}\``, [near ? `did you mean \`${near}\`?` : `formats: ${known.join(', ')}`]);
  }
}
