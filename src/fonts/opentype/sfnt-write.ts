import { bufferSource, readSfnt } from './sfnt.js';

/**
 * Writes an OpenType container (sfnt) of tables as the specification asks: tags in order, 4-byte
 * aligned, each table's checksum, and head.checkSumAdjustment over the whole file (sfnt.ts reads).
 */

/** The sfnt version of TrueType outlines (0x00010000) and of CFF outlines ('OTTO'). */
export const TRUETYPE = 0x00010000;
export const CFF = 0x4f54544f;

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const padded = bytes.length % 4 === 0 ? bytes : concatPadded(bytes);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function concatPadded(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array((bytes.length + 3) & ~3);
  out.set(bytes);
  return out;
}

/** Writes an sfnt of these tables; `head` gets its checkSumAdjustment. */
export function writeSfnt(version: number, tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const headerLength = 12 + 16 * count;
  let length = headerLength;
  for (const tag of tags) length += (tables.get(tag)!.length + 3) & ~3;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, version);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, count * 16 - searchRange);
  let offset = headerLength;
  let headAt = -1;
  tags.forEach((tag, i) => {
    let table = tables.get(tag)!;
    if (tag === 'head') {
      // checkSumAdjustment is 0 while checksums are taken.
      table = new Uint8Array(table);
      new DataView(table.buffer).setUint32(8, 0);
      headAt = offset;
    }
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(table));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, table.length);
    out.set(table, offset);
    offset += (table.length + 3) & ~3;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** Each table's bytes of the one face of a font (not a collection), read by sfnt.ts. */
export function tablesOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const face = readSfnt(bufferSource(bytes)).faces[0];
  if (!face) throw new Error('not a font');
  const out = new Map<string, Uint8Array>();
  for (const [tag, r] of face.tables) out.set(tag, bytes.subarray(r.offset, r.offset + r.length));
  return out;
}
