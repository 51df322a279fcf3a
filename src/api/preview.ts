import { createRequire } from 'node:module';
import path from 'node:path';
import { DiagnosticError, formatDiagnostic, UsageError } from '../diagnostics/index.js';
import { packageDir } from '../package.js';
import type { BuildEvent } from '../pipeline/build.js';
import { watchBuild } from '../pipeline/watch.js';
import { startPreviewServer } from '../preview/server.js';
import { resolveBuild } from './build.js';
import { checkOptions } from './options.js';
import { previewOptionsSchema } from './schemas.js';
import type { Preview, PreviewOptions } from './types.js';

export type { Preview, PreviewOptions } from './types.js';


/**
 * `jianbao preview`: builds, watches and serves the outputs to a browser page on this machine
 * (pdf.js draws each PDF's pages; out/index.html lists them all), which reloads what changed
 * after every save through server-sent events. Resolves once the server listens.
 */
export async function preview(options: PreviewOptions = {}): Promise<Preview> {
  const o = checkOptions('preview', previewOptionsSchema, options);
  const { port, host, signal, onBuild, onEvent, ...buildOptions } = o;
  const first = resolveBuild(buildOptions).settings;
  const again = { ...buildOptions, root: first.paths.projectDir };
  let outDir = first.paths.outDir;
  let server;
  try {
    server = await startPreviewServer({ outDir: () => outDir, viewerDir: path.join(packageDir(), 'viewer'), pdfjs: pdfjsAssets(), host: host ?? '127.0.0.1', port: port ?? 0 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen on port ${port}: ${code === 'EADDRINUSE' ? 'it is in use' : 'not allowed'}`, ['leave --port out to take a free one']);
    throw e;
  }
  const stop = new AbortController();
  signal?.addEventListener('abort', () => stop.abort(), { once: true });
  let seq = 0;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const clock = () => new Date().toTimeString().slice(0, 8);
  // The page hears of each output as soon as it is written: a PDF is drawn again before the
  // build's other outputs and previews are done.
  const announce = (e: BuildEvent) => {
    if (e.type === 'plan' && e.toBuild > 0) server.building();
    if (e.type === 'output') server.output({ path: e.entry.path, sha256: e.entry.sha256, ...(e.entry.pages !== undefined ? { pages: e.entry.pages } : {}) });
    onEvent?.(e);
  };
  const watching = watchBuild({
    ...first,
    onEvent: announce,
    signal: stop.signal,
    settings: () => {
      const s = resolveBuild(again).settings;
      outDir = s.paths.outDir;
      return { ...s, onEvent: announce };
    },
    onBuild: (outcome, changed) => {
      seq++;
      if ('error' in outcome) {
        const message = outcome.error instanceof DiagnosticError ? outcome.error.diagnostics.map(formatDiagnostic).join('\n') : outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
        server.built({ seq, ok: false, rebuilt: 0, total: 0, at: clock(), message });
      } else {
        const r = outcome.result;
        server.built({ seq, ok: true, rebuilt: r.outputs.length, total: r.outputs.length + r.upToDate.length, at: clock() });
      }
      onBuild?.(outcome, changed);
    },
    onReady: () => markReady(),
  });
  const closed = watching.finally(() => server.close());
  // A watch that fails to start still ends the wait for it.
  void closed.catch(() => undefined).finally(() => markReady());
  return {
    url: server.url,
    root: first.paths.projectDir,
    port: server.port,
    ready,
    closed,
    async close() {
      stop.abort();
      await closed;
    },
  };
}

/** pdf.js's files the viewer loads, from the installed pdfjs-dist. */
function pdfjsAssets(): Record<string, string> {
  const dir = path.dirname(createRequire(path.join(packageDir(), 'package.json')).resolve('pdfjs-dist/package.json'));
  return { 'pdf.min.mjs': path.join(dir, 'build/pdf.min.mjs'), 'pdf.worker.min.mjs': path.join(dir, 'build/pdf.worker.min.mjs') };
}
