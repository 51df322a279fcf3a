import { apply, multiply, type ImageItem, type Matrix } from './page-model.js';
import { boundsOf, clips } from './path-object.js';
import { alpha, box, mm } from './units.js';
import { el, num } from './xml.js';

/**
 * Where EXIF orientation n puts the stored pixels (u, v in the unit square, v down) in the shown
 * picture (s, t): [su, tu, sv, tv, s0, t0], s = su·u + sv·v + s0 and t = tu·u + tv·v + t0.
 */
const ORIENTATIONS: Record<number, Matrix> = {
  1: [1, 0, 0, 1, 0, 0],
  2: [-1, 0, 0, 1, 1, 0],
  3: [-1, 0, 0, -1, 1, 1],
  4: [1, 0, 0, -1, 0, 1],
  5: [0, 1, 1, 0, 0, 0],
  6: [0, 1, -1, 0, 1, 0],
  7: [0, -1, -1, 0, 1, 1],
  8: [0, -1, 1, 0, 0, 1],
};

/**
 * A picture as an OFD ImageObject: OFD paints an image into the unit square of the object's
 * space, so the CTM stretches that square over the picture's box (turned as its EXIF orientation
 * says; the embedded copy then carries orientation 1), relative to the Boundary around it.
 */
export function imageObject(id: number, item: ImageItem, resourceId: number): string {
  const { x, y, width, height } = item.box;
  const toPage = multiply(multiply(item.ctm, [width, 0, 0, height, x, y]), ORIENTATIONS[item.orientation] ?? ORIENTATIONS[1]!);
  const corners = [apply(toPage, 0, 0), apply(toPage, 1, 0), apply(toPage, 0, 1), apply(toPage, 1, 1)];
  const bounds = boundsOf(corners, 0);
  return el(
    'ImageObject',
    { ID: id, Boundary: box(bounds), // The unit square has no unit: all six numbers are lengths here.
      CTM: [toPage[0], toPage[1], toPage[2], toPage[3], toPage[4] - bounds.x, toPage[5] - bounds.y].map((v) => num(mm(v))).join(' '), ResourceID: resourceId, Alpha: alpha(item.opacity) },
    clips(item.clip, bounds),
  );
}
