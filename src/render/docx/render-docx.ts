import { AlignmentType, Document, DocumentGridType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { styleByRole, type Doc } from '../../ir/index.js';
import type { WriterOptions } from '../writer.js';
import { blocksToDocx } from './blocks.js';
import { docxParts } from '../../patches/docx.js';
import { fontTableEntries } from './font-table.js';
import { pageTwips, wordGrid } from './grid.js';
import { finishDocxPackage } from './package.js';
import { paragraphStyles, runFont } from './styles.js';
import { withBalancedTitles } from './title-lines.js';
import { hasPageReferences, pageNumbersOf } from './contents.js';
import { halfPoints, hex, twips } from './units.js';
import { watermarkRun } from './watermark.js';

/** Renders the IR to DOCX bytes: named styles, fonts by role, zh-CN, A4 margins, page numbers. */
export async function renderDocx(doc: Doc, options?: WriterOptions): Promise<Uint8Array> {
  const { margins, width } = doc.page;
  // Page references (a contents list) get the numbers the PDF prints.
  const pages = options?.anchorPages && hasPageReferences(doc.blocks) ? await options.anchorPages(doc, options) : undefined;
  const textWidth = width - margins.left - margins.right;
  const grid = wordGrid(doc);
  const page = pageTwips(doc);
  const body = styleByRole(doc, 'body') ?? Object.values(doc.styles)[0]!;
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject ?? '',
    creator: doc.meta.author || 'jianbao',
    keywords: doc.meta.keywords ?? '',
    lastModifiedBy: 'jianbao',
    revision: 1,
    // Marks a jianbao draft: the importer then trusts the Author property as the article's author.
    customProperties: [{ name: 'jianbao', value: 'an editable draft: jianbao import reads it back' }],
    evenAndOddHeaderAndFooters: doc.furniture.pageNumber?.position === 'outside',
    ...(pages ? { pageNumbers: pageNumbersOf(doc, pages) } : {}),
    styles: {
      default: {
        document: {
          run: { font: runFont(doc, body.font), size: halfPoints(body.size), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
      paragraphStyles: paragraphStyles(doc, grid),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.top, right: page.right, bottom: page.bottom, left: page.left, footer: twips(Math.max(0, margins.bottom - (doc.furniture.pageNumber?.below ?? 0) - 20)), header: twips(margins.top / 2) },
          },
          ...(grid ? { grid: { type: grid.type === 'linesAndChars' ? DocumentGridType.LINES_AND_CHARS : DocumentGridType.LINES, linePitch: grid.linePitch, ...(grid.charSpace !== undefined ? { charSpace: grid.charSpace } : {}) } } : {}),
        },
        headers: headers(doc),
        footers: footers(doc),
        children: blocksToDocx(doc, withBalancedTitles(doc, doc.blocks, textWidth), textWidth),
      },
    ],
  });
  return finishDocxPackage(await docxParts(document), doc.meta.date, {
    lang: doc.meta.lang,
    punctuation: doc.punctuation,
    latinGap: doc.latinGap,
    grid: grid !== undefined,
    fonts: fontTableEntries(doc),
  });
}

/** `— N —` with a PAGE field: odd pages right, even pages left, one character in (GB/T 9704). */
function footers(doc: Doc): { default: Footer; even?: Footer } | undefined {
  const pn = doc.furniture.pageNumber;
  if (!pn) return undefined;
  const style = doc.styles[pn.style]!;
  const [before, after] = pn.format.split('{n}') as [string, string?];
  const make = (alignment: 'left' | 'right' | 'center') =>
    new Footer({
      children: [
        new Paragraph({
          style: style.id,
          alignment: alignment === 'left' ? AlignmentType.LEFT : alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          indent: alignment === 'left' ? { left: twips(pn.inset) } : alignment === 'right' ? { right: twips(pn.inset) } : {},
          children: [new TextRun(before), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(after ?? '')],
        }),
      ],
    });
  return pn.position === 'outside' ? { default: make('right'), even: make('left') } : { default: make('center') };
}

/** The header line and the watermark (a draft's), in the header of every page. */
function headers(doc: Doc): { default: Header; even?: Header } | undefined {
  const { header: h, watermark: w } = doc.furniture;
  if (!h && !w) return undefined;
  const make = () =>
    new Header({
      children: [
        new Paragraph({
          ...(h ? { style: doc.styles[h.style]!.id } : {}),
          children: [...(w ? [watermarkRun(doc, w)] : []), ...(h ? [new TextRun({ text: h.text, color: hex(doc.styles[h.style]!.color) })] : [])],
        }),
      ],
    });
  return doc.furniture.pageNumber?.position === 'outside' ? { default: make(), even: make() } : { default: make() };
}
