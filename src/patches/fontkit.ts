/**
 * fontkit 2.0.4, where jianbao reaches past its public API: every private member read or
 * replaced is here, or typed here for src/fonts (listed in src/patches/README.md). Each one is
 * checked where it is used ("fontkit changed: …" when it is gone), and src/patches/fontkit.test.ts
 * checks what each promises: a lazily read glyph equals the glyph of the whole file, the loca
 * table read from the bytes equals fontkit's, a fast subset encodes fontkit's bytes, the fast
 * layout gives fontkit's glyphs, and the default features below are fontkit's.
 */
import type { Font } from 'fontkit';

/**
 * fontkit's default OpenType features (DefaultShaper: variation, directional (ltr),
 * fractional, common and horizontal features). When a layout turns every one of them off, as
 * the composer's runs do, and the text holds only characters the default shaper treats one to
 * one, `font.layout()` gives exactly one cmap glyph per code point with its hmtx advance.
 */
export const FONTKIT_DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'] as const;

/**
 * A TrueType file read lazily: every table but `glyf` is in the buffer, `glyf` holds zeros until
 * a glyph is asked for, then that glyph's bytes are read from the file. A CJK face is 10–15 MB,
 * almost all of it `glyf` (Noto Serif SC: 14.3 of 14.8 MB), and a document draws a few hundred of
 * its 30,000 glyphs, so a process reads about 0.5 MB a face instead of 15, and the untouched
 * zero pages of the buffer take no memory.
 */
export interface LazyGlyf {
  fd: number;
  /** Where `glyf` starts in the file (and in the buffer, which mirrors the file). */
  glyfOffset: number;
  glyfLength: number;
  /** Glyph ids whose bytes are in the buffer (one flag each, sized on first use). */
  loaded?: Uint8Array;
}
/**
 * Makes a font parsed from lazily read bytes load each glyph's outline before fontkit first
 * builds the glyph object: every reader of `glyf` (outlines, bounding boxes, pdfkit's subset,
 * composite glyphs' components) gets its glyph through `_getBaseGlyph`.
 */
export function loadGlyphsOnDemand(font: Font, buf: Buffer, lazy: LazyGlyf, readFully: (fd: number, buf: Buffer, at: number, length: number, position: number) => void): void {
  type Internals = { _getBaseGlyph(id: number, cps?: number[]): unknown; _glyphs: Record<number, unknown>; loca?: { offsets: ArrayLike<number> }; numGlyphs: number };
  const f = font as unknown as Internals;
  if (typeof f._getBaseGlyph !== 'function' || !f._glyphs) throw new Error('fontkit changed: no _getBaseGlyph to load glyphs on demand');
  presetLoca(font, buf);
  const base = f._getBaseGlyph;
  f._getBaseGlyph = function (this: Internals, id: number, cps?: number[]) {
    if (!this._glyphs[id]) ensureGlyph(this, id);
    return base.call(this, id, cps);
  };
  function ensureGlyph(self: Internals, id: number): void {
    const offsets = self.loca?.offsets;
    if (!offsets || id < 0 || id + 1 >= offsets.length) return;
    lazy.loaded ??= new Uint8Array(offsets.length);
    if (lazy.loaded[id]) return;
    const start = offsets[id]!;
    const end = Math.min(offsets[id + 1]!, lazy.glyfLength);
    if (end > start) readFully(lazy.fd, buf, lazy.glyfOffset + start, end - start, lazy.glyfOffset + start);
    lazy.loaded[id] = 1;
  }
}

/**
 * Gives fontkit the `loca` table (where each glyph's outline starts) read straight from the
 * bytes: fontkit's generic decoder takes 5 ms a face for its 31,000 offsets, on every start.
 * The same object fontkit makes (its version, head.indexToLocFormat, and the offsets in bytes),
 * with the offsets in a Uint32Array, which fontkit only indexes.
 */
function presetLoca(font: Font, buf: Buffer): void {
  const f = font as unknown as { _tables?: Record<string, unknown>; directory?: { tables?: Record<string, { offset: number; length: number }> }; head?: { indexToLocFormat?: number } };
  const table = f.directory?.tables?.loca;
  const version = f.head?.indexToLocFormat;
  if (!f._tables || !table || (version !== 0 && version !== 1) || 'loca' in f._tables) return;
  const size = version === 0 ? 2 : 4;
  const n = Math.floor(table.length / size);
  const offsets = new Uint32Array(n);
  if (version === 1) {
    // Big-endian uint32s: copied and byte-swapped natively (a loop over 31,000 reads took 1.5 ms a face).
    const bytes = Buffer.from(offsets.buffer);
    buf.copy(bytes, 0, table.offset, table.offset + 4 * n);
    bytes.swap32();
  } else {
    for (let i = 0; i < n; i++) offsets[i] = buf.readUInt16BE(table.offset + 2 * i) * 2;
  }
  f._tables.loca = { version, offsets, _processed: true };
}

/**
 * Forgets a parsed font's glyph objects (its private `_glyphs` cache), keeping its tables: see
 * forgetGlyphs in src/fonts/font-file.ts for why.
 */
export function clearGlyphObjects(font: Font): void {
  const f = font as unknown as { _glyphs?: Record<number, unknown> };
  if (f._glyphs) f._glyphs = {};
}

/** fontkit's TrueType subset (TTFSubset) as the faster subset in src/fonts/subset.ts uses it. */
export interface TTFSubsetInternals {
  font: FontInternals;
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
  _push(buffer: Uint8Array, metrics: { advance: number; bearing: number }): number;
  encode(): Uint8Array;
}
export interface FontInternals {
  loca: { offsets: ArrayLike<number> };
  _variationProcessor?: unknown;
  getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number }; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  directory: { tables: Record<string, unknown> };
}

/** What a faster subset gives in place of TTFSubset's own `_addGlyph` and `encode`. */
export interface SubsetHooks {
  addGlyph(this: TTFSubsetInternals, id: number, own: TTFSubsetInternals['_addGlyph']): number;
  encode(this: TTFSubsetInternals, own: TTFSubsetInternals['encode']): Uint8Array;
}

const originals = new WeakMap<object, { addGlyph: TTFSubsetInternals['_addGlyph']; encode: TTFSubsetInternals['encode'] }>();

/**
 * Installs `hooks` on the TrueType subset class of this font's fontkit, once per class, with a
 * `_push` that appends a glyph's bytes and metrics as TTFSubset's `_addGlyph` does. A font
 * without `glyf` (CFF) keeps fontkit's own subset.
 */
export function patchSubsetClass(font: Font, hooks: SubsetHooks): void {
  const f = font as unknown as FontInternals & { createSubset(): TTFSubsetInternals };
  if (!f.directory?.tables?.glyf) return;
  const proto = Object.getPrototypeOf(f.createSubset()) as TTFSubsetInternals;
  if (originals.has(proto)) return;
  if (typeof proto._addGlyph !== 'function' || typeof proto.encode !== 'function') throw new Error('fontkit changed: TTFSubset has no _addGlyph or encode');
  const addGlyph = proto._addGlyph;
  const encode = proto.encode;
  originals.set(proto, { addGlyph, encode });
  proto._addGlyph = function (this: TTFSubsetInternals, id: number): number {
    return hooks.addGlyph.call(this, id, addGlyph);
  };
  proto._push = function (this: TTFSubsetInternals, buffer: Uint8Array, metrics: { advance: number; bearing: number }): number {
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push(metrics);
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  proto.encode = function (this: TTFSubsetInternals): Uint8Array {
    return hooks.encode.call(this, encode);
  };
}

/** TTFSubset's own `_addGlyph` and `encode`, for a subset that wants fontkit's way (tests comparing the two). */
export function ownSubsetMethods(subset: object): { addGlyph: TTFSubsetInternals['_addGlyph']; encode: TTFSubsetInternals['encode'] } | undefined {
  return originals.get(Object.getPrototypeOf(subset));
}
