import zlib from 'node:zlib';

/** One PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A well-formed PNG (8-bit RGBA). `rows` is the raw scanline data to compress; by default the
 * real size of the image, all white. Give a small header and large rows for a decompression bomb,
 * or a huge header and a few bytes of rows for an image refused by its header alone.
 */
export function png(width: number, height: number, rows?: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = rows ?? whiteRows(width, height);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Raw scanlines of an all-white RGBA image: each row a filter byte (0, none) and its pixels. */
function whiteRows(width: number, height: number): Buffer {
  const row = 1 + width * 4;
  const raw = Buffer.alloc(height * row, 0xff);
  for (let y = 0; y < height; y++) raw[y * row] = 0;
  return raw;
}

/** A 1×1 GIF: a real image, in a format the PDF cannot embed. */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
