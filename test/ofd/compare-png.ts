import fs from 'node:fs';

/** Pixels compared as blocks of mean grey: a half-pixel shift of anti-aliasing stays inside a block. */
const BLOCK = 8;

/** Grey levels of a PNG drawn at `width` × `height`, through @napi-rs/canvas (pdf.js's canvas, installed with it). */
async function greys(png: string, width: number, height: number): Promise<Float64Array> {
  const { createCanvas, loadImage } = (await import('@napi-rs/canvas')) as typeof import('@napi-rs/canvas');
  const image = await loadImage(fs.readFileSync(png));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const out = new Float64Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = (rgba[4 * i]! + rgba[4 * i + 1]! + rgba[4 * i + 2]!) / 3;
  return out;
}

/** Mean grey of each BLOCK × BLOCK block, `b` read `dx`, `dy` pixels along (white beyond the edge). */
function blocks(grey: Float64Array, width: number, height: number, dx = 0, dy = 0): Float64Array {
  const cols = Math.floor(width / BLOCK);
  const rows = Math.floor(height / BLOCK);
  const out = new Float64Array(cols * rows);
  for (let y = 0; y < rows * BLOCK; y++) {
    for (let x = 0; x < cols * BLOCK; x++) {
      const sx = x + dx;
      const sy = y + dy;
      const v = sx >= 0 && sy >= 0 && sx < width && sy < height ? grey[sy * width + sx]! : 255;
      out[Math.floor(y / BLOCK) * cols + Math.floor(x / BLOCK)]! += v / (BLOCK * BLOCK);
    }
  }
  return out;
}

/**
 * How far two renderings of a page differ: the share of inked 8 × 8 blocks whose mean grey
 * differs by more than 24 of 255, both drawn at the same size, after the best alignment of the
 * whole page within two pixels (rasterisers place the page grid half a pixel apart: poppler and
 * Chromium by one pixel at 144 dpi). Where each glyph is, the glyph tests measure exactly; this
 * measures that the page looks the same. Seen here on page 1 at 144 dpi (PDF by poppler, OFD by
 * Chromium from the package): 3.2 % (the seed report) and 4.4 % (the draft bulletin), what the
 * two rasterisers' anti-aliasing makes of dense Chinese text; with every text object moved
 * 0.5 mm, 18 % and 19 %; with the text in the browser's fallback font instead of the embedded
 * one, 43 % and 42 %.
 */
export async function blockDifference(a: string, b: string, size: { width: number; height: number }): Promise<{ ratio: number; inked: number }> {
  const { width, height } = size;
  const [ga, gb] = [await greys(a, width, height), await greys(b, width, height)];
  const x = blocks(ga, width, height);
  let best = { ratio: Infinity, inked: 0 };
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const y = blocks(gb, width, height, dx, dy);
      let inked = 0;
      let differ = 0;
      for (let i = 0; i < x.length; i++) {
        if (x[i]! < 240 || y[i]! < 240) inked++;
        if (Math.abs(x[i]! - y[i]!) > 24) differ++;
      }
      const ratio = inked === 0 ? 0 : differ / inked;
      if (ratio < best.ratio) best = { ratio, inked };
    }
  }
  return best;
}

/** The threshold the tests and the networked workflow hold renderings to. */
export const MAX_BLOCK_DIFFERENCE = 0.1;
