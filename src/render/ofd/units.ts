import type { Box, Colour, Matrix } from './page-model.js';
import { num } from './xml.js';

/** Millimetres in a point: OFD measures in mm, the laid-out pages in pt. */
export const MM_PER_PT = 25.4 / 72;

export function mm(pt: number): number {
  return pt * MM_PER_PT;
}

/** ST_Box: `x y width height` in mm. */
export function box(b: Box): string {
  return [b.x, b.y, b.width, b.height].map((v) => num(mm(v))).join(' ');
}

/** A map in pt as OFD's CTM in mm (the linear part is unit-free; the translation is a length). */
export function ctm(m: Matrix, originPt: { x: number; y: number } = { x: 0, y: 0 }): string {
  return [m[0], m[1], m[2], m[3], mm(m[4] - originPt.x), mm(m[5] - originPt.y)].map(num).join(' ');
}

/** CT_Color's Value: `r g b` in the default sRGB space. */
export function colourValue(c: Colour): string {
  return c.rgb.join(' ');
}

/** CT_GraphicUnit's Alpha (0–255), left out when opaque. */
export function alpha(opacity: number): number | undefined {
  return opacity >= 1 ? undefined : Math.max(0, Math.round(opacity * 255));
}

/** ST_Array of numbers, with runs of three or more equal values in OFD's `g N v` form. */
export function compressedArray(values: readonly number[]): string {
  const texts = values.map((v) => num(mm(v)));
  const out: string[] = [];
  for (let i = 0; i < texts.length; ) {
    let j = i + 1;
    while (j < texts.length && texts[j] === texts[i]) j++;
    const n = j - i;
    if (n >= 3) out.push('g', String(n), texts[i]!);
    else out.push(...texts.slice(i, j));
    i = j;
  }
  return out.join(' ');
}
