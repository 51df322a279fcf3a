import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkitModule from 'fontkit';
import type { Font } from 'fontkit';
import { clearGlyphObjects, loadGlyphsOnDemand, type LazyGlyf } from '../patches/fontkit.js';
import { fastLayout } from './fast-layout.js';
import { applyLineBox } from './line-box.js';
import { fastSubsets } from './subset.js';

const require = createRequire(import.meta.url);

type FontkitModule = { create: (buf: Uint8Array, postscriptName?: string) => Font };

const bytesByPath = new Map<string, Buffer>();
const parsedByBytes = new WeakMap<Uint8Array, Map<string, Font>>();
let fontkit: FontkitModule | undefined;

const lazyByBytes = new WeakMap<Uint8Array, LazyGlyf>();
let parses = 0;
/** How many fonts this process has parsed (one per font file and face: tests check no file is parsed twice). */
export function fontParses(): number {
  return parses;
}
/** Set when pdfkit was loaded before the shared fontkit existed: it parses fonts itself, so read them whole. */
let pdfkitHasOwnFontkit = false;

/** Reads as many bytes as asked (a single readSync may return fewer). */
function readFully(fd: number, buf: Buffer, at: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, at + done, length - done, position + done);
    if (n === 0) throw new Error(`font file ended early (at byte ${position + done})`);
    done += n;
  }
}

/** The file's bytes with `glyf` left to load per glyph; undefined when the file is not a plain TrueType font. */
function readLazily(path: string): Buffer | undefined {
  const fd = fs.openSync(path, 'r');
  let keepOpen = false;
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 12) return undefined;
    const header = Buffer.alloc(12);
    readFully(fd, header, 0, 12, 0);
    const version = header.readUInt32BE(0);
    // 0x00010000 and 'true' are TrueType outlines; 'OTTO' (CFF), 'ttcf' and WOFF are read whole.
    if (version !== 0x00010000 && version !== 0x74727565) return undefined;
    const numTables = header.readUInt16BE(4);
    const dirLength = 12 + 16 * numTables;
    if (dirLength > size) return undefined;
    // Zero-filled and large, so it is mapped fresh: pages never written cost no memory.
    const buf = Buffer.alloc(size);
    readFully(fd, buf, 0, dirLength, 0);
    let glyf: { offset: number; length: number } | undefined;
    const tables: { offset: number; length: number }[] = [];
    for (let i = 0; i < numTables; i++) {
      const at = 12 + 16 * i;
      const tag = buf.toString('latin1', at, at + 4);
      const offset = buf.readUInt32BE(at + 8);
      const length = buf.readUInt32BE(at + 12);
      if (offset + length > size) return undefined;
      if (tag === 'glyf') glyf = { offset, length };
      else tables.push({ offset, length });
    }
    if (!glyf || !tables.length) return undefined;
    for (const t of tables) readFully(fd, buf, t.offset, t.length, t.offset);
    lazyByBytes.set(buf, { fd, glyfOffset: glyf.offset, glyfLength: glyf.length });
    keepOpen = true;
    return buf;
  } finally {
    // The descriptor of a lazy font stays open for the process, like the parsed font it serves.
    if (!keepOpen) fs.closeSync(fd);
  }
}

/**
 * fontkit with `create` memoised per bytes object: the one fontkit of the process. pdfkit gets
 * it too, so its per-document `fontkit.create(bytes)` returns the font parsed once for the
 * process: in the bundle, pdfkit's `require('fontkit')` is this module's (scripts/bundle.mjs);
 * outside it, the entry Node's require cache holds for fontkit is set to it before pdfkit first
 * requires fontkit (import src/fonts/pdfkit-fontkit.js before pdfmake). A parsed font keeps no
 * per-document state: pdfkit keeps subsets and layout caches in its own EmbeddedFont. Each
 * font also lays out the composer's runs without fontkit's shaping plan (see fastLayout), and
 * its subsets are made without decoding outlines and kept for the next build (see fastSubsets).
 */
export function sharedFontkit(): FontkitModule {
  if (fontkit) return fontkit;
  const real = fontkitModule as unknown as FontkitModule;
  const create = (buf: Uint8Array, postscriptName?: string): Font => {
    let byName = parsedByBytes.get(buf);
    if (!byName) parsedByBytes.set(buf, (byName = new Map()));
    const key = postscriptName ?? '';
    let font = byName.get(key);
    if (!font) {
      parses++;
      font = real.create(buf, postscriptName);
      const lazy = lazyByBytes.get(buf);
      if (lazy) loadGlyphsOnDemand(font, buf as Buffer, lazy, readFully);
      if (!('fonts' in font)) {
        applyLineBox(font);
        fastLayout(font);
        fastSubsets(font);
      }
      byName.set(key, font);
    }
    return font;
  };
  fontkit = { ...real, create };
  // pdfkit outside the bundle requires fontkit's CommonJS build: let it find this one instead.
  let id: string | undefined;
  try {
    id = require.resolve('fontkit');
  } catch {
    id = undefined;
  }
  if (id) {
    const cached = require.cache[id];
    if (cached) {
      cached.exports = fontkit;
      const sep = path.sep;
      if (Object.keys(require.cache).some((k) => k.includes(`${sep}pdfkit${sep}`))) pdfkitHasOwnFontkit = true;
    } else {
      const m = new Module(id);
      m.filename = id;
      m.loaded = true;
      m.exports = fontkit;
      require.cache[id] = m;
    }
  }
  return fontkit;
}

/**
 * A font file's bytes, read once per process (the same object every time). A TrueType file's
 * glyph outlines are read when a glyph is first used (see readLazily); parse such bytes only
 * through `sharedFontkit().create`, which wires that up.
 */
export function fontBytes(file: string): Buffer {
  let bytes = bytesByPath.get(file);
  if (!bytes) {
    sharedFontkit();
    bytes = (pdfkitHasOwnFontkit ? undefined : readLazily(file)) ?? fs.readFileSync(file);
    bytesByPath.set(file, bytes);
  }
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
  /** Whether the font has a glyph for a code point; memoised per file and code point. */
  hasGlyph(cp: number): boolean;
}

const infoCache = new Map<string, FontInfo>();

/** Metrics of a font file that layout needs, from the shared parsed font. */
export function fontInfo(path: string): FontInfo {
  let info = infoCache.get(path);
  if (!info) {
    const f = parsedFont(path);
    // The glyph check and face splitting ask the same few thousand code points again and again.
    const known = new Map<number, boolean>();
    info = {
      path,
      family: f.familyName,
      lineBoxEm: (f.ascent - f.descent) / f.unitsPerEm,
      ascentEm: f.ascent / f.unitsPerEm,
      hasGlyph(cp) {
        let has = known.get(cp);
        if (has === undefined) known.set(cp, (has = f.hasGlyphForCodePoint(cp)));
        return has;
      },
    };
    infoCache.set(path, info);
  }
  return info;
}

/**
 * Forgets the glyph objects of a parsed font, keeping its tables. fontkit keeps each glyph with
 * the code points of its first lookup, and pdfkit writes those into the PDF's ToUnicode map:
 * where two characters share a glyph (～ U+FF5E and 〜 U+301C in Noto), a document would read
 * back as whichever an earlier document used. Reset before each document, every PDF depends on
 * its own text only, so the same input gives the same bytes in any order of documents.
 */
export function forgetGlyphs(path: string): void {
  clearGlyphObjects(parsedFont(path));
}
