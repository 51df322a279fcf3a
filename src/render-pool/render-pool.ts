import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { isBuiltInFormat } from '../render/registry.js';
import { errorFromReply, renderJob, type RenderJob, type RenderReply } from './render-job.js';
import { packageDir } from '../package.js';
import { workerCount } from '../limits.js';

/** Runs render jobs; `slot` says which worker took a job (for the progress display). */
export interface RenderRunner {
  readonly size: number;
  /** Renders one job; a job not yet started when `signal` aborts is never started (its promise rejects). */
  run(job: RenderJob, onStart?: (slot: number) => void, signal?: AbortSignal): Promise<Uint8Array>;
  /** Starts every worker and loads these writers now, so start-up overlaps the caller's work. */
  warm?(formats: readonly string[]): void;
  close(): Promise<void>;
}

// worker_threads loads only when a build starts workers (a one-file build renders in this thread).
const requireHere = createRequire(import.meta.url);
const workerThreads = (): typeof import('node:worker_threads') => requireHere('node:worker_threads');

/** The machine's cores: the default for `--jobs`. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Renders in the calling thread, one job at a time: no worker start-up, for `--jobs 1`. */
export function inProcessRunner(): RenderRunner {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    size: 1,
    run(job, onStart, signal) {
      // Each job starts on a turn of the event loop of its own, so a signal (Ctrl-C) is seen
      // between two renders, not only after the last.
      const result = chain.then(nextTurn).then(() => {
        if (signal?.aborted) throw new Error(`not started: ${job.path}`);
        onStart?.(0);
        return renderJob(job);
      });
      chain = result.catch(() => undefined);
      return result;
    },
    async close() {},
  };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How long a closing worker may take to write its code cache before it is terminated. */
const CLOSE_GRACE_MS = 2000;

interface Pending {
  id: number;
  job: RenderJob;
  onStart: ((slot: number) => void) | undefined;
  signal: AbortSignal | undefined;
  resolve: (bytes: Uint8Array) => void;
  reject: (e: Error) => void;
}

/**
 * A pool of worker threads. Workers start lazily, at most `size`, and live until `close()`, so
 * each parses pdfmake and the fonts once however many jobs it renders. A job goes to the first
 * idle worker, in the order submitted.
 */
export function workerPool(requested: number): RenderRunner {
  // Never more than the limit, whoever asks (each worker holds its own fonts: some 100 MB).
  const size = workerCount(requested, requested);
  const entry = workerEntry();
  const workers: { worker: Worker; busy: Pending | undefined }[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let broken: Error | undefined;
  let closing = false;
  const inThisThread = inProcessRunner();

  const spawn = (): (typeof workers)[number] => {
    const slot = { worker: new (workerThreads().Worker)(entry.url), busy: undefined as Pending | undefined };
    slot.worker.on('message', (reply: RenderReply) => {
      const job = slot.busy;
      slot.busy = undefined;
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve(new Uint8Array(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
        else job.reject(errorFromReply(reply, job.job));
      }
      // Next turn: the finished job's output is reported before the next job is shown as started.
      setImmediate(pump);
    });
    const die = (e: Error) => {
      if (closing) return;
      broken ??= e;
      slot.busy?.reject(e);
      slot.busy = undefined;
      for (const p of queue.splice(0)) p.reject(e);
    };
    slot.worker.on('error', (e) => die(e instanceof Error ? e : new Error(String(e))));
    slot.worker.on('exit', (code) => {
      if (code !== 0) die(new Error(`render worker exited with code ${code}`));
    });
    workers.push(slot);
    return slot;
  };

  const pump = () => {
    // After close(), a pump a finished job scheduled must start no worker: none would be closed.
    if (closing) return;
    while (queue.length > 0) {
      let slot = workers.find((w) => !w.busy);
      if (!slot && workers.length < size) slot = spawn();
      if (!slot) return;
      const p = queue.shift()!;
      if (p.signal?.aborted) {
        p.reject(new Error(`not started: ${p.job.path}`));
        continue;
      }
      slot.busy = p;
      p.onStart?.(workers.indexOf(slot));
      slot.worker.postMessage({ id: p.id, job: p.job });
    }
  };

  return {
    size,
    run(job, onStart, signal) {
      if (broken) return Promise.reject(broken);
      if (closing) return Promise.reject(new Error(`not started: ${job.path}`));
      // A format added in this thread (registerFormat) is unknown to the workers: rendered here.
      if (!isBuiltInFormat(job.format)) return inThisThread.run(job, onStart, signal);
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ id: nextId++, job, onStart, signal, resolve, reject });
        pump();
      });
    },
    warm(formats) {
      while (workers.length < size) spawn();
      for (const w of workers) w.worker.postMessage({ warm: formats.filter(isBuiltInFormat) });
    },
    async close() {
      closing = true;
      // Jobs still waiting (a build stopped by a failed write) are never started.
      for (const p of queue.splice(0)) p.reject(new Error(`not started: ${p.job.path}`));
      const all = workers.splice(0);
      // An idle worker is asked to stop (it writes its code cache first); a busy or stuck one
      // is terminated.
      await Promise.all(
        all.map(async ({ worker, busy }) => {
          if (busy || broken) return void (await worker.terminate());
          const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
          worker.postMessage({ close: true });
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<void>((resolve) => {
            timer = setTimeout(() => void worker.terminate().then(() => resolve(), () => resolve()), CLOSE_GRACE_MS);
          });
          await Promise.race([exited, late]);
          clearTimeout(timer);
        }),
      );
    },
  };
}

/**
 * Where the worker's code is. From the bundle, `dist/worker.cjs` (an esbuild entry).
 * From TypeScript sources (vitest, tsx), this folder's render-worker.ts, loaded through tsx in
 * a small ESM bootstrap, since a worker does not inherit the parent's TypeScript loader.
 */
function workerEntry(): { url: URL } {
  const here = fileURLToPath(import.meta.url);
  if (/\.ts$/.test(here)) {
    const require = createRequire(import.meta.url);
    const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const target = pathToFileURL(path.join(path.dirname(here), 'render-worker.ts')).href;
    const boot = `import { tsImport } from ${JSON.stringify(tsxApi)};\nawait tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)});\n`;
    return { url: new URL(`data:text/javascript,${encodeURIComponent(boot)}`) };
  }
  const bundled = path.join(packageDir(), 'dist', 'worker.cjs');
  if (!fs.existsSync(bundled)) throw new Error(`render worker not found at ${bundled}; run \`npm run compile\``);
  return { url: pathToFileURL(bundled) };
}

/** Fewer outputs than this per worker render in this thread instead. */
const MIN_OUTPUTS_PER_WORKER = 2;

/** A worker pool when more than one job can run at once, else the calling thread. */
export function createRunner(jobs: number, pending: number): RenderRunner {
  // A worker pays its own module load and font parse (about 100 ms of a core): below two
  // outputs a worker, rendering here is sooner. (Measured on 2 cores: the seed's PDF here and
  // its DOCX on a worker took 0.43 s against 0.39 s for both here.)
  const n = workerCount(Math.min(jobs, Math.floor(pending / MIN_OUTPUTS_PER_WORKER)), pending);
  return n > 1 ? workerPool(n) : inProcessRunner();
}
