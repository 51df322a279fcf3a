import fs from 'node:fs';
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { build, type BuildOptions, type BuildResult } from './build.js';
import { defaultJobs, inProcessRunner, workerPool } from '../render-pool/render-pool.js';
import { workerCount } from '../limits.js';

export interface WatchOptions extends BuildOptions {
  /** Stops watching (Ctrl-C in the CLI). */
  signal: AbortSignal;
  /** Quiet time after the last change before rebuilding: editors write a file in several steps. */
  debounceMs?: number;
  /**
   * The build's settings afresh, before each build: a changed jianbao.yaml (formats, layouts, out
   * folder) applies from the next save on. Its errors are the build's. Default: the options as given.
   */
  settings?: () => BuildOptions;
  /** After each build: its result, or the error that stopped it (the last good outputs stay). */
  onBuild: (outcome: { result: BuildResult; ms: number } | { error: unknown; ms: number }, changed: string[]) => void;
  /** Called once the watchers are in place (tests wait for it before saving files). */
  onReady?: (folders: string[]) => void;
}

/** What a project's build reads, under its root: content, its own layouts, fonts and settings. */
const WATCHED = ['content', 'templates', 'fonts', 'jianbao.yaml'];

/** Our own and editors' temporary files: `.x.123.tmp`, `x~`, `.#x` (Emacs), `4913` (Vim's probe), `.x.swp`. */
const TEMPORARY = /(^|[/\\])(\.[^/\\]*\.tmp|[^/\\]*~|\.#[^/\\]*|4913|\.[^/\\]*\.sw[a-p])$/;

/**
 * `jianbao build --watch`: builds, then watches the project and rebuilds after each save. The
 * build is incremental, so only outputs whose build key changed are rendered; the render
 * workers stay up between builds, fonts parsed. A save with errors rebuilds nothing: the build
 * lays everything out before writing.
 *
 * chokidar watches the project's root folder, not content/ itself: a save by rename (editors'
 * safe write, `sed -i`, `import --into --yes`) is seen as a change of the file, and a content/
 * deleted and made again is seen again, file by file (Node's own recursive fs.watch goes deaf
 * to a file renamed over and to a folder made again; test/pipeline/watch-editors.test.ts).
 */
export async function watchBuild(options: WatchOptions): Promise<void> {
  const { paths, signal } = options;
  const jobs = options.jobs ?? defaultJobs();
  // Workers start as jobs come, at most the limit's (src/limits.ts), however many --jobs asks for.
  const runner = jobs > 1 ? workerPool(workerCount(jobs, Number.POSITIVE_INFINITY)) : inProcessRunner();
  const root = path.resolve(paths.projectDir);

  let running: Promise<void> | undefined;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let outDir = path.resolve(paths.outDir);

  const runOnce = async (changed: string[]) => {
    const started = performance.now();
    try {
      const settings = options.settings ? options.settings() : options;
      outDir = path.resolve(settings.paths.outDir);
      // --force applies to the first build; after that, each save rebuilds what it affects.
      const result = await build({ ...settings, runner, force: Boolean(settings.force) && changed.length === 0 });
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
  const onChange = (file: string) => {
    const abs = path.resolve(root, file);
    if (abs === outDir || abs.startsWith(outDir + path.sep)) return;
    if (TEMPORARY.test(abs)) return;
    pending.add(path.relative(root, abs).split(path.sep).join('/') || '.');
    if (timer) clearTimeout(timer);
    timer = setTimeout(trigger, options.debounceMs ?? 60);
  };

  // The root itself, and below it only what a build reads (not out/, node_modules/ or .git/).
  const watched = (p: string): boolean => {
    const rel = path.relative(root, path.resolve(p));
    if (rel === '') return true;
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return WATCHED.includes(rel.split(path.sep)[0]!);
  };
  const watchers: FSWatcher[] = [chokidarWatch(root, { ignoreInitial: true, ignored: (p) => !watched(p) })];
  for (const w of watchers) {
    w.on('all', (_event, file) => onChange(file));
    w.on('error', () => {
      // A folder that vanished mid-scan; the next event or build says what is wrong.
    });
  }
  try {
    await Promise.all(watchers.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve()))));
    running = runOnce([]);
    await running;
    running = undefined;
    options.onReady?.(WATCHED.filter((n) => n !== 'jianbao.yaml').map((n) => path.join(root, n)).filter((d) => fs.existsSync(d)));
    if (pending.size > 0) trigger();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    if (timer) clearTimeout(timer);
    await Promise.all(watchers.map((w) => w.close()));
    await running;
    await runner.close();
  }
}
