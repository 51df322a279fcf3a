import { describe, expect, it } from 'vitest';
import { exifOrientation, withoutExifOrientation } from './exif-orientation.js';

/** The start of a JPEG: SOI, an APP1 Exif segment with IFD0 holding the orientation, then SOS. */
function jpeg(orientation: number, little: boolean): Uint8Array {
  const u16 = (v: number) => (little ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
  const u32 = (v: number) => (little ? [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24] : [v >>> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]);
  const tiff = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(2), ...u16(0x010f), ...u16(2), ...u32(1), 0x41, 0, 0, 0, ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
  const app1 = [...[0x45, 0x78, 0x69, 0x66, 0, 0], ...tiff];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff, ...app1, 0xff, 0xda, 0, 2]);
}

describe('EXIF orientation', () => {
  for (const little of [true, false]) {
    it(`reads and resets it (${little ? 'little' : 'big'}-endian TIFF)`, () => {
      const file = jpeg(6, little);
      expect(exifOrientation(file)).toBe(6);
      const reset = withoutExifOrientation(file);
      expect(exifOrientation(reset)).toBe(1);
      expect(reset.length).toBe(file.length);
      expect(reset.filter((b, i) => b !== file[i]).length).toBeGreaterThan(0);
      expect(exifOrientation(file)).toBe(6);
    });
  }

  it('is 1 for a JPEG without EXIF and for a PNG, which it leaves as they are', () => {
    const plain = new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]);
    expect(exifOrientation(plain)).toBe(1);
    expect(withoutExifOrientation(plain)).toBe(plain);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(exifOrientation(png)).toBe(1);
  });
});
