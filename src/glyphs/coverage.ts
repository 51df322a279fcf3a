import { fontInfo } from '../fonts/font-file.js';

/** Whether one font file has a glyph for a code point, memoised per file and code point. */
export interface Coverage {
  file: string;
  /** The font's family name, for messages (e.g. Noto Serif SC). */
  family: string;
  has(cp: number): boolean;
}

const byFile = new Map<string, Coverage>();

/**
 * The coverage of a font file. The font is parsed once per process (shared with the renderer
 * through fontInfo), and each code point is looked up in its cmap once.
 */
export function coverage(file: string): Coverage {
  let c = byFile.get(file);
  if (!c) {
    const info = fontInfo(file);
    const seen = new Map<number, boolean>();
    c = {
      file,
      family: info.family,
      has(cp) {
        let v = seen.get(cp);
        if (v === undefined) seen.set(cp, (v = info.hasGlyph(cp)));
        return v;
      },
    };
    byFile.set(file, c);
  }
  return c;
}

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
