import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';

const require = createRequire(import.meta.url);

type FontkitModule = { create: (buf: Uint8Array, postscriptName?: string) => Font };

const bytesByPath = new Map<string, Buffer>();
const parsedByBytes = new WeakMap<Uint8Array, Map<string, Font>>();
let fontkit: FontkitModule | undefined;

/**
 * The CommonJS fontkit that pdfkit loads, with `create` memoised per bytes object. It replaces
 * the module's cached exports before pdfkit first requires it, so pdfkit's per-document
 * `fontkit.create(bytes)` returns the font parsed once for the process. A parsed font keeps no
 * per-document state: pdfkit keeps subsets and layout caches in its own EmbeddedFont.
 */
export function sharedFontkit(): FontkitModule {
  if (fontkit) return fontkit;
  const id = require.resolve('fontkit');
  const real = require('fontkit') as FontkitModule;
  const create = (buf: Uint8Array, postscriptName?: string): Font => {
    let byName = parsedByBytes.get(buf);
    if (!byName) parsedByBytes.set(buf, (byName = new Map()));
    const key = postscriptName ?? '';
    let font = byName.get(key);
    if (!font) byName.set(key, (font = real.create(buf, postscriptName)));
    return font;
  };
  fontkit = { ...real, create };
  const cached = require.cache[id];
  if (cached) cached.exports = fontkit;
  return fontkit;
}

/** A font file's bytes, read once per process (the same object every time). */
export function fontBytes(path: string): Buffer {
  let bytes = bytesByPath.get(path);
  if (!bytes) bytesByPath.set(path, (bytes = fs.readFileSync(path)));
  return bytes;
}

/** The parsed font of a file, shared by the composer's measurements and pdfkit's embedding. */
export function parsedFont(path: string): Font {
  return sharedFontkit().create(fontBytes(path));
}

export interface FontInfo {
  path: string;
  family: string;
  /** pdfkit's line box, (ascent − descent) / unitsPerEm: what pdfmake multiplies by lineHeight. */
  lineBoxEm: number;
  ascentEm: number;
  hasGlyph(cp: number): boolean;
}

const infoCache = new Map<string, FontInfo>();

/** Metrics of a font file that layout needs, from the shared parsed font. */
export function fontInfo(path: string): FontInfo {
  let info = infoCache.get(path);
  if (!info) {
    const f = parsedFont(path);
    info = {
      path,
      family: f.familyName,
      lineBoxEm: (f.ascent - f.descent) / f.unitsPerEm,
      ascentEm: f.ascent / f.unitsPerEm,
      hasGlyph: (cp) => f.hasGlyphForCodePoint(cp),
    };
    infoCache.set(path, info);
  }
  return info;
}
