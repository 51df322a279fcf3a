import type { Imposition } from '../render/writer.js';
import { imposeSaddleStitch } from './saddle-stitch.js';

export { imposeSaddleStitch, saddleStitchOrder, type ImposeOptions } from './saddle-stitch.js';

/** A PDF's print sheets by the layout's scheme (the theme's `layout.imposed`). */
export async function impose(pdf: Uint8Array, scheme: Imposition): Promise<Uint8Array> {
  switch (scheme) {
    case 'saddle-stitch':
      return imposeSaddleStitch(pdf);
  }
}
