import path from 'node:path';
import type { Doc } from '../../ir/index.js';
import type { WriterOptions } from '../writer.js';
import { blocksToPdf } from './blocks.js';
import { footer, header, watermark } from './page-furniture.js';
import { forgetGlyphs } from '../../fonts/font-file.js';
import { allowFiles, registerFonts } from './pdfmake-env.js';

/**
 * A page of N grid lines is exactly N pitches tall; pdfmake would drop the last line for float
 * noise in that sum, so the bottom margin gives way by a hundredth of a point.
 */
const GRID_EPSILON = 0.01;

/**
 * The pdfmake document definition of the IR, with fonts registered and file access limited to it.
 * Dates come from the document (the content's date), never the clock, and pdfkit derives the file
 * ID from the info dictionary, so equal input gives equal bytes.
 */
export function pdfDefinition(doc: Doc, options: WriterOptions): PdfDefinition {
  const { margins, width, height } = doc.page;
  const textWidth = width - margins.left - margins.right;
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
    // PDF/A-2b: pdfkit adds the sRGB output intent and the pdfaid XMP (escaped and complete,
    // see src/patches/pdfmake.ts); XMP needs PDF 1.4 or later, and PDF/A-2 is based on 1.7.
    ...(doc.pdf ? { version: '1.7', subset: doc.pdf.standard } : {}),
  };
  for (const key of Object.keys(def)) if (def[key] === undefined) delete def[key];
  return { def, pages: flow.pages, laidOutPages: () => laidOut };
}

export interface PdfDefinition {
  def: Record<string, unknown>;
  /** The pages the flow was paginated into, before pdfmake saw it. */
  pages: number;
  /** The pages pdfmake laid out, once it has. */
  laidOutPages(): number;
}
