import type { Doc } from '../../ir/index.js';
import { renderedPages } from '../../patches/pdfmake.js';
import { pdfmake } from './pdfmake-env.js';
import type { WriterOptions } from '../writer.js';
import { pdfDefinition } from './render-pdf.js';

/**
 * The PDF's layout pass, opened up for the other fixed-layout formats (OFD): pdfmake's laid-out
 * pages, exactly as its Renderer drew them into the PDF, and the pdfkit document they were drawn
 * on (its fonts and images). Nothing is laid out a second time, so nothing can differ.
 */
export interface PdfLayout {
  /** pdfmake's pages (LayoutBuilder output): items of type line, vector, image…, plus the watermark. */
  pages: readonly object[];
  /** The pdfkit document the pages were rendered on, not yet ended. */
  kit: object;
  /** Ends the document and gives the PDF's bytes (the same bytes `renderPdf` gives). */
  pdf(): Promise<Uint8Array>;
}

interface OutputDocument {
  getStream(): Promise<object>;
  getBuffer(): Promise<Buffer>;
}

export async function layOutPdf(doc: Doc, options: WriterOptions): Promise<PdfLayout> {
  const output = pdfmake().createPdf(pdfDefinition(doc, options)) as unknown as OutputDocument;
  const kit = await output.getStream();
  const pages = renderedPages(kit);
  return {
    pages,
    kit,
    pdf: async () => {
      const buffer = await output.getBuffer();
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}
