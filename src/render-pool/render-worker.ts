/**
 * Worker-thread entry of the render pool. esbuild bundles it as `dist/worker.cjs`;
 * under vitest or tsx the pool loads this TypeScript file through tsx. Modules are cached per
 * thread, so pdfmake and the parsed fonts stay loaded from one job to the next.
 */
import { parentPort } from 'node:worker_threads';
import { loadWriters, renderJob, replyForError, type RenderJob, type RenderReply } from './render-job.js';

const port = parentPort;
if (!port) throw new Error('render-worker runs as a worker thread');

/** The V8 code cache of dist/worker.cjs (absent under tsx). */
const codeCache = (globalThis as { __jianbaoCodeCache?: { flush(as?: string): void } }).__jianbaoCodeCache;
const rendered = new Set<string>();

port.on('message', async (message: { id: number; job: RenderJob } | { warm: string[] } | { close: true }) => {
  if ('close' in message) {
    // Asked to stop when the build is done: the code cache learns what this worker ran (a
    // worker that only wrote DOCX compiled no PDF code), then the thread ends.
    if (rendered.size > 0) codeCache?.flush(`worker:${[...rendered].sort().join('+')}`);
    port.close();
    return;
  }
  if ('warm' in message) {
    // Best effort: a failure to load shows again, with its message, on the first real job.
    await loadWriters(message.warm).catch(() => undefined);
    return;
  }
  let reply: RenderReply;
  try {
    const bytes = await renderJob(message.job);
    rendered.add(message.job.format);
    // A small Buffer may be a view into Node's shared pool: copy it before transferring.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    reply = { id: message.id, ok: true, bytes: own };
    port.postMessage(reply, [own.buffer as ArrayBuffer]);
    return;
  } catch (e) {
    reply = replyForError(message.id, e);
  }
  port.postMessage(reply);
});
