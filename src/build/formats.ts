import type { Doc } from '../ir/index.js';

export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderContext {
  /** Folders a renderer may read images from. */
  readableRoots: string[];
}

/** A writer: options and document in, bytes out. Loaded lazily, so a DOCX-only build never loads pdfmake. */
export type Writer = (doc: Doc, ctx: RenderContext) => Promise<Uint8Array>;

export const WRITERS: Record<Format, () => Promise<Writer>> = {
  pdf: async () => (await import('../render/pdf/render-pdf.js')).renderPdf,
  docx: async () => {
    const { renderDocx } = await import('../render/docx/render-docx.js');
    return (doc) => renderDocx(doc);
  },
};

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}
