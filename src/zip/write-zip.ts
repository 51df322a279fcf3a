import zlib from 'node:zlib';
import { CENTRAL, END, LOCAL, MAX32, UTF8_NAME } from './format.js';

/** One file of a zip: its bytes, and whether to deflate them (stored as they are otherwise). */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  deflate: boolean;
}

const LIMIT = MAX32;

/**
 * Writes a zip archive in the order given, every entry with the same time: the same entries give
 * the same bytes on any machine and in any time zone (the time is stored as its local fields, as
 * zip stores it, so callers pass a Date made from local fields or from SOURCE_DATE_EPOCH).
 *
 * Deflates with Node's zlib (about 4× faster than fflate's JavaScript deflate on a DOCX's XML)
 * and keeps a deflated entry stored when deflating does not make it smaller. No zip64: a part of
 * 4 GB is refused.
 */
export function writeZip(entries: readonly ZipEntry[], time: Date): Uint8Array {
  const dosTime = (time.getHours() << 11) | (time.getMinutes() << 5) | (time.getSeconds() >> 1);
  const dosDate = ((Math.max(1980, time.getFullYear()) - 1980) << 9) | ((time.getMonth() + 1) << 5) | time.getDate();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(e.name) ? 0 : UTF8_NAME;
    const crc = zlib.crc32(e.data);
    let method = 0;
    let body = e.data;
    if (e.deflate && e.data.length > 0) {
      const packed = zlib.deflateRawSync(e.data, { level: 6 });
      if (packed.length < e.data.length) {
        method = 8;
        body = packed;
      }
    }
    if (e.data.length > LIMIT || offset > LIMIT) throw new Error(`zip: ${e.name} is past 4 GB, which needs zip64`);
    // The local header and the central directory record share these fields, the central one two
    // bytes further on (after its "version made by").
    const fields = { flags, method, dosTime, dosDate, crc, packed: body.length, size: e.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    writeEntryFields(local, 4, fields);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(20, 4);
    writeEntryFields(header, 6, fields);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (offset > LIMIT || entries.length > 0xffff) throw new Error('zip: the archive needs zip64 (over 4 GB or 65,535 entries)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...parts, ...central, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** version needed, flags, method, time, date, CRC-32, sizes and name length, from `at` on (26 bytes). */
function writeEntryFields(
  buf: Buffer,
  at: number,
  f: { flags: number; method: number; dosTime: number; dosDate: number; crc: number; packed: number; size: number; nameLength: number },
): void {
  buf.writeUInt16LE(20, at);
  buf.writeUInt16LE(f.flags, at + 2);
  buf.writeUInt16LE(f.method, at + 4);
  buf.writeUInt16LE(f.dosTime, at + 6);
  buf.writeUInt16LE(f.dosDate, at + 8);
  buf.writeUInt32LE(f.crc, at + 10);
  buf.writeUInt32LE(f.packed, at + 14);
  buf.writeUInt32LE(f.size, at + 18);
  buf.writeUInt16LE(f.nameLength, at + 22);
}
