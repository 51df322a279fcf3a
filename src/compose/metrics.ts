import type * as fontkit from 'fontkit';
import { parsedFont } from '../fonts/font-file.js';
import { FONTKIT_DEFAULT_FEATURES } from '../patches/fontkit.js';

/** Per-code-point measurements of one font face, in em. */
export interface FontMetrics {
  /** advance width of a code point in em (0..~1); undefined if the font has no glyph */
  advance(cp: number): number | undefined;
  has(cp: number): boolean;
  name: string; // postscript/family name, for messages
  /**
   * Optional: horizontal ink extent [minX, maxX] of the glyph in em, or undefined without a glyph.
   * Used only to join the two glyphs of `——` into one unbroken dash; without it a typical
   * CJK dash design (ink inset by ~0.045 em on each side) is assumed.
   */
  ink?(cp: number): readonly [number, number] | undefined;
}

const cache = new Map<string, FontMetrics>();

/**
 * The metrics of a font file, measured on the very font object pdfkit embeds (parsed once per
 * process, see src/fonts/font-file.ts); cached by path (fonts are 10–15 MB each).
 */
export function loadFontMetrics(path: string): FontMetrics {
  const hit = cache.get(path);
  if (hit) return hit;
  const opened = parsedFont(path) as fontkit.Font | fontkit.FontCollection;
  // A collection (.ttc) has no glyphs itself: take its first face, as pdfkit does without a name.
  const font: fontkit.Font = 'fonts' in opened ? firstFace(opened, path) : opened;
  const m = fromFontkit(font);
  cache.set(path, m);
  return m;
}

function firstFace(c: fontkit.FontCollection, path: string): fontkit.Font {
  const f = c.fonts[0];
  if (!f) throw new Error(`font collection ${path} holds no font`);
  return f;
}

/** Wrap an already opened fontkit font (e.g. the one pdfmake embeds) as FontMetrics. */
export function fromFontkit(font: fontkit.Font): FontMetrics {
  const upem = font.unitsPerEm;
  // Glyph lookups go through fontkit's cmap and glyph objects; a paragraph asks for the same
  // few hundred code points again and again, so memoise per code point (NaN = no glyph).
  const adv = new Map<number, number>();
  const ink = new Map<number, readonly [number, number] | undefined>();
  const hmtx = horizontalMetrics(font);
  const advance = (cp: number): number | undefined => {
    let a = adv.get(cp);
    if (a === undefined) {
      if (!font.hasGlyphForCodePoint(cp)) a = NaN;
      else {
        const g = font.glyphForCodePoint(cp);
        a = (hmtx ? hmtx.get(Math.min(g.id, hmtx.length - 1)).advance : g.advanceWidth) / upem;
      }
      adv.set(cp, a);
    }
    return Number.isNaN(a) ? undefined : a;
  };
  return {
    name: font.postscriptName || font.familyName,
    advance,
    has: (cp) => advance(cp) !== undefined,
    ink(cp) {
      if (ink.has(cp)) return ink.get(cp);
      let r: readonly [number, number] | undefined;
      if (font.hasGlyphForCodePoint(cp)) {
        const b = font.glyphForCodePoint(cp).bbox;
        r = Number.isFinite(b.minX) ? [b.minX / upem, b.maxX / upem] : [0, 0];
      }
      ink.set(cp, r);
      return r;
    },
  };
}

interface HmtxMetrics {
  length: number;
  get(i: number): { advance: number };
}

/**
 * fontkit's parsed hmtx table, if it can be used directly. `glyph.advanceWidth` also works out
 * the glyph's vertical metrics from its outline (50 ms for the seed's 590 characters, on every
 * run of the CLI); hmtx holds the same advances (5 ms). Not for variable fonts, whose
 * advances HVAR may change.
 */
function horizontalMetrics(font: fontkit.Font): HmtxMetrics | undefined {
  if (Object.keys(font.variationAxes ?? {}).length > 0) return undefined;
  const m = (font as unknown as { hmtx?: { metrics?: Partial<HmtxMetrics> } }).hmtx?.metrics;
  return m && typeof m.get === 'function' && typeof m.length === 'number' && m.length > 0 ? (m as HmtxMetrics) : undefined;
}

/**
 * The `fontFeatures` to give pdfmake (pdfkit passes them to fontkit's layout) for every run
 * this composer produced. The composer measures one glyph per code point from the cmap; with
 * fontkit's default features the PDF would differ: `——` becomes one 1.692 em ligature, and in
 * a run that fontkit guesses is Latin, `locl` swaps the digits for 0.55 em forms.
 * A fresh object each call, because fontkit writes its defaults into the object it is given.
 */
export function pdfFontFeatures(): Record<string, boolean> {
  const off: Record<string, boolean> = {};
  for (const f of FONTKIT_DEFAULT_FEATURES) off[f] = false;
  return off;
}

