import type { Doc, Style } from '../../ir/index.js';
import { pdfFontFeatures } from '../../compose/index.js';
import { fontInfo } from '../../fonts/font-file.js';

/**
 * pdfmake's `lineHeight` multiplies the font's own line box, so a style's pitch in points is
 * turned into that factor per font: this is what puts every body line on the same grid.
 */
export function lineHeightFactor(doc: Doc, style: Style): number {
  const face = doc.fonts[style.font]!;
  return style.lineHeight / (fontInfo(face.file).lineBoxEm * style.size);
}

/**
 * pdfmake text properties of a named style. Text pdfmake sets itself (page numbers, captions,
 * table cells, the masthead) is shaped as the composer's runs are, one cmap glyph per character
 * (see pdfFontFeatures): so ——, digits and marks look the same there as in the body, and fontkit
 * does not build its OpenType shaping tables for the page number alone (6 ms of the seed).
 */
export function textProps(doc: Doc, style: Style): Record<string, unknown> {
  return {
    font: style.font,
    fontSize: style.size,
    color: style.color,
    lineHeight: lineHeightFactor(doc, style),
    fontFeatures: pdfFontFeatures(),
  };
}
