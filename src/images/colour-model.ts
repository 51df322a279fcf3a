/**
 * How an image's pixels are stored, read from its header: what PDF/A's output intent cares for.
 * A JPEG's components come from its frame header (SOFn) — four are CMYK (or Adobe's YCCK, which
 * decodes to CMYK); a PNG's bit depth and colour type from IHDR.
 */
export interface ColourModel {
  /** Colour components a pixel (alpha aside): 1 grey, 3 RGB, 4 CMYK. */
  components: number;
  /** Bits a component. */
  bits: number;
  /** An alpha channel (pdfkit then stores the image at 8 bits, its alpha as a soft mask). */
  alpha: boolean;
}

export function colourModel(bytes: Uint8Array): ColourModel | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes.length >= 26) {
    const bits = bytes[24]!;
    const type = bytes[25]!;
    // 0 grey, 2 RGB, 3 palette (RGB entries of 8 bits), 4 grey + alpha, 6 RGB + alpha.
    const components = type === 0 || type === 4 ? 1 : 3;
    return { components, bits: type === 3 ? 8 : bits, alpha: type === 4 || type === 6 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let at = 2; at + 4 <= bytes.length; ) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1]!;
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
      // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width, components.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        if (at + 10 > bytes.length) return undefined;
        return { components: bytes[at + 9]!, bits: bytes[at + 4]!, alpha: false };
      }
      if (marker === 0xda || marker === 0xd9) return undefined;
      at += 2 + length;
    }
  }
  return undefined;
}
