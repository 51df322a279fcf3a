import fs from 'node:fs';
import { imageSize } from 'image-size';

/** A picture's size on the page, in pt. */
export interface FigureSize {
  width: number;
  height: number;
}

/**
 * How large a picture is drawn, for every format: from its aspect ratio, as wide as the text
 * block but no taller than `maxHeightShare` of the text block's height (a portrait photo never
 * fills a page); a width the content sets (a share of the text width) overrides that, and is
 * only narrowed as far as the picture must to fit in `fitHeight` (a page, less its caption).
 */
export function figureSize(pixels: { width: number; height: number }, o: { textWidth: number; textHeight: number; maxHeightShare: number; width?: number; fitHeight?: number }): FigureSize {
  const aspect = pixels.height / pixels.width;
  let width = o.width !== undefined ? o.textWidth * o.width : o.textWidth;
  const limit = Math.min(o.width !== undefined ? Infinity : o.textHeight * o.maxHeightShare, o.fitHeight ?? Infinity);
  if (width * aspect > limit) width = limit / aspect;
  return { width, height: width * aspect };
}

/** A picture's size in pixels as drawn (EXIF orientations 5–8 turn it a quarter), or a square when it cannot be read. */
export function pixelSize(file: string): { width: number; height: number } {
  try {
    const s = imageSize(new Uint8Array(fs.readFileSync(file)));
    if (!(s.width > 0 && s.height > 0)) return { width: 1, height: 1 };
    return (s.orientation ?? 1) > 4 ? { width: s.height, height: s.width } : { width: s.width, height: s.height };
  } catch {
    return { width: 1, height: 1 };
  }
}
