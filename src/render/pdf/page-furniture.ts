import type { Doc } from '../../ir/index.js';
import { pdfFontFeatures } from '../../compose/index.js';
import { textProps } from './text-style.js';

/**
 * The page number as the theme places it (GB/T 9704: `— N —`, 7 mm below the text block, odd
 * pages at the right and even pages at the left, one character in from the edge of the text block).
 */
export function footer(doc: Doc): ((page: number) => object) | undefined {
  const pn = doc.furniture.pageNumber;
  if (!pn) return undefined;
  const style = doc.styles[pn.style]!;
  const { left, right } = doc.page.margins;
  return (page: number) => {
    const alignment = pn.position === 'center' ? 'center' : page % 2 === 1 ? 'right' : 'left';
    return {
      text: pn.format.replace('{n}', String(page)),
      ...textProps(doc, style),
      alignment,
      margin: [left + (alignment === 'left' ? pn.inset : 0), pn.below, right + (alignment === 'right' ? pn.inset : 0), 0],
    };
  };
}

/** The header line (a draft's 征求意见稿) above the text block of every page, in its style. */
export function header(doc: Doc): ((page: number) => object) | undefined {
  const h = doc.furniture.header;
  if (!h) return undefined;
  const style = doc.styles[h.style]!;
  const { left, right, top } = doc.page.margins;
  return () => ({ text: h.text, ...textProps(doc, style), alignment: style.align, margin: [left, Math.max(12, top / 2 - style.size), right, 0] });
}

/** The watermark (a draft's mark), large and faint across every page, as the theme draws it. */
export function watermark(doc: Doc): object | undefined {
  const w = doc.furniture.watermark;
  if (!w) return undefined;
  return { text: w.text, color: w.color, opacity: w.opacity, font: w.font, fontSize: w.size, angle: w.angle, fontFeatures: pdfFontFeatures() };
}
