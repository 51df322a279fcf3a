import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, ROOT, tempDir } from '../support.js';
import { requireClient, run } from './clients.js';

/** Headless Chromium as the probe of this machine starts it: no sandbox (root), no background network. */
function chromium(args: string[]): string {
  const bin = requireClient('chromium', 'chromium');
  const profile = tempDir('jianbao-chromium-');
  return run(bin, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--allow-file-access-from-files', ...args], { timeout: 120_000 });
}

describe('out/index.html in headless Chromium', () => {
  let out: string;
  let pdfCount: number;
  beforeAll(async () => {
    // The page-1 previews it shows are pdftoppm's.
    requireClient('pdftoppm', 'poppler-utils');
    const built = await buildInto([path.join(ROOT, 'content')]);
    out = built.out;
    // Print sheets (imposed PDFs) have their page-1 preview too: two booklet pages side by side.
    pdfCount = built.result.outputs.filter((o) => o.format === 'pdf').length;
  });

  it('lists every artifact with its preview, opened from disk', () => {
    const dom = chromium(['--dump-dom', pathToFileURL(path.join(out, 'index.html')).href]);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
    for (const o of manifest.outputs) expect(dom).toContain(`href="${o.path}"`);
    const images = [...dom.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(images.length).toBe(pdfCount);
    for (const src of images) expect(fs.statSync(path.join(out, src)).size).toBeGreaterThan(1000);
  });

  it('lists the sample issue’s outputs in reading order: bulletin, booklet, print sheets; PDF before DOCX', () => {
    const dom = chromium(['--dump-dom', pathToFileURL(path.join(out, 'index.html')).href]);
    const section = dom.slice(dom.indexOf('工作简报（示例）'));
    const shown = [...section.matchAll(/<figcaption><a href="([^"]+)"/g)].map((m) => m[1]!).filter((p) => p.startsWith('bulletins/sample-2021-01/'));
    expect(shown).toEqual(['bulletin.pdf', 'bulletin.docx', 'booklet.pdf', 'booklet.docx', 'booklet-imposed.pdf'].map((f) => `bulletins/sample-2021-01/${f}`));
    expect(section).toContain('<img src="bulletins/sample-2021-01/booklet-imposed.preview.png"');
  });

  it('renders to a screenshot', () => {
    const shot = path.join(out, 'index-screenshot.png');
    chromium([`--screenshot=${shot}`, '--window-size=1280,1600', '--hide-scrollbars', pathToFileURL(path.join(out, 'index.html')).href]);
    const png = fs.readFileSync(shot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.JIANBAO_KEEP_SCREENSHOT) fs.copyFileSync(shot, process.env.JIANBAO_KEEP_SCREENSHOT);
  });
});
