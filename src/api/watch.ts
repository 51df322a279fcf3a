import { watchBuild } from '../pipeline/watch.js';
import { resolveBuild } from './build.js';
import { checkOptions } from './options.js';
import { watchOptionsSchema } from './schemas.js';
import type { WatchOptions } from './types.js';

export type { WatchOptions, WatchOutcome } from './types.js';


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
