import type { Font } from 'fontkit';
import { parsedFont } from './font-file.js';
import { CFF, tablesOf, TRUETYPE, writeSfnt } from './opentype/sfnt-write.js';

/**
 * A font subset that stands on its own, for formats whose readers map text to glyphs through the
 * font's own `cmap` (OFD's TextCode) rather than through glyph ids: the glyphs the text draws,
 * with `cmap`, `name`, `OS/2` and `post` kept. The PDF's subsets leave those four out (PDF maps
 * glyph ids itself); this is the same subset (fontkit's, hinting stripped as for the PDF, see
 * subset.ts) with them added. CFF faces are wrapped in an OpenType container of their own.
 *
 * Glyphs are numbered in code point order, so runs of consecutive characters share cmap segments.
 */
export interface FontSubset {
  bytes: Uint8Array;
  /** `ttf` for TrueType outlines, `otf` for CFF. */
  extension: 'ttf' | 'otf';
  /** The subset's id of one of the font's glyphs (each of `glyphs`, and each code point's cmap glyph). */
  newId(originalId: number): number;
  /** The code points the subset's cmap maps, each to its glyph. */
  cmap: ReadonlyMap<number, number>;
}

interface SubsetInternals {
  includeGlyph(id: number): number;
  encode(): Uint8Array;
  cff?: unknown;
}

interface FontInternals {
  directory: { tables: Record<string, { length: number } | undefined> };
  _getTableStream(tag: string): { readBuffer(n: number): Uint8Array } | null;
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  numGlyphs: number;
}

/**
 * The subset of `file` holding the cmap glyph of each code point (those the face has) and each
 * glyph of `glyphs`.
 */
export function subsetWithCmap(file: string, codePoints: Iterable<number>, glyphs: Iterable<number> = []): FontSubset {
  const font = parsedFont(file);
  const subset = (font as unknown as { createSubset(): SubsetInternals }).createSubset();
  const cmap = new Map<number, number>();
  const mapping = new Map<number, number>();
  const include = (id: number) => {
    let n = mapping.get(id);
    if (n === undefined) mapping.set(id, (n = subset.includeGlyph(id)));
    return n;
  };
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (!font.hasGlyphForCodePoint(cp)) continue;
    cmap.set(cp, include(font.glyphForCodePoint(cp).id));
  }
  for (const id of [...new Set(glyphs)].sort((a, b) => a - b)) {
    if (id < 0 || id >= font.numGlyphs) throw new Error(`glyph ${id} is not in ${file}`);
    include(id);
  }
  const encoded = subset.encode();
  const f = font as unknown as FontInternals;
  const tables = new Map<string, Uint8Array>([
    ['cmap', cmapTable(cmap)],
    ['name', rawTable(f, 'name')],
    ['OS/2', rawTable(f, 'OS/2')],
    ['post', postTable(rawTable(f, 'post'))],
  ]);
  const newId = (id: number) => {
    const n = mapping.get(id);
    if (n === undefined) throw new Error(`glyph ${id} of ${file} is not in its subset`);
    return n;
  };
  if (subset.cff === undefined) {
    for (const [tag, table] of tablesOf(encoded)) tables.set(tag, table);
    return { bytes: writeSfnt(TRUETYPE, tables), extension: 'ttf', newId, cmap };
  }
  // fontkit's CFF subset is a bare CFF (what PDF embeds): the container's other tables are made here.
  const order = (subset as unknown as { glyphs: number[] }).glyphs;
  tables.set('CFF ', encoded);
  tables.set('head', rawTable(f, 'head'));
  tables.set('hhea', withMetricsCount(rawTable(f, 'hhea'), order.length));
  tables.set('hmtx', hmtxTable(f, order));
  tables.set('maxp', maxpCff(order.length));
  return { bytes: writeSfnt(CFF, tables), extension: 'otf', newId, cmap };
}

function rawTable(font: FontInternals, tag: string): Uint8Array {
  const entry = font.directory.tables[tag];
  const stream = entry ? font._getTableStream(tag) : null;
  if (!entry || !stream) throw new Error(`the font has no '${tag}' table`);
  return new Uint8Array(stream.readBuffer(entry.length));
}

/** post version 3.0 (no glyph names, which a subset would renumber): the original's metrics. */
function postTable(original: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(original.subarray(0, Math.min(32, original.length)));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00030000);
  for (let i = 16; i < 32; i++) out[i] = 0;
  return out;
}

function withMetricsCount(hhea: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(hhea);
  new DataView(out.buffer).setUint16(34, count);
  return out;
}

function hmtxTable(font: FontInternals, glyphs: readonly number[]): Uint8Array {
  const out = new Uint8Array(4 * glyphs.length);
  const view = new DataView(out.buffer);
  glyphs.forEach((id, i) => {
    const glyph = font.getGlyph(id);
    view.setUint16(4 * i, Math.round(glyph.advanceWidth));
    view.setInt16(4 * i + 2, Math.round(glyph._getMetrics().leftBearing));
  });
  return out;
}

/** maxp version 0.5, as CFF fonts have it: the glyph count only. */
function maxpCff(count: number): Uint8Array {
  const out = new Uint8Array(6);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00005000);
  view.setUint16(4, count);
  return out;
}

/**
 * cmap with a format 4 subtable for the Basic Multilingual Plane (platform 3, encoding 1) and,
 * when there are characters beyond it, a format 12 subtable for all (3, 10).
 */
export function cmapTable(map: ReadonlyMap<number, number>): Uint8Array {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const bmp = entries.filter(([cp]) => cp <= 0xffff && cp !== 0xffff);
  const subtables: { encoding: number; bytes: Uint8Array }[] = [];
  const format4 = format4Table(bmp);
  if (format4) subtables.push({ encoding: 1, bytes: format4 });
  if (!format4 || entries.length > bmp.length) subtables.push({ encoding: 10, bytes: format12Table(entries) });
  const header = 4 + 8 * subtables.length;
  const out = new Uint8Array(header + subtables.reduce((n, s) => n + s.bytes.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, subtables.length);
  let offset = header;
  subtables.forEach((s, i) => {
    view.setUint16(4 + 8 * i, 3);
    view.setUint16(6 + 8 * i, s.encoding);
    view.setUint32(8 + 8 * i, offset);
    out.set(s.bytes, offset);
    offset += s.bytes.length;
  });
  return out;
}

/** Segments of consecutive code points whose glyph ids are consecutive too (one idDelta each). */
function format4Table(entries: readonly (readonly [number, number])[]): Uint8Array | undefined {
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of entries) {
    const last = segments[segments.length - 1];
    if (last && cp === last.end + 1 && gid - cp === last.delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta: gid - cp });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segments.length;
  const length = 16 + 8 * n;
  if (length > 0xffff) return undefined;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 * 2 ** entrySelector;
  view.setUint16(0, 4);
  view.setUint16(2, length);
  view.setUint16(6, 2 * n);
  view.setUint16(8, searchRange);
  view.setUint16(10, entrySelector);
  view.setUint16(12, 2 * n - searchRange);
  segments.forEach((s, i) => {
    view.setUint16(14 + 2 * i, s.end);
    view.setUint16(16 + 2 * n + 2 * i, s.start);
    view.setUint16(16 + 4 * n + 2 * i, (s.delta + 0x10000) & 0xffff);
    // idRangeOffset 0: the glyph is code point + idDelta.
  });
  return out;
}

function format12Table(entries: readonly (readonly [number, number])[]): Uint8Array {
  const groups: { start: number; end: number; gid: number }[] = [];
  for (const [cp, gid] of entries) {
    const last = groups[groups.length - 1];
    if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp;
    else groups.push({ start: cp, end: cp, gid });
  }
  const out = new Uint8Array(16 + 12 * groups.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 12);
  view.setUint32(4, out.length);
  view.setUint32(12, groups.length);
  groups.forEach((g, i) => {
    view.setUint32(16 + 12 * i, g.start);
    view.setUint32(20 + 12 * i, g.end);
    view.setUint32(24 + 12 * i, g.gid);
  });
  return out;
}

export type { Font };
