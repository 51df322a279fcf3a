// First, as in pdfmake-env: the pdfmake internals src/patches/pdfmake.ts imports load pdfkit, which
// must find the shared fontkit (fonts parsed once, with their line box) already there.
import '../../fonts/pdfkit-fontkit.js';
import type { Doc } from '../../ir/index.js';
import { completeWholeFonts, renderedPages } from '../../patches/pdfmake.js';
import { pdfmake } from './pdfmake-env.js';
import type { WriterOptions } from '../writer.js';
import { anchoredNodes, rememberAnchorPages } from './anchor-pages.js';
import { pdfDefinition } from './definition.js';
import { loadHyphenation, needsHyphenation } from '../../compose/index.js';
import { textUnits, unitText } from '../../verify/ir-text.js';

/**
 * The PDF's layout pass, shared by the PDF and the other fixed-layout formats (OFD): pdfmake's
 * laid-out pages, exactly as its Renderer drew them into the PDF, and the pdfkit document they
 * were drawn on (its fonts and images). Nothing is laid out a second time, so nothing can differ.
 */
export interface PdfLayout {
  /** pdfmake's pages (LayoutBuilder output): items of type line, vector, image…, plus the watermark. */
  pages: readonly object[];
  /** The pdfkit document the pages were rendered on, not yet ended. */
  kit: object;
  /** Ends the document and gives the PDF's bytes. */
  pdf(): Promise<Uint8Array>;
}

interface OutputDocument {
  getStream(): Promise<object>;
  getBuffer(): Promise<Buffer>;
}

export async function layOutPdf(doc: Doc, options: WriterOptions): Promise<PdfLayout> {
  // The hyphenation patterns load only for a document with a long Latin word (see compose/hyphenate.ts).
  if (doc.composition.breakInsideWords && textUnits(doc).some((u) => needsHyphenation(unitText(u)))) await loadHyphenation();
  const { def, pages: planned, laidOutPages } = pdfDefinition(doc, options);
  const anchors = anchoredNodes(def.content);
  const output = pdfmake().createPdf(def) as unknown as OutputDocument;
  const kit = await output.getStream();
  // The flow was paginated before pdfmake saw it, every piece fitting its page: a page pdfmake
  // broke on its own would be a misprint (a line pushed over, a page half empty). Never silent.
  if (laidOutPages() !== planned) throw new Error(`pdfmake laid out ${laidOutPages()} pages where ${planned} were paginated: it broke a page the paginator did not`);
  // A face embedded whole keeps its glyph ids: fill pdfkit's per-glyph tables before it ends.
  if (Object.values(doc.fonts).some((f) => f.embedWhole || f.bold?.embedWhole)) completeWholeFonts(kit);
  // The pages of anchored blocks are known once pdfmake has laid them out (a DOCX after this reads them).
  rememberAnchorPages(doc, anchors);
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
