import type { Font } from 'fontkit';
import { ownSubsetMethods, patchSubsetClass, type TTFSubsetInternals } from '../patches/fontkit.js';
import { realGlyphId } from './fast-layout.js';
import { fontBehind, withoutHintingTables, withoutInstructions } from './strip-hinting.js';

/**
 * Faster TrueType subsets for pdfkit, with fontkit's own bytes less the hinting print does not
 * need (strip-hinting.ts): no fpgm, prep or cvt table, no instructions in the glyphs.
 *
 * fontkit's TTFSubset decodes every glyph's whole outline to learn whether it is a composite
 * (numberOfContours < 0), though it then copies the glyph's bytes unchanged: reading the
 * outline's first two bytes says the same. And an unchanged document embeds the same glyphs in
 * the same order on every rebuild, so a subset already encoded for a font is given again.
 * (The subset class's private members are patched and typed in src/patches/fontkit.ts.)
 */
const encoded = new WeakMap<object, Map<string, Uint8Array>>();
/** Per font: the bytes and metrics of each simple (not composite) glyph a subset has taken. */
const simpleGlyphs = new WeakMap<object, Map<number, { buffer: Uint8Array; metrics: { advance: number; bearing: number } }>>();
const KEPT_PER_FONT = 8;

/** Installs the faster subset on the TrueType subset class of this font's fontkit (once per class). */
export function fastSubsets(font: Font): void {
  patchSubsetClass(font, {
    addGlyph(id, addGlyph) {
      // encode() runs this with the font seen through withoutHintingTables: the caches below and
      // the aliases are kept by the font itself.
      const font = fontBehind(this.font);
      // A variation font re-encodes outlines: fontkit's own path.
      if (font._variationProcessor) return addGlyph.call(this, id);
      // An alias (a second character drawn with the same glyph, see fastLayout) copies its glyph.
      const gid = realGlyphId(font as unknown as Font, id);
      let simple = simpleGlyphs.get(font);
      if (!simple) simpleGlyphs.set(font, (simple = new Map()));
      const known = simple.get(gid);
      if (known) return this._push(known.buffer, known.metrics);
      const glyph = font.getGlyph(gid);
      const cur = font.loca.offsets[gid]!;
      const next = font.loca.offsets[gid + 1]!;
      const stream = font._getTableStream('glyf');
      stream.pos += cur;
      let buffer = stream.readBuffer(next - cur);
      const metrics = { advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      if (buffer.length >= 2 && ((buffer[0]! << 8) | buffer[1]!) & 0x8000) {
        // A composite: its components join the subset under their new ids, as fontkit does.
        const glyf = glyph._decode();
        buffer = new Uint8Array(buffer);
        const view = new DataView(buffer.buffer);
        for (const component of glyf?.components ?? []) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
        buffer = withoutInstructions(buffer);
      } else {
        // A simple glyph's bytes and metrics are the same in every subset: kept for the next one
        // (a rebuild after an edit, the next article of a batch).
        buffer = withoutInstructions(buffer);
        simple.set(gid, { buffer, metrics });
      }
      return this._push(buffer, metrics);
    },
    encode(encode) {
      let byGlyphs = encoded.get(this.font);
      if (!byGlyphs) encoded.set(this.font, (byGlyphs = new Map()));
      const key = this.glyphs.join(',');
      const hit = byGlyphs.get(key);
      if (hit) {
        byGlyphs.delete(key);
        byGlyphs.set(key, hit);
        return hit;
      }
      const bytes = encodeWithout(this, encode);
      byGlyphs.set(key, bytes);
      if (byGlyphs.size > KEPT_PER_FONT) byGlyphs.delete(byGlyphs.keys().next().value!);
      return bytes;
    },
  });
}

/** fontkit's encode of the subset, reading the font without its hinting tables. */
function encodeWithout(subset: TTFSubsetInternals, encode: TTFSubsetInternals['encode']): Uint8Array {
  const font = subset.font;
  subset.font = withoutHintingTables(font);
  try {
    return encode.call(subset);
  } finally {
    subset.font = font;
  }
}

/**
 * Encodes a subset with fontkit's own code, not the faster one, also without the hinting tables
 * (for tests comparing the two: the same bytes for a face whose glyphs carry no instructions).
 */
export function encodeWithFontkit(subset: object): Uint8Array {
  const s = subset as TTFSubsetInternals;
  const own = ownSubsetMethods(s);
  if (!own) return s.encode();
  s._addGlyph = own.addGlyph;
  try {
    return encodeWithout(s, own.encode);
  } finally {
    delete (s as Partial<TTFSubsetInternals>)._addGlyph;
  }
}
