import path from 'node:path';
import type { Doc } from '../../ir/index.js';
import type { AnchorPages, WriterOptions } from '../writer.js';
import { anchoredNodes, rememberAnchorPages, rememberedAnchorPages } from './anchor-pages.js';
import { blocksToPdf } from './blocks.js';
import { footer, header, watermark } from './page-furniture.js';
import { forgetGlyphs } from '../../fonts/font-file.js';
import { allowFiles, pdfmake, registerFonts } from './pdfmake-env.js';
import { completeWholeFonts } from '../../patches/pdfmake.js';
import { loadHyphenation, needsHyphenation } from '../../compose/index.js';
import { textUnits, unitText } from '../../verify/ir-text.js';


/**
 * Renders the IR to PDF bytes. Dates come from the document (the content's date), never the
 * clock, and pdfkit derives the file ID from the info dictionary, so equal input gives equal bytes.
 */
const GRID_EPSILON = 0.01;

export async function renderPdf(doc: Doc, options: WriterOptions): Promise<Uint8Array> {
  const { margins, width, height } = doc.page;
  const textWidth = width - margins.left - margins.right;
  // The hyphenation patterns load only for a document with a long Latin word (see compose/hyphenate.ts).
  if (doc.composition.breakInsideWords && textUnits(doc).some((u) => needsHyphenation(unitText(u)))) await loadHyphenation();
  registerFonts(doc.fonts);
  for (const face of Object.values(doc.fonts)) for (const file of [face.file, ...face.fallbacks]) forgetGlyphs(file);
  allowFiles([...Object.values(doc.fonts).flatMap((f) => [path.dirname(f.file), ...f.fallbacks.map((x) => path.dirname(x))]), ...options.readableRoots]);
  const date = new Date(`${doc.meta.date}T00:00:00Z`);
  const def: Record<string, unknown> = {
    pageSize: { width, height },
    // A page of N grid lines is exactly N pitches tall; pdfmake would drop the last line for float
    // noise in that sum, so the bottom margin gives way by a hundredth of a point.
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom - GRID_EPSILON],
    info: {
      title: doc.meta.title,
      author: doc.meta.author ?? '',
      subject: doc.meta.subject ?? '',
      keywords: doc.meta.keywords ?? '',
      creator: 'jianbao',
      producer: 'jianbao (pdfmake)',
      creationDate: date,
      modDate: date,
    },
    language: doc.meta.lang,
    defaultStyle: { font: Object.keys(doc.fonts)[0] },
    content: blocksToPdf(doc, doc.blocks, textWidth),
    footer: footer(doc),
    header: header(doc),
    watermark: watermark(doc),
    compress: true,
  };
  for (const key of Object.keys(def)) if (def[key] === undefined) delete def[key];
  const anchors = anchoredNodes(def.content);
  const pdf = pdfmake().createPdf(def);
  // A face embedded whole keeps its glyph ids: fill pdfkit's per-glyph tables before it ends.
  if (Object.values(doc.fonts).some((f) => f.embedWhole)) completeWholeFonts(await pdf.getStream());
  const buffer = await pdf.getBuffer();
  rememberAnchorPages(doc, anchors);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The page each block with an id starts on in this document's PDF (laid out now, unless a PDF of it was just written here). */
export const anchorPages: AnchorPages = async (doc, options) => {
  const known = rememberedAnchorPages(doc);
  if (known) return known;
  await renderPdf(doc, { readableRoots: options.readableRoots });
  return rememberedAnchorPages(doc) ?? new Map();
};
