import path from 'node:path';
import type { Doc } from '../../ir/index.js';
import { blocksToPdf } from './blocks.js';
import { PAGE_FURNITURE, footer, header, watermark } from './page-furniture.js';
import { forgetGlyphs } from '../../fonts/font-file.js';
import { allowFiles, pdfmake, registerFonts } from './pdfmake-env.js';

export interface PdfOptions {
  /** Folders pdfmake may read images from (the content folder); fonts are always allowed. */
  readableRoots: string[];
}

/**
 * Renders the IR to PDF bytes. Dates come from the document (the content's date), never the
 * clock, and pdfkit derives the file ID from the info dictionary, so equal input gives equal bytes.
 */
const GRID_EPSILON = 0.01;

/**
 * Keep with next: a block whose style says so (headings, an article's title and column) and that
 * would end a page moves to the next one, with what follows it. pdfmake (0.3) gives this rule a
 * node's fixed fields only, so blocks.ts marks such a block with `headlineLevel` set to its own
 * number of lines: when nothing but those lines follows it on its page, and something is on the
 * next page, it breaks before.
 */
function keepWithNext(
  node: { headlineLevel?: number },
  nodes: { getFollowingNodesOnPage(): { headlineLevel?: number }[]; getNodesOnNextPage(): { headlineLevel?: number }[] },
): boolean {
  const ownLines = node.headlineLevel;
  if (!ownLines || ownLines < 1) return false;
  // The page's number and draft mark are nodes of the page too (page-furniture.ts marks them).
  const content = (list: { headlineLevel?: number }[]) => list.filter((n) => n.headlineLevel !== PAGE_FURNITURE);
  const following = content(nodes.getFollowingNodesOnPage());
  // After the block's own lines, skip the blocks kept with their next too (a column name before
  // a title): a chain of them moves as one.
  let i = ownLines;
  while (i < following.length && (following[i]!.headlineLevel ?? 0) >= 1) i += 1 + following[i]!.headlineLevel!;
  return i >= following.length && content(nodes.getNodesOnNextPage()).length > 0;
}

export async function renderPdf(doc: Doc, options: PdfOptions): Promise<Uint8Array> {
  const { margins, width, height } = doc.page;
  const textWidth = width - margins.left - margins.right;
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
    pageBreakBefore: keepWithNext,
  };
  for (const key of Object.keys(def)) if (def[key] === undefined) delete def[key];
  const buffer = await pdfmake().createPdf(def).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
