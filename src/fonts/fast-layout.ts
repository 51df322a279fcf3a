import type { Font, Glyph } from 'fontkit';
import { FONTKIT_DEFAULT_FEATURES } from '../patches/fontkit.js';

/**
 * Code points fontkit lays out one to one with the default shaper: Latin, CJK and common
 * punctuation and symbols. Left out, so they take fontkit's full path: combining marks (zeroed
 * or moved), default ignorables (hidden), variation selectors (cmap 14), Hangul (its own shaper)
 * and every script with a complex shaper.
 */
function simple(cp: number): boolean {
  if (cp < 0x20) return false;
  if (cp <= 0x7e) return true;
  if (cp < 0xa0) return false;
  if (cp <= 0x2ff) return cp !== 0xad;
  if (cp < 0x2000) return false;
  if (cp <= 0x20cf) return !(cp >= 0x200b && cp <= 0x200f) && !(cp >= 0x2028 && cp <= 0x202e) && !(cp >= 0x2060 && cp <= 0x206f);
  if (cp < 0x2100) return false;
  if (cp <= 0x2bff) return true;
  if (cp < 0x2e80) return false;
  if (cp <= 0x2fff) return true;
  if (cp <= 0x303f) return !(cp >= 0x302a && cp <= 0x302f);
  if (cp <= 0x30ff) return cp !== 0x3099 && cp !== 0x309a && cp !== 0x3040 && cp !== 0x3097 && cp !== 0x3098;
  if (cp <= 0x312f) return cp >= 0x3105;
  if (cp < 0x3190) return false; // Hangul compatibility jamo
  if (cp <= 0x31ff) return true;
  if (cp <= 0x321e) return false; // parenthesised Hangul
  if (cp < 0x3260) return true;
  if (cp <= 0x327f) return false; // circled Hangul
  if (cp <= 0x9fff) return true;
  if (cp < 0xf900) return false;
  if (cp <= 0xfaff) return true;
  if (cp < 0xfe10) return false;
  if (cp <= 0xfe1f) return true;
  if (cp < 0xfe30) return false;
  if (cp <= 0xfe6f) return true;
  if (cp < 0xff01) return false;
  if (cp <= 0xff9f) return true;
  if (cp < 0xffe0) return false; // halfwidth Hangul
  if (cp <= 0xffee) return true;
  return cp >= 0x20000 && cp <= 0x3ffff;
}

interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}

/** GDEF glyph class, as fontkit's OTProcessor.getClassID reads it (3 = mark, whose advance fontkit zeroes). */
function glyphClass(id: number, def: ClassDef): number {
  if (def.version === 1 && def.classValueArray) {
    const i = id - (def.startGlyph ?? 0);
    if (i >= 0 && i < def.classValueArray.length) return def.classValueArray[i]!;
  } else if (def.version === 2 && def.classRangeRecord) {
    for (const r of def.classRangeRecord) if (r.start <= id && id <= r.end) return r.class;
  }
  return 0;
}

function allDefaultsOff(features: unknown): boolean {
  if (!features || typeof features !== 'object' || Array.isArray(features)) return false;
  const f = features as Record<string, unknown>;
  for (const tag of FONTKIT_DEFAULT_FEATURES) if (f[tag] !== false) return false;
  for (const tag in f) if (f[tag] !== false) return false;
  return true;
}

class Position {
  constructor(
    public xAdvance: number,
    public yAdvance = 0,
    public xOffset = 0,
    public yOffset = 0,
  ) {}
}

/** What pdfkit reads of fontkit's GlyphRun: glyphs, positions and the advance they add up to. */
class Run {
  constructor(
    public glyphs: Glyph[],
    public positions: Position[],
    public features: Record<string, unknown>,
  ) {}
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/**
 * Gives a font a `layout` that skips fontkit's shaping plan (GSUB/GPOS set up anew on every
 * call: 90 ms of the seed's PDF) when the result is known to be one cmap glyph per code point:
 * every default feature off, no script, language or direction given, a plain TrueType/OpenType
 * font (no variations, no AAT morx), and only `simple` code points that GDEF does not class as
 * marks. Anything else goes to fontkit's own layout.
 */
export function fastLayout(font: Font): void {
  const f = font as unknown as {
    layout(text: string, features?: unknown, ...rest: unknown[]): unknown;
    directory?: { tables?: Record<string, unknown> };
    GDEF?: { glyphClassDef?: ClassDef | null } | null;
    variationAxes?: Record<string, unknown>;
  };
  const tables = f.directory?.tables ?? {};
  if (tables.morx || tables.fvar || Object.keys(f.variationAxes ?? {}).length > 0) return;
  const original = f.layout;
  const classDef = f.GDEF?.glyphClassDef ?? undefined;
  // Per code point: its glyph and advance, or null when fontkit must lay the text out itself.
  const known = new Map<number, { glyph: Glyph; advance: number } | null>();
  // The first code point given each glyph: another one the cmap sends to the same glyph gets an
  // alias of it (see aliasGlyph), in TrueType fonts, whose subsets know aliases (subset.ts).
  const owners = tables.glyf ? new Map<number, number>() : undefined;
  const lookup = (font: Font, cp: number) => {
    let k = known.get(cp);
    if (k === undefined) {
      if (!simple(cp)) k = null;
      else {
        let glyph = font.glyphForCodePoint(cp);
        if (classDef && glyphClass(glyph.id, classDef) === 3) k = null;
        else {
          const owner = owners?.get(glyph.id);
          if (owners && owner === undefined) owners.set(glyph.id, cp);
          else if (owner !== undefined && owner !== cp) glyph = aliasGlyph(font, glyph, cp);
          k = { glyph, advance: glyph.advanceWidth };
        }
      }
      known.set(cp, k);
    }
    return k;
  };
  f.layout = function (this: Font, text: string, features?: unknown, ...rest: unknown[]) {
    if (typeof text !== 'string' || rest.some((r) => r !== undefined) || !allDefaultsOff(features)) return original.call(this, text, features, ...rest);
    const glyphs: Glyph[] = [];
    const positions: Position[] = [];
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp & 0x3ff) << 10) + (lo & 0x3ff) + 0x10000;
          i++;
        }
      }
      const k = lookup(this, cp);
      if (!k) return original.call(this, text, features, ...rest);
      glyphs.push(k.glyph);
      positions.push(new Position(k.advance));
    }
    return new Run(glyphs, positions, features as Record<string, unknown>);
  };
}

const aliases = new WeakMap<object, Map<number, number>>();

/**
 * The glyph again under an id of its own, for a second code point the cmap sends to the same
 * glyph (～ U+FF5E and 〜 U+301C in Noto CJK, a compatibility ideograph and its unified form):
 * pdfkit keys its subset and its ToUnicode map by glyph id, so both characters would read back
 * from the text layer as whichever came first. The alias's id is past the font's own glyphs;
 * the subset copies the real glyph's outline for it (see `realGlyphId`).
 */
function aliasGlyph(font: Font, glyph: Glyph, cp: number): Glyph {
  let map = aliases.get(font);
  if (!map) aliases.set(font, (map = new Map()));
  const id = font.numGlyphs + map.size;
  map.set(id, glyph.id);
  return Object.create(glyph, { id: { value: id }, codePoints: { value: [cp] }, advanceWidth: { value: glyph.advanceWidth } }) as Glyph;
}

/** The font's own glyph id behind an id `fastLayout` gave out (itself unless an alias). */
export function realGlyphId(font: Font, id: number): number {
  return aliases.get(font)?.get(id) ?? id;
}
