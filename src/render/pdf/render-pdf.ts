import path from 'node:path';
import type { Doc } from '../../ir/index.js';
import { blocksToPdf } from './blocks.js';
import { footer, header, watermark } from './page-furniture.js';
import { allowFiles, pdfmake, registerFonts } from './pdfmake-env.js';

export interface PdfOptions {
  /** Folders pdfmake may read images from (the content folder); fonts are always allowed. */
  readableRoots: string[];
}

/**
 * Renders the IR to PDF bytes. Dates come from the document (the content's date), never the
 * clock, and pdfkit derives the file ID from the info dictionary, so equal input gives equal bytes.
 */
export async function renderPdf(doc: Doc, options: PdfOptions): Promise<Uint8Array> {
  const { margins, width, height } = doc.page;
  const textWidth = width - margins.left - margins.right;
  registerFonts(doc.fonts);
  allowFiles([...Object.values(doc.fonts).flatMap((f) => [path.dirname(f.file), ...f.fallbacks.map((x) => path.dirname(x))]), ...options.readableRoots]);
  const date = new Date(`${doc.meta.date}T00:00:00Z`);
  const def: Record<string, unknown> = {
    pageSize: { width, height },
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
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
  const buffer = await pdfmake().createPdf(def).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
