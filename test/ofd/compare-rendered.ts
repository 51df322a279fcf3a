/**
 * Compares pages rendered by two programs, for the networked workflow (.github/workflows/
 * archival.yml): for each folder under the given one, `ofd/N.png` (ofdrw's rendering of the OFD,
 * pages from 0) against `pdf/page-M.png` (poppler's of the PDF, pages from 1), by
 * blockDifference. Prints one line a page and exits 1 if a page differs more than the threshold
 * or the page counts differ.
 *
 *   npx tsx test/ofd/compare-rendered.ts render/
 */
import fs from 'node:fs';
import path from 'node:path';
import { blockDifference, MAX_BLOCK_DIFFERENCE } from './compare-png.js';

const root = process.argv[2];
if (!root) {
  console.error('usage: compare-rendered.ts FOLDER');
  process.exit(2);
}
const { loadImage } = (await import('@napi-rs/canvas')) as typeof import('@napi-rs/canvas');
let failed = false;
for (const name of fs.readdirSync(root).sort()) {
  const dir = path.join(root, name);
  const number = (f: string) => Number(/(\d+)\.png$/.exec(f)?.[1] ?? NaN);
  const ofd = fs.readdirSync(path.join(dir, 'ofd')).filter((f) => f.endsWith('.png')).sort((a, b) => number(a) - number(b));
  const pdf = fs.readdirSync(path.join(dir, 'pdf')).filter((f) => f.endsWith('.png')).sort((a, b) => number(a) - number(b));
  if (ofd.length !== pdf.length) {
    console.log(`${name}: ${ofd.length} OFD pages, ${pdf.length} PDF pages`);
    failed = true;
    continue;
  }
  for (let i = 0; i < pdf.length; i++) {
    const pdfPng = path.join(dir, 'pdf', pdf[i]!);
    const image = await loadImage(fs.readFileSync(pdfPng));
    const { ratio } = await blockDifference(pdfPng, path.join(dir, 'ofd', ofd[i]!), { width: image.width, height: image.height });
    const ok = ratio < MAX_BLOCK_DIFFERENCE;
    failed ||= !ok;
    console.log(`${ok ? 'same' : 'DIFFERS'} ${name} page ${i + 1}: ${(ratio * 100).toFixed(1)} % of inked blocks differ (limit ${MAX_BLOCK_DIFFERENCE * 100} %)`);
  }
}
process.exit(failed ? 1 : 0);
