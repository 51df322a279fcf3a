import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from './build.js';
import { defaultJobs, inProcessRunner, workerPool } from '../render-pool/render-pool.js';
import { workerCount } from '../limits.js';

export interface WatchOptions extends BuildOptions {
  /** Stops watching (Ctrl-C in the CLI). */
  signal: AbortSignal;
  /** Quiet time after the last change before rebuilding: editors write a file in several steps. */
  debounceMs?: number;
  /** After each build: its result, or the error that stopped it (the last good outputs stay). */
  onBuild: (outcome: { result: BuildResult; ms: number } | { error: unknown; ms: number }, changed: string[]) => void;
  /** Called once the watchers are in place (tests wait for it before saving files). */
  onReady?: (folders: string[]) => void;
}

/**
 * `jianbao build --watch`: builds, then watches content, templates (with partials and themes)
 * and fonts, and rebuilds after each save. The build is incremental, so only outputs whose
 * build key changed are rendered; the render workers stay up between builds, fonts parsed.
 * A save with errors rebuilds nothing: the build lays everything out before writing.
 */
export async function watchBuild(options: WatchOptions): Promise<void> {
  const { paths, signal } = options;
  const jobs = options.jobs ?? defaultJobs();
  // Workers start as jobs come, at most the limit's (src/limits.ts), however many --jobs asks for.
  const runner = jobs > 1 ? workerPool(workerCount(jobs, Number.POSITIVE_INFINITY)) : inProcessRunner();
  const folders = [paths.contentDir, paths.templatesDir, path.join(paths.projectDir, 'fonts')].filter((d, i, all) => fs.existsSync(d) && all.indexOf(d) === i);
  const outDir = path.resolve(paths.outDir);

  let running: Promise<void> | undefined;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async (changed: string[]) => {
    const started = performance.now();
    try {
      // --force applies to the first build; after that, each save rebuilds what it affects.
      const result = await build({ ...options, runner, force: Boolean(options.force) && changed.length === 0 });
      options.onBuild({ result, ms: performance.now() - started }, changed);
    } catch (error) {
      // Stopped by Ctrl-C: the build has left its manifest true; the watch is ending, not failing.
      if (signal.aborted) return;
      options.onBuild({ error, ms: performance.now() - started }, changed);
    }
  };
  const trigger = () => {
    timer = undefined;
    if (running || signal.aborted || pending.size === 0) return;
    const changed = [...pending].sort();
    pending = new Set();
    running = runOnce(changed).finally(() => {
      running = undefined;
      if (pending.size > 0 && !signal.aborted) trigger();
    });
  };
  const onChange = (folder: string, name: string | Buffer | null) => {
    const file = path.resolve(folder, name ? String(name) : '.');
    if (file === outDir || file.startsWith(outDir + path.sep)) return;
    if (/(^|[/\\])(\.[^/\\]*\.tmp|.*~|\.#.*|4913)$/.test(file)) return; // our and editors' temporary files
    pending.add(path.relative(paths.projectDir, file).split(path.sep).join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(trigger, options.debounceMs ?? 60);
  };

  const watchers = folders.map((folder) => fs.watch(folder, { recursive: true }, (_event, name) => onChange(folder, name)));
  try {
    running = runOnce([]);
    await running;
    running = undefined;
    options.onReady?.(folders);
    if (pending.size > 0) trigger();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    for (const w of watchers) w.close();
    if (timer) clearTimeout(timer);
    await running;
    await runner.close();
  }
}
