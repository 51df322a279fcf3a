import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/ir/index.js';
import { plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readPdfText } from '../../src/verify/pdf-text.js';
import { ROOT } from '../support.js';
import { imageBoxes, isBold, readPages, squash, type ImageBox, type PageView } from './page-layout.js';

/** Pictures and tables of the corpus on the report page, read back from the PDF. */
const CORPUS = path.join(ROOT, 'test/print-corpus');

async function render(name: string): Promise<{ doc: Doc; pdf: Uint8Array; pages: PageView[] }> {
  const paths = { ...projectPaths(ROOT), contentDir: CORPUS };
  const [planned] = plan({ paths, inputs: [path.join(CORPUS, name)], layouts: ['report'] });
  const doc = planned!.doc;
  const pdf = await renderPdf(doc, { readableRoots: [CORPUS] });
  return { doc, pdf, pages: (await readPages(pdf, doc)).pages };
}

const textBlock = (doc: Doc) => ({
  width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
  height: doc.page.height - doc.page.margins.top - doc.page.margins.bottom,
});

describe('pictures (page-pictures.yaml)', () => {
  let doc: Doc;
  let pages: PageView[];
  let images: ImageBox[];
  beforeAll(async () => {
    const r = await render('page-pictures.yaml');
    ({ doc, pages } = r);
    images = await imageBoxes(r.pdf);
  });
  const w = (i: ImageBox) => i.right - i.left;
  const h = (i: ImageBox) => i.top - i.bottom;

  it('sizes each from its aspect ratio: the text width, never more than half the text block tall, or the width the content gives', () => {
    const { width, height } = textBlock(doc);
    expect(images).toHaveLength(5);
    const [landscape, portrait, tall, square, plain] = images as [ImageBox, ImageBox, ImageBox, ImageBox, ImageBox];
    expect(w(landscape)).toBeCloseTo(width, 1);
    expect(h(landscape) / w(landscape)).toBeCloseTo(24 / 64, 3);
    // A portrait photo is no taller than half the text block, not a page.
    expect(h(portrait)).toBeCloseTo(height / 2, 1);
    expect(w(portrait) / h(portrait)).toBeCloseTo(30 / 45, 3);
    expect(h(tall)).toBeLessThanOrEqual(height / 2 + 0.01);
    expect(w(square)).toBeCloseTo(0.4 * width, 1);
    expect(w(plain)).toBeGreaterThan(doc.flow.figureShrink * width - 0.01);
    // Centred in the text block.
    for (const i of images) expect((i.left + i.right) / 2).toBeCloseTo(doc.page.margins.left + width / 2, 1);
  });

  it('sets each caption on the grid line right under its picture', () => {
    const pitch = doc.page.linePitch;
    const top = doc.page.height - doc.page.margins.top;
    const body = pages.flatMap((p) => p.inside).find((l) => Math.abs(l.size - doc.styles.body!.size) < 0.01)!;
    const phase = ((top - body.y) / pitch) % 1;
    const captions = pages.flatMap((p) => p.inside.map((l) => ({ l, page: p.page }))).filter(({ l }) => /^图\d/.test(l.text));
    expect(captions).toHaveLength(4);
    for (const { l, page } of captions) {
      const picture = images.filter((i) => i.page === page && i.bottom > l.y).sort((a, b) => a.bottom - b.bottom)[0]!;
      const line = (top - l.y) / pitch;
      // On the body's grid, and on the first grid line below the picture's bottom.
      expect(line % 1, l.text).toBeCloseTo(phase, 2);
      expect(Math.floor(line), l.text).toBe(Math.ceil((top - picture.bottom) / pitch - 1e-3));
      // Its ink clear of the picture.
      expect(picture.bottom - (l.y + 0.88 * l.size), l.text).toBeGreaterThan(2);
    }
  });
});

describe('tables (page-tables.yaml)', () => {
  let doc: Doc;
  let pdf: Uint8Array;
  let pages: PageView[];
  beforeAll(async () => ({ doc, pdf, pages } = await render('page-tables.yaml')));
  const cellLines = () => pages.flatMap((p) => p.inside.filter((l) => Math.abs(l.size - doc.styles.tableCell!.size) < 0.01).map((l) => ({ ...l, page: p.page })));

  it('gives a column of short labels the room of its labels, and a column of sentences the rest', () => {
    const first = cellLines().find((l) => l.text.startsWith('示例甲1'))!;
    const runs = first.runs;
    // Label, sentences and a percentage: three cells on one line, their left edges the columns'.
    const lefts = [...new Set(runs.map((r) => Math.round(r.x)))].sort((a, b) => a - b);
    const label = runs.filter((r) => r.x < lefts[1]! - 1).map((r) => r.glyphs.map((g) => g.text).join('')).join('');
    expect(label).toBe('示例甲1');
    const { width } = textBlock(doc);
    const labelColumn = lefts[1]! - lefts[0]!;
    const size = doc.styles.tableCell!.size;
    expect(labelColumn).toBeLessThan(6 * size + 12);
    expect(labelColumn).toBeGreaterThan(4 * size);
    const sentenceColumn = Math.max(...cellLines().filter((l) => l.page === first.page).map((l) => l.right)) - lefts[1]!;
    expect(sentenceColumn).toBeGreaterThan(width / 2);
  });

  it('prints the header row bold, and again at the top of each page the table continues on, as an artifact', async () => {
    const text = await readPdfText(pdf);
    const continued = pages.filter((p) => p.inside[0] && Math.abs(p.inside[0].size - doc.styles.tableCell!.size) < 0.01);
    expect(continued.length).toBeGreaterThanOrEqual(3);
    for (const p of continued) {
      const head = p.inside[0]!;
      expect(['序号项目名称本月进展累计完成', '类别具体表现']).toContain(squash(head.text));
      expect(head.runs.every(isBold)).toBe(true);
      // Repeated, it is marked as an artifact: what reads the text reads the header once.
      const items = text[p.page - 1]!.items.filter((i) => i.str.trim() && squash(head.text).includes(squash(i.str)) && i.y > head.y - 1);
      expect(items.every((i) => i.artifact)).toBe(true);
    }
  });

  it('breaks a row taller than a page cell by cell across pages, losing nothing', () => {
    const row = pages.filter((p) => p.inside.some((l) => l.text.includes('共性问题')) || p.inside[0]?.text.includes('类别'));
    expect(row.length).toBeGreaterThanOrEqual(2);
    const all = squash(pages.flatMap((p) => p.inside).map((l) => l.text).join(''));
    const yaml = squash(fs.readFileSync(path.join(CORPUS, 'page-tables.yaml'), 'utf8').match(/\[共性问题, (.*)\]/)![1]!);
    // The cell's text is all there, in order, split only by the page furniture and the repeated header.
    const cleaned = all.replace(/类别具体表现/g, '');
    expect(cleaned).toContain(yaml.slice(0, 200));
    expect(cleaned).toContain(yaml.slice(-200));
  });
});

describe('bold without a bold face (仿宋_GB2312 has none)', () => {
  it('draws level-3 headings and header cells filled and stroked at the theme\'s width, as Word does', async () => {
    const paths = { ...projectPaths(ROOT), contentDir: CORPUS };
    const [planned] = plan({ paths, inputs: [path.join(CORPUS, 'page-tables.yaml')], layouts: ['report'] });
    const { bold: _, ...body } = planned!.doc.fonts.body!;
    const doc: Doc = { ...planned!.doc, fonts: { ...planned!.doc.fonts, body } };
    const pdf = await renderPdf(doc, { readableRoots: [CORPUS] });
    const { pages, runs } = await readPages(pdf, doc);
    const header = pages.flatMap((p) => p.inside).find((l) => squash(l.text) === '项目主要内容与进展完成率')!;
    const cell = doc.styles.tableCell!.size;
    for (const r of header.runs) {
      expect(r.renderMode).toBe(2);
      expect(r.lineWidth).toBeCloseTo(body.boldStroke * cell, 3);
      expect(r.fontName).toMatch(/Regular/);
    }
    // Body text in the same face is not stroked.
    expect(runs.filter((r) => /Regular/.test(r.fontName) && r.size === doc.styles.body!.size).every((r) => r.renderMode === 0)).toBe(true);
  });
});
