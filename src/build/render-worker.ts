/**
 * Worker-thread entry of the render pool. esbuild bundles it as `dist/render-worker.mjs`;
 * under vitest or tsx the pool loads this TypeScript file through tsx. Modules are cached per
 * thread, so pdfmake and the parsed fonts stay loaded from one job to the next.
 */
import { parentPort } from 'node:worker_threads';
import type { Format } from './formats.js';
import { loadWriters, renderJob, replyForError, type RenderJob, type RenderReply } from './render-job.js';

const port = parentPort;
if (!port) throw new Error('render-worker runs as a worker thread');

port.on('message', async (message: { id: number; job: RenderJob } | { warm: Format[] }) => {
  if ('warm' in message) {
    // Best effort: a failure to load shows again, with its message, on the first real job.
    await loadWriters(message.warm).catch(() => undefined);
    return;
  }
  let reply: RenderReply;
  try {
    const bytes = await renderJob(message.job);
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
