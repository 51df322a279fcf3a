import zlib from 'node:zlib';
import { FontFormatError } from './sfnt.js';

/**
 * WOFF 1.0 to the OpenType font it wraps, with Node's zlib. A WOFF is an sfnt whose tables are
 * each deflated; unwrapped, it is the same font, table for table (W3C WOFF 1.0, section 5).
 *
 * Why not let fontkit read the WOFF: fontkit inflates a table, in JavaScript, every time it reads
 * from it, and it reads `glyf` once per glyph. On LXGW WenKai (a 10 MB WOFF, the default 楷体),
 * laying out and subsetting the seed's 603 characters had not finished after 8 minutes; the
 * same font unwrapped takes milliseconds (see fonts/README.md).
 */

export const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
export const WOFF2_SIGNATURE = 0x774f4632; // 'wOF2'

/** An sfnt unwrapped from a WOFF may be at most this big (the largest CJK faces are about 40 MB). */
export const MAX_SFNT_BYTES = 128 << 20;

export function isWoff(buf: Uint8Array): boolean {
  return buf.length >= 4 && Buffer.from(buf.buffer, buf.byteOffset, 4).readUInt32BE(0) === WOFF_SIGNATURE;
}

interface WoffTable {
  tag: string;
  offset: number;
  compLength: number;
  origLength: number;
  checksum: number;
}

/** The sfnt inside a WOFF 1.0 file. Throws FontFormatError on a malformed or oversized one. */
export function sfntFromWoff(input: Uint8Array): Buffer {
  const woff = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (woff.length < 44) throw new FontFormatError('too short to be a WOFF font');
  const signature = woff.readUInt32BE(0);
  if (signature === WOFF2_SIGNATURE) throw new FontFormatError('a WOFF2 font: jianbao reads TTF, OTF, TTC and WOFF; convert it to TTF (for example with fonttools: `fonttools ttLib.woff2 decompress`)');
  if (signature !== WOFF_SIGNATURE) throw new FontFormatError('not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  if (numTables === 0 || numTables > 256) throw new FontFormatError(`a WOFF with ${numTables} tables`);
  if (44 + 20 * numTables > woff.length) throw new FontFormatError('the WOFF table directory lies outside the file');
  const tables: WoffTable[] = [];
  let total = 12 + 16 * numTables;
  for (let i = 0; i < numTables; i++) {
    const p = 44 + 20 * i;
    const t: WoffTable = {
      tag: woff.toString('latin1', p, p + 4),
      offset: woff.readUInt32BE(p + 4),
      compLength: woff.readUInt32BE(p + 8),
      origLength: woff.readUInt32BE(p + 12),
      checksum: woff.readUInt32BE(p + 16),
    };
    if (t.offset + t.compLength > woff.length) throw new FontFormatError(`WOFF table '${t.tag}' lies outside the file`);
    if (t.compLength > t.origLength) throw new FontFormatError(`WOFF table '${t.tag}' is longer compressed than whole`);
    total += (t.origLength + 3) & ~3;
    if (total > MAX_SFNT_BYTES) throw new FontFormatError(`the font inside the WOFF would be over ${MAX_SFNT_BYTES >> 20} MB`);
    tables.push(t);
  }
  // The sfnt directory is sorted by tag; tables are laid out in the WOFF's order, 4-byte aligned.
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 16 * 2 ** entrySelector;
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const at = new Map<WoffTable, number>();
  let offset = 12 + 16 * numTables;
  for (const t of tables) {
    at.set(t, offset);
    const data = woff.subarray(t.offset, t.offset + t.compLength);
    let bytes: Buffer;
    if (t.compLength === t.origLength) bytes = data;
    else {
      try {
        bytes = zlib.inflateSync(data, { maxOutputLength: t.origLength });
      } catch (e) {
        throw new FontFormatError(`WOFF table '${t.tag}' does not inflate: ${(e as Error).message}`);
      }
    }
    if (bytes.length !== t.origLength) throw new FontFormatError(`WOFF table '${t.tag}' inflates to ${bytes.length} bytes, not ${t.origLength}`);
    bytes.copy(out, offset);
    offset += (t.origLength + 3) & ~3;
  }
  sorted.forEach((t, i) => {
    const p = 12 + 16 * i;
    out.write(t.tag, p, 4, 'latin1');
    out.writeUInt32BE(t.checksum, p + 4);
    out.writeUInt32BE(at.get(t)!, p + 8);
    out.writeUInt32BE(t.origLength, p + 12);
  });
  return out;
}
