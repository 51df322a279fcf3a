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
  const files = Object.values(doc.fonts).flatMap((f) => [f.file, ...(f.bold ? [f.bold.file] : []), ...f.fallbacks]);
  for (const file of files) forgetGlyphs(file);
  allowFiles([...files.map((f) => path.dirname(f)), ...options.readableRoots]);
  const date = new Date(`${doc.meta.date}T00:00:00Z`);
  const flow = blocksToPdf(doc, doc.blocks, textWidth);
  // pdfmake asks for each page's background as it adds the page, numbering from 1 on each layout
  // pass it makes: the last number asked is the page count of the layout it drew.
  let laidOut = 0;
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
    content: flow.content,
    footer: footer(doc),
    header: header(doc),
    watermark: watermark(doc),
    background: (page: number) => {
      laidOut = page;
      return null;
    },
    compress: true,
  };
  for (const key of Object.keys(def)) if (def[key] === undefined) delete def[key];
  const anchors = anchoredNodes(def.content);
  const output = pdfmake().createPdf(def);
  // A face embedded whole keeps its glyph ids: fill pdfkit's per-glyph tables before it ends.
  if (Object.values(doc.fonts).some((f) => f.embedWhole || f.bold?.embedWhole)) completeWholeFonts(await output.getStream());
  const buffer = await output.getBuffer();
  const pdf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // The flow was paginated before pdfmake saw it, every piece fitting its page: a page pdfmake
  // broke on its own would be a misprint (a line pushed over, a page half empty). Never silent.
  if (laidOut !== flow.pages) throw new Error(`pdfmake laid out ${laidOut} pages where ${flow.pages} were paginated: it broke a page the paginator did not`);
  rememberAnchorPages(doc, anchors);
  return pdf;
}

/** The page each block with an id starts on in this document's PDF (laid out now, unless a PDF of it was just written here). */
export const anchorPages: AnchorPages = async (doc, options) => {
  const known = rememberedAnchorPages(doc);
  if (known) return known;
  await renderPdf(doc, { readableRoots: options.readableRoots });
  return rememberedAnchorPages(doc) ?? new Map();
};
