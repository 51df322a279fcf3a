import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { renderOfd } from '../../src/render/ofd/render-ofd.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { blockDifference, MAX_BLOCK_DIFFERENCE } from '../ofd/compare-png.js';
import { readOfd } from '../ofd/read-ofd.js';
import { pageSvg } from '../ofd/svg-page.js';
import { ROOT, SEED, tempDir } from '../support.js';
import { requireClient, run } from './clients.js';

const BULLETIN = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');
/** A4 at 144 dpi. */
const WIDTH = 1190;
const HEIGHT = 1684;

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
      const { ratio, inked } = await blockDifference(path.join(dir, 'pdf-page1.png'), path.join(dir, 'ofd-page1.png'), { width: WIDTH, height: HEIGHT });
      expect(inked).toBeGreaterThan(2_000);
      expect(ratio, `blocks differing, see the PNGs in ${dir}`).toBeLessThan(MAX_BLOCK_DIFFERENCE);
    });
  }
});
