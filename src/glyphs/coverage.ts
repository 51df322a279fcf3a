import { parsedFont } from '../fonts/font-file.js';

/** Characters that never need a glyph: line breaks and tabs become layout, not ink. */
export function needsGlyph(cp: number): boolean {
  return cp !== 0x0a && cp !== 0x0d && cp !== 0x09;
}

/** Variation selectors choose a form of the character before them; they have no glyph of their own. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** Marks that belong to the character before them and are set in its face (combining marks, variation selectors, ZWJ). */
export function joinsPrevious(ch: string): boolean {
  return /^[\p{M}\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u.test(ch);
}

/**
 * Whether a font draws `base` followed by the variation selector `vs` with a glyph of its own
 * (a non-default entry of its cmap format 14 subtable). fontkit reads that table but does not
 * expose it: its cmap processor's lookup is the one pdfkit's layout uses, so asking it gives the
 * glyph the PDF would get (its lookup misses entries in some tables: then so would the PDF).
 * 0 is no entry: the PDF would print the plain base.
 */
export function hasVariant(file: string, base: number, vs: number): boolean {
  const font = parsedFont(file) as unknown as { _cmapProcessor?: { getVariationSelector?(cp: number, vs: number): number } };
  return (font._cmapProcessor?.getVariationSelector?.(base, vs) ?? 0) !== 0;
}
