import type { Doc } from '../../ir/index.js';
import { pdfFontFeatures } from '../../compose/index.js';
import { textProps } from './text-style.js';

/**
 * The page number as GB/T 9704 sets it: `— N —`, 7 mm below the text block, odd pages at the
 * right and even pages at the left, one character in from the edge of the text block.
 */
export function footer(doc: Doc): ((page: number) => object) | undefined {
  const pn = doc.page.pageNumber;
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

/** A draft's header line (征求意见稿) at the top left of every page. */
export function header(doc: Doc): ((page: number) => object) | undefined {
  const mark = doc.meta.draftMark;
  const style = doc.styles.draftMark;
  if (!mark || !style) return undefined;
  const { left, right, top } = doc.page.margins;
  return () => ({ text: mark, ...textProps(doc, style), alignment: style.align, margin: [left, Math.max(12, top / 2 - style.size), right, 0] });
}

/** A light diagonal watermark for drafts. */
export function watermark(doc: Doc): object | undefined {
  const mark = doc.meta.draftMark;
  if (!mark) return undefined;
  const role = doc.styles.draftMark?.font ?? Object.keys(doc.fonts)[0]!;
  return { text: mark, color: '#C00000', opacity: 0.08, font: role, fontSize: 80, angle: -45, fontFeatures: pdfFontFeatures() };
}
