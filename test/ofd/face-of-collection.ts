import fs from 'node:fs';
import { readTables, writeSfnt } from '../../src/fonts/sfnt.js';

/**
 * One face of a font collection (.ttc) written out as a font file of its own: the CFF-outline
 * faces the tests need (Debian's Noto CJK collections) exist on this machine only inside one.
 */
export function faceOfCollection(ttc: string, index: number, out: string): string {
  const bytes = new Uint8Array(fs.readFileSync(ttc));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x74746366) throw new Error(`${ttc} is not a font collection`);
  const count = view.getUint32(8);
  if (index >= count) throw new Error(`${ttc} has ${count} faces`);
  const { version, tables } = readTables(bytes, view.getUint32(12 + 4 * index));
  fs.writeFileSync(out, writeSfnt(version, tables));
  return out;
}
