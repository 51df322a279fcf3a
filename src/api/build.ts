import path from 'node:path';
import { didYouMean, UsageError } from '../diagnostics/index.js';
import { parseShard, type Shard } from '../outputs/shard.js';
import { build as buildPipeline, type BuildOptions as PipelineOptions } from '../pipeline/build.js';
import { openProject, type Project } from '../project/open.js';
import { formatNames } from '../render/registry.js';
import { checkOptions } from './options.js';
import { buildOptionsSchema } from './schemas.js';
import type { BuildOptions, BuildResult } from './types.js';

export type { BuildOptions, BuildResult } from './types.js';

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

/**
 * The pipeline's settings for checked options: the project opened (root, jianbao.yaml), the
 * inputs taken from `cwd`, and each setting from the options, else jianbao.yaml, else the default.
 */
export function resolveBuild(o: BuildOptions): { project: Project; settings: PipelineOptions } {
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
    ...(o.pdfa !== undefined ? { pdfa: o.pdfa } : {}),
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    ...(o.force !== undefined ? { force: o.force } : {}),
    ...(o.verify !== undefined ? { verify: o.verify } : {}),
    ...(shard ? { shard } : {}),
    ...(o.release !== undefined ? { release: o.release } : {}),
    ...(o.previews !== undefined ? { previews: o.previews } : {}),
    ...(o.sourceDateEpoch !== undefined ? { sourceDateEpoch: o.sourceDateEpoch } : {}),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
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
