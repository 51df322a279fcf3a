import type { Doc, Inline, Style } from '../../ir/index.js';
import { textProps } from './text-style.js';

/** Inline runs as pdfmake text pieces (emphasis → the kai role is left to styles; strong → bold). */
export function inlineRuns(inlines: readonly Inline[]): object[] {
  return inlines.map((i) => (i.kind === 'text' ? { text: i.text, ...(i.strong ? { bold: true } : {}) } : { text: '\n' }));
}

/**
 * One paragraph of a style as pdfmake content. Lines fixed by the content (titles) are set one
 * per line; otherwise pdfmake breaks the lines.
 */
export function paragraphContent(doc: Doc, style: Style, inlines: readonly Inline[], lines?: readonly string[]): object {
  const text = lines ? lines.map((l, i) => ({ text: i < lines.length - 1 ? l + '\n' : l })) : inlineRuns(inlines);
  return {
    text,
    ...textProps(doc, style),
    alignment: style.align,
    leadingIndent: style.indent * style.size,
    margin: [0, style.spaceBefore, 0, style.spaceAfter],
  };
}
