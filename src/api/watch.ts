import { z } from '../content/zod.js';
import { watchBuild } from '../pipeline/watch.js';
import type { BuildResult as PipelineResult } from '../pipeline/build.js';
import { buildOptionsSchema, resolveBuild } from './build.js';
import { abortSignal, callback, checkOptions } from './options.js';

/** A rebuild's outcome: its result, or the error that stopped it (the last good outputs stay). */
export type WatchOutcome = { result: PipelineResult; ms: number } | { error: unknown; ms: number };

export const watchOptionsSchema = buildOptionsSchema.extend({
  /** Stops the watch; the promise resolves once the watchers and workers are closed. */
  signal: abortSignal,
  /** Quiet time after the last change before rebuilding (default 60 ms). */
  debounceMs: z.number({ error: 'expected milliseconds' }).int().min(0).max(60_000).optional(),
  /** After each build, with the project-relative paths whose change started it (none for the first). */
  onBuild: callback<(outcome: WatchOutcome, changed: string[]) => void>(),
  /** Once the first build is done and the watch is in place, with the folders watched. */
  onReady: callback<(folders: string[]) => void>().optional(),
});

export type WatchOptions = z.input<typeof watchOptionsSchema>;

/**
 * Builds, then rebuilds on every save until `signal` aborts, as `jianbao build --watch` does:
 * content, the project's templates/, fonts/ and jianbao.yaml are watched, saves by rename and a
 * content/ deleted and made again included. A save with errors rebuilds nothing and is reported
 * through `onBuild`.
 *
 * @example
 *   const stop = new AbortController();
 *   await watch({ signal: stop.signal, onBuild: (o) => console.log('error' in o ? o.error : o.result.outputs) });
 */
export async function watch(options: WatchOptions): Promise<void> {
  const o = checkOptions('watch', watchOptionsSchema, options);
  const { signal, debounceMs, onBuild, onReady, ...buildOptions } = o;
  // The project is opened now (no project is an error at once); jianbao.yaml is read again before each build.
  // The root stays the one found now, even while content/ is deleted and made again.
  const first = resolveBuild(buildOptions).settings;
  const again = { ...buildOptions, root: first.paths.projectDir };
  await watchBuild({
    ...first,
    signal,
    ...(debounceMs !== undefined ? { debounceMs } : {}),
    settings: () => resolveBuild(again).settings,
    onBuild,
    ...(onReady ? { onReady } : {}),
  });
}
