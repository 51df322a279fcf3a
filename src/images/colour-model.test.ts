import { describe, expect, it } from 'vitest';
import { colourModel } from './colour-model.js';

/** A JPEG's start: SOI, an APP0, then a baseline frame header with `n` components. */
function jpeg(n: number, precision = 8): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 4, 0, 0];
  const sof = [0xff, 0xc0, 0, 8 + 3 * n, precision, 0, 16, 0, 16, n, ...Array(3 * n).fill(1)];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0xff, 0xda, 0, 2]);
}

function png(bits: number, type: number): Uint8Array {
  const out = new Uint8Array(33);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  out[24] = bits;
  out[25] = type;
  return out;
}

describe('colourModel', () => {
  it('reads a JPEG’s components from its frame header: 3 for RGB, 4 for CMYK, 1 for grey', () => {
    expect(colourModel(jpeg(3))).toEqual({ components: 3, bits: 8, alpha: false });
    expect(colourModel(jpeg(4))).toEqual({ components: 4, bits: 8, alpha: false });
    expect(colourModel(jpeg(1, 12))).toEqual({ components: 1, bits: 12, alpha: false });
  });

  it('reads a PNG’s bit depth and colour type', () => {
    expect(colourModel(png(16, 2))).toEqual({ components: 3, bits: 16, alpha: false });
    expect(colourModel(png(8, 6))).toEqual({ components: 3, bits: 8, alpha: true });
    expect(colourModel(png(16, 4))).toEqual({ components: 1, bits: 16, alpha: true });
    expect(colourModel(png(4, 3))).toEqual({ components: 3, bits: 8, alpha: false });
  });

  it('knows nothing of other files', () => {
    expect(colourModel(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBeUndefined();
  });
});
