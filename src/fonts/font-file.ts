import * as fontkit from 'fontkit';

export interface FontInfo {
  path: string;
  family: string;
  /** pdfkit's line box, (ascent − descent) / unitsPerEm: what pdfmake multiplies by lineHeight. */
  lineBoxEm: number;
  ascentEm: number;
  hasGlyph(cp: number): boolean;
}

const cache = new Map<string, FontInfo>();

/** Opens a TTF/OTF once per process; every later call for the same path reuses it. */
export function fontInfo(path: string): FontInfo {
  let info = cache.get(path);
  if (!info) {
    const f = fontkit.openSync(path) as fontkit.Font;
    info = {
      path,
      family: f.familyName,
      lineBoxEm: (f.ascent - f.descent) / f.unitsPerEm,
      ascentEm: f.ascent / f.unitsPerEm,
      hasGlyph: (cp) => f.hasGlyphForCodePoint(cp),
    };
    cache.set(path, info);
  }
  return info;
}
