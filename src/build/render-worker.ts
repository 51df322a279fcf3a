/**
 * Worker-thread entry of the render pool. esbuild bundles it as `dist/render-worker.mjs`;
 * under vitest or tsx the pool loads this TypeScript file through tsx. Modules are cached per
 * thread, so pdfmake and the parsed fonts stay loaded from one job to the next.
 */
import { parentPort } from 'node:worker_threads';
import { renderJob, replyForError, type RenderJob, type RenderReply } from './render-job.js';

const port = parentPort;
if (!port) throw new Error('render-worker runs as a worker thread');

port.on('message', async (message: { id: number; job: RenderJob }) => {
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
