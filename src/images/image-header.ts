import fs from 'node:fs';
import zlib from 'node:zlib';
import { imageSize } from 'image-size';
import { readBounded } from '../io/read-bounded.js';

/** What both renderers can embed: pdfmake (pdfkit) takes PNG and JPEG only. */
export type ImageType = 'png' | 'jpg';

/** Limits on an image before any renderer decodes it. */
export interface ImageLimits {
  /** Bytes of the file. */
  maxBytes: number;
  /** Pixels along either side. */
  maxSide: number;
  /** Width × height; pdfkit holds a PNG decoded, 4 bytes a pixel with alpha. */
  maxPixels: number;
}

/**
 * A full A4 page at 300 dpi is 2480 × 3508 (8.7 million pixels); these leave room for any
 * real figure and refuse what would take gigabytes to decode.
 */
export const IMAGE_LIMITS: ImageLimits = { maxBytes: 25 * 1024 * 1024, maxSide: 12_000, maxPixels: 40_000_000 };

export interface ImageInfo {
  ok: true;
  type: ImageType;
  width: number;
  height: number;
  bytes: number;
}

export interface ImageProblem {
  ok: false;
  /** `image-too-large` or `image-format`. */
  rule: 'image-too-large' | 'image-format';
  message: string;
  hint: string;
}

/**
 * Reads an image's header (never its pixels) and checks it against the limits. A PNG's compressed
 * data is also inflated with a cap at the size its header promises, so a small file that would
 * inflate to gigabytes (a decompression bomb) is refused before a renderer touches it.
 */
export function inspectImage(file: string, limits: ImageLimits = IMAGE_LIMITS): ImageInfo | ImageProblem {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return problem('image-format', `cannot read the image: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'check the path and the file permissions');
  }
  if (!stat.isFile()) return problem('image-format', 'the image path names a folder or a special file, not an image file', 'point `src` at a PNG or JPEG file');
  if (stat.size > limits.maxBytes) {
    return problem('image-too-large', `the image file has ${mb(stat.size)}; the limit is ${mb(limits.maxBytes)}`, 'save it smaller: 300 dpi at its printed size is enough');
  }
  // Read on an open descriptor that is checked again: a file swapped for a pipe since the stat
  // above is refused, not waited on.
  const read = readBounded(file, { limit: { value: limits.maxBytes, rule: 'image-too-large', unit: 'bytes' }, shown: file, what: 'image' });
  if (!read.ok) return problem(read.diagnostic.rule === 'image-too-large' ? 'image-too-large' : 'image-format', read.diagnostic.message, 'point `src` at a PNG or JPEG file');
  const bytes = new Uint8Array(read.bytes);
  let size: { width: number; height: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return problem('image-format', 'the file is not an image this tool can read', 'use a PNG or JPEG file');
  }
  const type = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpg' : undefined;
  if (!type) return problem('image-format', `${(size.type ?? 'this').toUpperCase()} images cannot be embedded in the PDF`, 'convert it to PNG or JPEG');
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return problem('image-format', `the image header gives a size of ${width} × ${height} pixels`, 'the file is damaged; export it again');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    return problem(
      'image-too-large',
      `the image is ${width} × ${height} pixels; the limit is ${limits.maxSide} pixels a side and ${(limits.maxPixels / 1e6).toFixed(0)} million pixels`,
      'scale it down: 300 dpi at its printed size is enough (a full A4 page is 2480 × 3508)',
    );
  }
  if (type === 'png') {
    const bomb = checkPngData(bytes, width, height);
    if (bomb) return bomb;
  }
  return { ok: true, type, width, height, bytes: stat.size };
}

/**
 * Inflates a PNG's IDAT chunks with a cap at the size its IHDR promises, and checks that the data
 * has exactly that size with a valid filter byte on every row: pdfkit's PNG decoder throws on a
 * bad filter byte from inside a zlib callback, where no caller can catch it.
 */
function checkPngData(png: Uint8Array, width: number, height: number): ImageProblem | undefined {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let bitDepth = 8;
  let colorType = 6;
  let interlaced = false;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = view.getUint32(at);
    const name = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (name === 'IHDR' && data.length >= 13) {
      bitDepth = data[8]!;
      colorType = data[9]!;
      interlaced = data[12] === 1;
    } else if (name === 'IDAT') idat.push(data);
    else if (name === 'IEND') break;
    at += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels || ![1, 2, 4, 8, 16].includes(bitDepth)) return problem('image-format', `the PNG has an unknown pixel format (colour type ${colorType}, depth ${bitDepth})`, 'export it again as an ordinary PNG');
  const rows = rowsOf(width, height, interlaced).map((w) => 1 + Math.ceil((w * channels * bitDepth) / 8));
  const expected = rows.reduce((a, b) => a + b, 0);
  if (idat.length === 0) return problem('image-format', 'the PNG has no image data', 'the file is damaged; export it again');
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return problem('image-too-large', `the PNG data inflates to more than its ${width} × ${height} header allows`, 'the file is damaged or built to exhaust memory; export it again');
    }
    return problem('image-format', 'the PNG image data is damaged', 'export the image again');
  }
  if (raw.length > expected) return problem('image-too-large', `the PNG data inflates to more than its ${width} × ${height} header allows`, 'the file is damaged or built to exhaust memory; export it again');
  if (raw.length < expected) return problem('image-format', 'the PNG image data is damaged (cut short)', 'export the image again');
  for (let at = 0, i = 0; i < rows.length; at += rows[i]!, i++) {
    if (raw[at]! > 4) return problem('image-format', 'the PNG image data is damaged (bad row filter)', 'export the image again');
  }
  return undefined;
}

/** Widths of the scanlines of the image, in order: one per row, or per row of each Adam7 pass. */
function rowsOf(width: number, height: number, interlaced: boolean): number[] {
  if (!interlaced) return Array<number>(height).fill(width);
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  const out: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) for (let r = 0; r < h; r++) out.push(w);
  }
  return out;
}

function problem(rule: ImageProblem['rule'], message: string, hint: string): ImageProblem {
  return { ok: false, rule, message, hint };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
