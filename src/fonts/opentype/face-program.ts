import fs from 'node:fs';
import { FontFormatError, bufferSource, readSfnt } from './sfnt.js';

/** The face's own font program: a font file's bytes, or one face of a collection as a font of its own (tables copied). */
export function wholeFontProgram(file: string, index = 0): Buffer {
  return faceProgram(fs.readFileSync(file), index);
}

/** One face of a font or collection's bytes, as a font of its own (a single font as it is). */
export function faceProgram(bytes: Buffer, index = 0): Buffer {
  const parsed = readSfnt(bufferSource(bytes));
  if (!parsed.collection) return bytes;
  const face = parsed.faces[index];
  if (!face) throw new FontFormatError(`the collection has no face ${index}`);
  const at = bytes.readUInt32BE(12 + 4 * index);
  const numTables = bytes.readUInt16BE(at + 4);
  // The face's directory entries (tag, checksum), sorted by tag, pointing into the new file.
  const entries = Array.from({ length: numTables }, (_, i) => at + 12 + 16 * i).sort((a, b) => bytes.compare(bytes, a, a + 4, b, b + 4));
  const head = Buffer.alloc(12 + 16 * numTables);
  bytes.copy(head, 0, at, at + 12);
  const parts: Buffer[] = [head];
  let offset = head.length;
  entries.forEach((entry, i) => {
    const t = face.tables.get(bytes.toString('latin1', entry, entry + 4))!;
    const p = 12 + 16 * i;
    bytes.copy(head, p, entry, entry + 8);
    head.writeUInt32BE(offset, p + 8);
    head.writeUInt32BE(t.length, p + 12);
    const pad = (4 - (t.length % 4)) % 4;
    parts.push(bytes.subarray(t.offset, t.offset + t.length), Buffer.alloc(pad));
    offset += t.length + pad;
  });
  return Buffer.concat(parts);
}
