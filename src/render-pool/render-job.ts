import { DiagnosticError, type Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import { outputFormat } from '../render/registry.js';
import type { Writer, WriterOptions } from '../render/writer.js';

/** One output to render: plain data, so it crosses to a worker thread by structured clone. */
export interface RenderJob {
  /** Output path relative to the out folder; names the job in progress and errors. */
  path: string;
  /** A format of the registry (src/render/registry.ts). */
  format: string;
  doc: Doc;
  options: WriterOptions;
  /** Read the rendered bytes back and compare their text with the document (`--verify`). */
  verify?: boolean;
}

/** What a worker sends back: the bytes, or the error as data (diagnostics survive the crossing). */
export type RenderReply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; diagnostics: Diagnostic[] }
  | { id: number; ok: false; message: string; stack?: string };

const writers = new Map<string, Writer>();

async function writerOf(format: string): Promise<Writer> {
  let writer = writers.get(format);
  if (!writer) {
    writer = await outputFormat(format).load();
    writers.set(format, writer);
  }
  return writer;
}

/** Loads the writers of these formats ahead of the first job (a worker does it while the build plans). */
export async function loadWriters(formats: readonly string[]): Promise<void> {
  for (const f of formats) await writerOf(f);
}

/** Renders one job in this thread; each writer (and its fonts) loads once per thread. */
export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  const bytes = await (await writerOf(job.format))(job.doc, job.options);
  if (job.verify) {
    // Read back in the same thread, so pdf.js parsing runs in parallel too; a loss stops the output.
    const verify = outputFormat(job.format).verify;
    const lost = verify ? await (await verify())(job.doc, bytes, { output: job.path }) : [];
    if (lost.length > 0) throw new DiagnosticError(lost);
  }
  return bytes;
}

/** Turns a thrown error into a reply; the inverse is `errorFromReply`. */
export function replyForError(id: number, e: unknown): RenderReply {
  if (e instanceof DiagnosticError) return { id, ok: false, diagnostics: e.diagnostics };
  if (e instanceof Error) return { id, ok: false, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { id, ok: false, message: String(e) };
}

export function errorFromReply(reply: Exclude<RenderReply, { ok: true }>, job: RenderJob): Error {
  if ('diagnostics' in reply) return new DiagnosticError(reply.diagnostics);
  const error = new Error(`rendering ${job.path}: ${reply.message}`);
  if (reply.stack) error.stack = `${error.message}\n(in worker) ${reply.stack}`;
  return error;
}
