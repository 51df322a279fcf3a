import fs from 'node:fs';

/**
 * Bounded reading of an OpenType file's table directories (a font, or each face of a `.ttc`
 * collection), without reading the file whole: discovery reads the `name`, `OS/2` and `head`
 * tables of thousands of installed fonts, most of them 10–20 MB CJK faces whose few KB of
 * names sit anywhere in the file. Every offset and length is checked against the file's size
 * and the limits below, so a truncated or hostile file is a `FontFormatError`, never a crash
 * or a huge allocation.
 */

/** A font file that is not a font, or not one this reader accepts; the message says why. */
export class FontFormatError extends Error {
  override name = 'FontFormatError';
}

export const SFNT_LIMITS = {
  /** Faces in one collection (Windows and macOS ship collections of 2–12 faces). */
  maxFaces: 64,
  /** Tables in one face (a CJK face has about 20). */
  maxTables: 256,
  /** Bytes read of one small table (`name` of a CJK face with many languages: about 30 KB). */
  maxSmallTable: 1 << 20,
} as const;

/** Somewhere to read bytes from: an open file, or a buffer in tests. */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; throws FontFormatError past the end. */
  read(offset: number, length: number): Buffer;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return {
    size: b.length,
    read(offset, length) {
      checkRange(offset, length, b.length);
      return b.subarray(offset, offset + length);
    },
  };
}

export function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      checkRange(offset, length, size);
      const out = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = fs.readSync(fd, out, done, length - done, offset + done);
        if (n === 0) throw new FontFormatError(`file ended early at byte ${offset + done}`);
        done += n;
      }
      return out;
    },
  };
}

function checkRange(offset: number, length: number, size: number): void {
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new FontFormatError(`a table or header lies outside the file (${offset}+${length} of ${size} bytes)`);
  }
}

export interface TableRecord {
  offset: number;
  length: number;
}

/** One face's table directory. */
export interface SfntFace {
  /** Its index in the collection (0 for a single font). */
  index: number;
  /** `truetype` (glyf outlines, 0x00010000 or 'true') or `cff` ('OTTO'). */
  flavor: 'truetype' | 'cff';
  tables: Map<string, TableRecord>;
}

export interface SfntFile {
  collection: boolean;
  faces: SfntFace[];
}

const TRUETYPE = 0x00010000;
const TRUE = 0x74727565; // 'true' (old Apple TrueType)
const OTTO = 0x4f54544f; // 'OTTO' (CFF outlines)
const TTCF = 0x74746366; // 'ttcf'

/** Reads the table directory of every face of a font or collection. */
export function readSfnt(src: ByteSource): SfntFile {
  if (src.size < 12) throw new FontFormatError('too short to be a font');
  const tag = src.read(0, 4).readUInt32BE(0);
  if (tag === TTCF) {
    const head = src.read(0, 12);
    const numFonts = head.readUInt32BE(8);
    if (numFonts === 0) throw new FontFormatError('a collection with no faces');
    if (numFonts > SFNT_LIMITS.maxFaces) throw new FontFormatError(`a collection of ${numFonts} faces (at most ${SFNT_LIMITS.maxFaces} are read)`);
    const offsets = src.read(12, 4 * numFonts);
    const faces: SfntFace[] = [];
    for (let i = 0; i < numFonts; i++) faces.push(readDirectory(src, offsets.readUInt32BE(4 * i), i));
    return { collection: true, faces };
  }
  return { collection: false, faces: [readDirectory(src, 0, 0)] };
}

function readDirectory(src: ByteSource, at: number, index: number): SfntFace {
  const head = src.read(at, 12);
  const version = head.readUInt32BE(0);
  let flavor: SfntFace['flavor'];
  if (version === TRUETYPE || version === TRUE) flavor = 'truetype';
  else if (version === OTTO) flavor = 'cff';
  else if (version === 0x774f4646) throw new FontFormatError('a WOFF web font, to be unwrapped first');
  else if (version === 0x774f4632) throw new FontFormatError('a WOFF2 web font: jianbao reads TTF, OTF, TTC and WOFF; convert it to TTF');
  else throw new FontFormatError(`not an OpenType font (starts with 0x${version.toString(16).padStart(8, '0')})`);
  const numTables = head.readUInt16BE(4);
  if (numTables === 0) throw new FontFormatError('a font with no tables');
  if (numTables > SFNT_LIMITS.maxTables) throw new FontFormatError(`${numTables} tables (at most ${SFNT_LIMITS.maxTables} are read)`);
  const dir = src.read(at + 12, 16 * numTables);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const p = 16 * i;
    const tag = dir.toString('latin1', p, p + 4);
    const offset = dir.readUInt32BE(p + 8);
    const length = dir.readUInt32BE(p + 12);
    // A table past the end is what a truncated download looks like: the face is unusable.
    if (offset + length > src.size) throw new FontFormatError(`table '${tag}' lies outside the file (the file may be truncated)`);
    tables.set(tag, { offset, length });
  }
  return { index, flavor, tables };
}

/** The bytes of a small table (`name`, `OS/2`, `head`), or undefined when the face has none. */
export function readSmallTable(src: ByteSource, face: SfntFace, tag: string): Buffer | undefined {
  const t = face.tables.get(tag);
  if (!t) return undefined;
  if (t.length > SFNT_LIMITS.maxSmallTable) throw new FontFormatError(`table '${tag}' is ${t.length} bytes (at most ${SFNT_LIMITS.maxSmallTable} are read)`);
  return src.read(t.offset, t.length);
}
