/**
 * A JPEG's EXIF orientation (1–8; 1 when it has none), and a copy of the file with it set to 1.
 * A format that draws the image through a transform of its own (OFD's CTM) takes the rotation
 * there, and embeds the pixels with orientation 1, so a reader that honours EXIF and one that
 * does not show the same picture.
 */
export function exifOrientation(jpeg: Uint8Array): number {
  const at = orientationOffset(jpeg);
  if (at === undefined) return 1;
  const v = at.little ? jpeg[at.offset]! | (jpeg[at.offset + 1]! << 8) : (jpeg[at.offset]! << 8) | jpeg[at.offset + 1]!;
  return v >= 1 && v <= 8 ? v : 1;
}

export function withoutExifOrientation(jpeg: Uint8Array): Uint8Array {
  const at = orientationOffset(jpeg);
  if (at === undefined) return jpeg;
  const out = new Uint8Array(jpeg);
  out[at.offset] = at.little ? 1 : 0;
  out[at.offset + 1] = at.little ? 0 : 1;
  return out;
}

/** Where IFD0's orientation value (a SHORT) is, if the file has one. */
function orientationOffset(b: Uint8Array): { offset: number; little: boolean } | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  for (let at = 2; at + 4 <= b.length; ) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (marker === 0xe1 && String.fromCharCode(...b.subarray(at + 4, at + 10)) === 'Exif\0\0') {
      const tiff = at + 10;
      const little = b[tiff] === 0x49;
      const u16 = (p: number) => (little ? b[p]! | (b[p + 1]! << 8) : (b[p]! << 8) | b[p + 1]!);
      const u32 = (p: number) => (little ? (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0 : ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0);
      const ifd = tiff + u32(tiff + 4);
      const end = at + 2 + length;
      if (ifd + 2 > end) return undefined;
      const count = u16(ifd);
      for (let i = 0; i < count; i++) {
        const entry = ifd + 2 + 12 * i;
        if (entry + 12 > end) return undefined;
        if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return { offset: entry + 8, little };
      }
      return undefined;
    }
    at += 2 + length;
  }
  return undefined;
}
