import { describe, expect, it } from 'vitest';
import { imageObject } from './image-object.js';
import { IDENTITY, type ImageItem } from './page-model.js';

const PT = 72 / 25.4;
const item = (orientation: number): ImageItem => ({ kind: 'image', role: 'body', file: 'a.jpg', box: { x: 20 * PT, y: 30 * PT, width: 40 * PT, height: 10 * PT }, ctm: IDENTITY, orientation, opacity: 1 });

describe('imageObject', () => {
  it('stretches the unit square over the picture’s box', () => {
    expect(imageObject(4, item(1), 2)).toBe('<ofd:ImageObject ID="4" Boundary="20 30 40 10" CTM="40 0 0 10 0 0" ResourceID="2"/>');
  });

  it('turns stored pixels as EXIF orientation 6 says: their top-left corner lands at the box’s top-right', () => {
    const xml = imageObject(4, item(6), 2);
    // CTM "a b c d e f" takes (u, v) to (a·u + c·v + e, b·u + d·v + f): (0, 0) → (40, 0), the top-right
    // corner, and the stored top-right (1, 0) → (40, 10), the bottom-right: a quarter turn clockwise.
    expect(xml).toContain('Boundary="20 30 40 10" CTM="0 10 -40 0 40 0"');
  });
});
