import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPaths } from '../../src/pipeline/project.js';
import { plan } from '../../src/pipeline/build.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { drawnLines } from '../../src/verify/line-metrics.js';
import { ROOT, tempDir } from '../support.js';

/** Renders an article with `lines` one-line paragraphs before a section, and says on which page each text is drawn. */
async function pages(lines: number, draft = false): Promise<(text: string) => number | undefined> {
  const dir = tempDir();
  const fill = Array.from({ length: lines }, (_, i) => `  - 示例正文第${i + 1}行。`).join('\n');
  const file = path.join(dir, 'keep.yaml');
  fs.writeFileSync(file, `title: 示例：标题不落页尾\ndate: 2021-03-04\n${draft ? 'draft: true\n' : ''}body:\n${fill}\n  - heading: 示例小节标题\n    body:\n      - 小节正文第一行。\n      - 小节正文第二行。\n`);
  const [planned] = plan({ paths: { ...projectPaths(ROOT), contentDir: dir }, inputs: [file], layouts: ['report'] });
  const drawn = drawnLines((await readGlyphRuns(await renderPdf(planned!.doc, { readableRoots: [dir] }))).runs);
  return (text) => drawn.find((l) => l.text.includes(text))?.page;
}

describe('keep with next (PDF)', () => {
  it('moves a heading that would end a page to the next one, with its text', async () => {
    // 18 one-line paragraphs after the title leave the heading the last line of page 1.
    const pageOf = await pages(18);
    expect(pageOf('示例正文第18行')).toBe(1);
    expect(pageOf('示例小节标题')).toBe(pageOf('小节正文第一行'));
    expect(pageOf('示例小节标题')).toBe(2);
  });

  it('does so on a draft too, whose pages carry a header line', async () => {
    const pageOf = await pages(18, true);
    expect(pageOf('示例小节标题')).toBe(pageOf('小节正文第一行'));
  });

  it('leaves a heading followed on its page by a line of its text where it is', async () => {
    const pageOf = await pages(17);
    expect(pageOf('示例小节标题')).toBe(1);
    expect(pageOf('小节正文第一行')).toBe(1);
  });
});
