/**
 * TrueType hinting, which print does not need: the programs a rasteriser runs to fit outlines to
 * a coarse pixel grid (the `fpgm`, `prep` and `cvt ` tables, and each glyph's instructions). A
 * printer's resolution makes them moot, and PDF viewers draw without them, yet in a hinted face
 * they are half the bytes of a subset (Roboto, DejaVu, Liberation: 45–55 %; Windows' CJK faces are
 * hinted too). The outlines themselves are left exactly as they are.
 */

/** The tables a subset leaves out. */
export const HINTING_TABLES: ReadonlySet<string> = new Set(['fpgm', 'prep', 'cvt ']);

// Composite glyph component flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

/**
 * A glyph's `glyf` record without its instructions: the same bytes when it has none, else a copy
 * with instructionLength 0 (a simple glyph) or without the trailing instructions and their flag
 * (a composite). The length stays even, as a short `loca` needs. A record it cannot read is
 * returned unchanged.
 */
export function withoutInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length < 10) return glyph;
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  const contours = view.getInt16(0);
  if (contours >= 0) {
    const at = 10 + 2 * contours;
    if (at + 2 > glyph.length) return glyph;
    const length = view.getUint16(at);
    if (length === 0 || at + 2 + length > glyph.length) return glyph;
    return evenLength(concat(glyph.subarray(0, at + 2), glyph.subarray(at + 2 + length)), at);
  }
  // A composite: walk its components to the last one's flags, then to what follows it.
  let p = 10;
  let lastFlags = -1;
  for (;;) {
    if (p + 4 > glyph.length) return glyph;
    const flags = view.getUint16(p);
    lastFlags = p;
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  const flags = view.getUint16(lastFlags);
  if (!(flags & WE_HAVE_INSTRUCTIONS) || p > glyph.length) return glyph;
  const out = glyph.slice(0, p);
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint16(lastFlags, flags & ~WE_HAVE_INSTRUCTIONS);
  return evenLength(out, p);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  // instructionLength, which the first part ends with, becomes 0.
  out[a.length - 2] = 0;
  out[a.length - 1] = 0;
  return out;
}

/** Pads to an even length with a zero byte (past `end`, the data a reader looks at). */
function evenLength(glyph: Uint8Array, end: number): Uint8Array {
  if (glyph.length % 2 === 0 || glyph.length < end) return glyph;
  const out = new Uint8Array(glyph.length + 1);
  out.set(glyph);
  return out;
}

/**
 * The font as a subset encoder reads it, without the hinting tables: fontkit's TTFSubset copies
 * `cvt `, `prep` and `fpgm` from the font it is given.
 */
export function withoutHintingTables<T extends object>(font: T): T {
  const view = new Proxy(font, {
    get: (target, key, receiver) => (typeof key === 'string' && HINTING_TABLES.has(key) ? undefined : Reflect.get(target, key, receiver)),
  });
  fonts.set(view, font);
  return view;
}

const fonts = new WeakMap<object, object>();

/** The font itself behind a `withoutHintingTables` view (what per-font caches are keyed by). */
export function fontBehind<T extends object>(font: T): T {
  return (fonts.get(font) as T | undefined) ?? font;
}
