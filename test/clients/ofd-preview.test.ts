import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/build/build.js';
import { projectPaths } from '../../src/build/project.js';
import { renderOfd } from '../../src/render/ofd/render-ofd.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readOfd } from '../ofd/read-ofd.js';
import { pageSvg } from '../ofd/svg-page.js';
import { ROOT, SEED, tempDir } from '../support.js';
import { requireClient, run } from './clients.js';

const BULLETIN = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');
/** A4 at 144 dpi, both rasterisers made to give exactly this size. */
const WIDTH = 1190;
const HEIGHT = 1684;
/** Pixels compared as 8 × 8 blocks of mean grey: a half-pixel shift of anti-aliasing stays inside a block. */
const BLOCK = 8;

/** Grey levels of a PNG, through @napi-rs/canvas (pdf.js's canvas, already installed). */
async function greys(png: string): Promise<Uint8ClampedArray> {
  const { createCanvas, loadImage } = (await import('@napi-rs/canvas')) as typeof import('@napi-rs/canvas');
  const image = await loadImage(fs.readFileSync(png));
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0, WIDTH, HEIGHT);
  const rgba = ctx.getImageData(0, 0, WIDTH, HEIGHT).data;
  const out = new Uint8ClampedArray(WIDTH * HEIGHT);
  for (let i = 0; i < out.length; i++) out[i] = (rgba[4 * i]! + rgba[4 * i + 1]! + rgba[4 * i + 2]!) / 3;
  return out;
}

function blocks(grey: Uint8ClampedArray): Float64Array {
  const cols = WIDTH / BLOCK;
  const out = new Float64Array((WIDTH / BLOCK) * Math.floor(HEIGHT / BLOCK));
  for (let y = 0; y < Math.floor(HEIGHT / BLOCK) * BLOCK; y++) for (let x = 0; x < WIDTH; x++) out[Math.floor(y / BLOCK) * cols + Math.floor(x / BLOCK)]! += grey[y * WIDTH + x]! / (BLOCK * BLOCK);
  return out;
}

/**
 * Page 1 of the OFD, drawn from the package alone by the SVG writer (its embedded fonts through
 * Chromium's font loader, which refuses a malformed font), against page 1 of the PDF drawn by
 * poppler. The PNGs stay in a folder of their own for a look by eye (the path is in the message).
 */
describe('OFD page 1 drawn beside the PDF’s', () => {
  for (const [name, file, layout, draft] of [['seed report', SEED, 'report', false], ['draft bulletin', BULLETIN, 'bulletin', true]] as const) {
    it(`looks the same: ${name}`, async () => {
      const chromium = requireClient('chromium', 'chromium');
      const pdftoppm = requireClient('pdftoppm', 'poppler-utils');
      const dir = tempDir('jianbao-ofd-preview-');
      const doc = plan({ paths: projectPaths(ROOT), inputs: [file], layouts: [layout], draft })[0]!.doc;
      const roots = { readableRoots: [path.dirname(file)] };
      fs.writeFileSync(path.join(dir, 'page.pdf'), await renderPdf(doc, roots));
      fs.writeFileSync(path.join(dir, 'page1.svg'), pageSvg(readOfd(await renderOfd(doc, roots)), 0));
      fs.writeFileSync(path.join(dir, 'page1.html'), `<html><body style="margin:0"><img src="page1.svg" style="width:${WIDTH}px;height:${HEIGHT}px;display:block"></body></html>`);
      run(pdftoppm, ['-scale-to-x', String(WIDTH), '-scale-to-y', String(HEIGHT), '-f', '1', '-l', '1', '-png', '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'pdf-page1')]);
      run(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`, '--hide-scrollbars', `--window-size=${WIDTH},${HEIGHT}`, `--screenshot=${path.join(dir, 'ofd-page1.png')}`, pathToFileURL(path.join(dir, 'page1.html')).href]);
      const [a, b] = [blocks(await greys(path.join(dir, 'pdf-page1.png'))), blocks(await greys(path.join(dir, 'ofd-page1.png')))];
      let ink = 0;
      let differ = 0;
      for (let i = 0; i < a.length; i++) {
        if (a[i]! < 240 || b[i]! < 240) ink++;
        if (Math.abs(a[i]! - b[i]!) > 24) differ++;
      }
      // Seen here: 0.4 % of the inked blocks differ (the rasterisers anti-alias glyph edges apart);
      // every glyph moved 0.5 mm, or drawn in the browser's fallback font instead of the embedded
      // one, makes it 3 %.
      expect(ink).toBeGreaterThan(2_000);
      expect(differ / ink, `blocks differing, see the PNGs in ${dir}`).toBeLessThan(0.015);
    });
  }
});
