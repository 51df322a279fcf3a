import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/ir/index.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { plan } from '../../src/pipeline/build.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { CLOSING, OPENING, drawnLines, type DrawnLine } from '../../src/verify/line-metrics.js';
import { png } from '../reliability/images.js';
import { ROOT, tempDir } from '../support.js';

/** A grey PNG of the given pixel size (RGBA rows, filter byte 0 on each). */
function greyPng(width: number, height: number): Buffer {
  const row = 1 + width * 4;
  const raw = Buffer.alloc(height * row, 0xb0);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    for (let x = 0; x < width; x++) raw[y * row + 1 + x * 4 + 3] = 0xff;
  }
  return png(width, height, raw);
}

const FILL = '这里是一些用来填充版面的示例文字，检查表格和图片之后的正文是否仍然落在版心的网格上。';

/** An article with a table (one cell wraps, one is empty) and two images of awkward heights, each followed by body text. */
const ARTICLE = `title: 示例：表格与图片之后的网格
date: 2021-03-04
body:
  - 示例正文第一段。${FILL}
  - table:
      caption: 示例表格一
      header: [项目, 数量, 说明]
      rows:
        - [示例甲, '12', 示例说明文字]
        - [示例乙, '7', 较长的示例说明文字，用来检查单元格内的换行是否遵守标点规则，以及行高是否可以预先算出。]
        - [示例丙, '', 说明]
  - 示例正文第二段，紧接在表格之后。${FILL}${FILL}
  - image:
      src: fig-a.png
      caption: 示例图片一
  - 示例正文第三段，紧接在图片之后。${FILL}
  - image:
      src: fig-b.png
  - 示例正文第四段，紧接在没有图题的图片之后。${FILL}
  - heading: 示例小节
    body:
      - 示例正文第五段。${FILL}
      - table:
          header: [甲, 乙]
          rows:
            - [示例单元格, 示例单元格中较长的文字需要换行，换行后仍应落在网格上]
      - 示例正文第六段，紧接在第二个表格之后。${FILL}
`;

/** Drawn lines cut into table cells: a gap wider than a cell's paddings between two runs starts a new cell. */
function cellLines(lines: readonly DrawnLine[]): { text: string; left: number; right: number }[] {
  const out: { text: string; left: number; right: number }[] = [];
  for (const line of lines) {
    let current: { text: string; left: number; right: number } | undefined;
    for (const r of line.runs) {
      const right = r.x + r.glyphs.reduce((w, g) => w + g.advance * r.size + r.charSpacing, 0);
      const text = r.glyphs.map((g) => g.text).join('');
      if (current && r.x - current.right < 4) {
        current.text += text;
        current.right = right;
      } else {
        current = { text, left: r.x, right };
        out.push(current);
      }
    }
  }
  return out;
}

/** Offsets of body-size lines below the top of the text block, in line pitches. */
function gridOffsets(doc: Doc, lines: readonly DrawnLine[]): { text: string; page: number; offset: number }[] {
  const pitch = doc.page.linePitch;
  const top = doc.page.height - doc.page.margins.top;
  return lines.filter((l) => Math.abs(l.size - doc.styles.body!.size) < 0.01).map((l) => ({ text: l.text, page: l.page, offset: (top - l.y) / pitch }));
}

describe('tables and images on the GB/T 9704 grid (report layout)', () => {
  let doc: Doc;
  let lines: DrawnLine[];
  beforeAll(async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'fig-a.png'), greyPng(350, 497));
    fs.writeFileSync(path.join(dir, 'fig-b.png'), greyPng(640, 203));
    const file = path.join(dir, 'grid-blocks.yaml');
    fs.writeFileSync(file, ARTICLE);
    const [planned] = plan({ paths: { ...projectPaths(ROOT), contentDir: dir }, inputs: [file], layouts: ['report'] });
    doc = planned!.doc;
    const pdf = await renderPdf(doc, { readableRoots: [dir] });
    lines = drawnLines((await readGlyphRuns(pdf)).runs);
  });

  it('keeps every body line on the grid, after the tables and after the images too', () => {
    const body = gridOffsets(doc, lines);
    const phase = body[0]!.offset - Math.floor(body[0]!.offset);
    const after = ['紧接在表格之后', '紧接在图片之后', '紧接在没有图题的图片之后', '紧接在第二个表格之后'];
    for (const a of after) expect(body.some((l) => l.text.includes(a)), a).toBe(true);
    const off = body.filter((l) => Math.abs(l.offset - Math.floor(l.offset) - phase) >= 0.02);
    expect(off.map((l) => `p${l.page} ${((l.offset - Math.floor(l.offset) - phase) * doc.page.linePitch).toFixed(2)} pt: ${l.text.slice(0, 12)}`)).toEqual([]);
  });

  it('sets table cells by the clreq rules, wraps a long cell, and keeps the table inside the text block', () => {
    const cells = cellLines(lines.filter((l) => Math.abs(l.size - doc.styles.tableCell!.size) < 0.01));
    const long = '较长的示例说明文字，用来检查单元格内的换行是否遵守标点规则，以及行高是否可以预先算出。';
    const first = cells.findIndex((c) => c.text.startsWith('较长的示例说明文字'));
    expect(first).toBeGreaterThanOrEqual(0);
    const column = cells.slice(first).filter((c) => Math.abs(c.left - cells[first]!.left) < 0.5);
    let text = '';
    let n = 0;
    while (text.length < long.length && n < column.length) text += column[n++]!.text;
    expect(text).toBe(long);
    expect(n, 'lines of the long cell').toBeGreaterThanOrEqual(2);
    for (const c of cells) {
      expect(CLOSING.has([...c.text][0]!), `cell line starts with closing punctuation: ${c.text}`).toBe(false);
      expect(OPENING.has([...c.text].at(-1)!), `cell line ends with an opening mark: ${c.text}`).toBe(false);
      expect(c.right, c.text).toBeLessThanOrEqual(doc.page.width - doc.page.margins.right);
    }
  });

  it('keeps a caption on the page of its table when the caption would end a page', async () => {
    const dir = tempDir();
    const fill = Array.from({ length: 18 }, (_, i) => `  - 示例正文第${i + 1}行。`).join('\n');
    const file = path.join(dir, 'caption.yaml');
    fs.writeFileSync(file, `title: 示例：表题不落页尾\ndate: 2021-03-04\nbody:\n${fill}\n  - table:\n      caption: 示例表格\n      header: [项目, 数量]\n      rows:\n        - [示例甲, '1']\n  - 表后示例正文。\n`);
    const [planned] = plan({ paths: { ...projectPaths(ROOT), contentDir: dir }, inputs: [file], layouts: ['report'] });
    const drawn = drawnLines((await readGlyphRuns(await renderPdf(planned!.doc, { readableRoots: [dir] }))).runs);
    const pageOf = (text: string) => drawn.find((l) => l.text.includes(text))?.page;
    // 18 one-line paragraphs after the title leave the caption the last line of page 1.
    expect(pageOf('示例正文第18行')).toBe(1);
    expect(pageOf('示例表格')).toBe(pageOf('项目'));
  });
});
