import type { Doc } from '../../ir/index.js';
import type { AnchorPages, WriterOptions } from '../writer.js';
import { DiagnosticError } from '../../diagnostics/index.js';
import { pdfaImageProblems } from '../../pdfa/images.js';
import { rememberedAnchorPages } from './anchor-pages.js';
import { layOutPdf } from './laid-out.js';

/** Renders the IR to PDF bytes: equal input gives equal bytes (see definition.ts). */
export async function renderPdf(doc: Doc, options: WriterOptions): Promise<Uint8Array> {
  if (doc.pdf) {
    // The pipeline refuses these when it lays out; a caller of the writer alone gets the same errors.
    const refused = pdfaImageProblems(doc);
    if (refused.length > 0) throw new DiagnosticError(refused);
  }
  const layout = await layOutPdf(doc, options);
  return layout.pdf();
}

/** The page each block with an id starts on in this document's PDF (laid out now, unless a PDF of it was just laid out here). */
export const anchorPages: AnchorPages = async (doc, options) => {
  const known = rememberedAnchorPages(doc);
  if (known) return known;
  await layOutPdf(doc, { readableRoots: options.readableRoots });
  return rememberedAnchorPages(doc) ?? new Map();
};
