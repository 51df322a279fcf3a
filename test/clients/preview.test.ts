import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support.js';
import { jianbaoLive, write } from '../project/run.js';
import { launchChromium, type Browser } from './cdp.js';

const article = (first: string) => `title: 示例预览文章\ndate: 2021-03-04\nbody:\n  - ${first}\n  - 第二段不变。\n`;

/**
 * `jianbao preview` (the real CLI) with headless Chromium on its page: the page draws the PDF's
 * pages with pdf.js (their text layer holds the text), and after a paragraph is changed in the
 * YAML, shows the new text within 2 s, without a reload.
 */
describe('jianbao preview in Chromium', () => {
  let dir: string;
  let preview: ReturnType<typeof jianbaoLive>;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    dir = tempDir('jianbao-preview-');
    write(dir, { 'content/articles/a.yaml': article('第一段原来的文字。') });
    preview = jianbaoLive(['preview', '--jobs', '1'], dir);
    await preview.until((o) => /preview: http:\/\/127\.0\.0\.1:\d+\//.test(o.stdout), 'the preview to listen');
    url = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(preview.io.stdout)![1]!;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    expect(await preview.stop()).toBe(0);
  });

  it('shows the PDF\'s pages, then the changed paragraph within 2 s of the save', async () => {
    const page = await browser.open(url);
    const text = () => page.evaluate<string>(`(document.getElementById('pages')?.textContent ?? '').replace(/\\s/g, '')`);
    const waitFor = async (needle: string, ms: number) => {
      const started = performance.now();
      while (!(await text()).includes(needle)) {
        if (performance.now() - started > ms) throw new Error(`the page did not show ${needle} within ${ms} ms; it shows: ${(await text()).slice(0, 200)}\nstdout:\n${preview.io.stdout}\nstderr:\n${preview.io.stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return performance.now() - started;
    };
    await waitFor('第一段原来的文字。', 60_000);
    expect(await page.evaluate<number>('document.querySelectorAll("#pages .page canvas").length')).toBe(1);
    expect(await page.evaluate<string>('document.getElementById("outputs").textContent')).toContain('report.pdf');

    const before = await page.evaluate<number>('window.jianbaoPreview.renders');
    fs.writeFileSync(path.join(dir, 'content/articles/a.yaml'), article('第一段改成了新的文字。'));
    const ms = await waitFor('第一段改成了新的文字。', 30_000);
    console.log(`preview: save → new text on the page in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThanOrEqual(2000);
    expect(await text()).not.toContain('原来的文字');
    expect(await page.evaluate<number>('window.jianbaoPreview.renders')).toBe(before + 1);
    // Drawn again in place: the page was not reloaded.
    expect(await page.evaluate<string>('document.getElementById("status").dataset.state')).toBe('ok');
  });

  it('shows a broken save\'s errors on the page and keeps the last good pages', async () => {
    const page = await browser.open(url);
    await page.evaluate('new Promise((r) => { const t = setInterval(() => { if (window.jianbaoPreview.renders > 0) { clearInterval(t); r(); } }, 25); })');
    fs.writeFileSync(path.join(dir, 'content/articles/a.yaml'), 'title: 示例预览文章\ndate: 2021-13-04\nbody: []\n');
    await page.evaluate('new Promise((r) => { const t = setInterval(() => { if (document.getElementById("status").dataset.state === "error") { clearInterval(t); r(); } }, 25); })');
    expect(await page.evaluate<string>('document.getElementById("errors").textContent')).toContain('content/articles/a.yaml:2:7: error[schema]');
    expect(await page.evaluate<string>('document.getElementById("pages").textContent')).toContain('第二段不变');
  });
});
