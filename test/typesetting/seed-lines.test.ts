import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineText } from '../../src/ir/index.js';
import { pdfPlainText } from '../../src/verify/pdf-text.js';
import { SEED, tempDir } from '../support.js';
import { measureReport } from './measure.js';

type Measured = Awaited<ReturnType<typeof measureReport>>;

/** The issue's metric table, asserted on the rendered PDF read back glyph by glyph. */
function assertMetricTable(r: Measured) {
  expect(r.metrics.ragged, 'lines not reaching the right edge').toBe(0);
  expect(r.metrics.badBreaks, 'lines starting with closing / ending with opening punctuation').toBe(0);
  expect(r.metrics.maxExtraEm, 'largest extra spacing per character (em)').toBeLessThanOrEqual(0.06);
  // GRID_SHRINK_MAX: no line is set tighter than 0.02 em a character (a 29th would need 0.036);
  // spacings are rounded to 1e-4 pt, a few millionths of an em
  expect(r.metrics.maxTightEm, 'largest tightening per character (em)').toBeLessThanOrEqual(0.02 + 1e-5);
  expect(r.metrics.loneLastLines, 'paragraphs ending in a one-character line').toBe(0);
  // A page is full (22 lines) unless it ends early to keep a heading with its text: then the
  // next page starts with that heading.
  const headings = r.doc.blocks.flatMap((b) => (b.kind === 'heading' ? [(b.number ?? '') + inlineText(b.inlines)] : []));
  r.metrics.linesPerFullPage.forEach((n, i) => {
    const page = i + 1;
    if (page === 1 || n === 22) return;
    const next = r.lines.find((l) => l.page === page + 1)?.text ?? '';
    expect(headings.some((h) => h.startsWith(next)), `page ${page} has ${n} body lines, and page ${page + 1} starts with ${next}, not a heading`).toBe(true);
    expect(n, `page ${page}: body lines on a page that keeps a heading with its text`).toBeGreaterThanOrEqual(20);
  });
  for (const n of r.metrics.pureHanFullLines) expect(n, 'characters on a full line of pure Chinese').toBe(28);
}

/** Every body-size line sits on the grid: a whole number of pitches below the first line. */
function assertOnGrid(r: Measured) {
  const pitch = r.doc.page.linePitch;
  const top = r.doc.page.height - r.doc.page.margins.top;
  const body = r.lines.filter((l) => Math.abs(l.size - r.doc.styles.body!.size) < 0.01);
  const offsets = body.map((l) => (top - l.y) / pitch);
  const phase = offsets[0]! - Math.floor(offsets[0]!);
  for (const o of offsets) expect(Math.abs(o - Math.floor(o) - phase)).toBeLessThan(0.02);
}

describe('Chinese line composition on the seed report (GB/T 9704 page)', () => {
  let r: Measured;
  beforeAll(async () => {
    r = await measureReport(SEED);
  });

  it('meets the metric table: flush lines, clreq breaks, ≤ 0.06 em spacing, no lone last characters, 22 lines a page', () => {
    assertMetricTable(r);
    expect(r.metrics.linesPerFullPage.length).toBeGreaterThanOrEqual(3);
  });

  it('sets every body line on the 28.99 pt grid, headings included', () => assertOnGrid(r));

  it('fills all 22 grid lines of pages 1–3 (the 编者按 line mixing 黑体 and 楷体 is one pitch tall, like the rest)', () => {
    const pitch = r.doc.page.linePitch;
    const top = r.doc.page.height - r.doc.page.margins.top;
    for (const page of [1, 2, 3]) {
      const lines = r.lines.filter((l) => l.page === page && l.y > r.doc.page.margins.bottom);
      const last = Math.floor((top - Math.min(...lines.map((l) => l.y))) / pitch);
      expect(last + 1, `page ${page}: grid line of its last line`).toBe(22);
    }
    const note = r.lines.find((l) => l.text.startsWith('编者按'))!;
    const next = r.lines[r.lines.indexOf(note) + 1]!;
    expect(note.y - next.y).toBeCloseTo(pitch, 3);
  });

  it('breaks the title at its space into balanced lines', () => {
    const title = r.lines.filter((l) => l.size === 22).map((l) => l.text);
    expect(title).toEqual(['创新举措凝心聚力', '推进常州统战事业蓬勃发展']);
    const widths = r.lines.filter((l) => l.size === 22).map((l) => l.right - l.left);
    expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps the text layer true: no inserted spaces or zero-width characters', async () => {
    const text = await pdfPlainText(r.pdf);
    expect(text).not.toMatch(/[\u200B\u200C\u200D\uFEFF]/);
    const raw = (await import('../../src/verify/pdf-text.js')).readPdfText;
    const pages = await raw(r.pdf);
    const joined = pages.flatMap((p) => p.items.map((i) => i.str)).join('');
    expect(joined).toContain('“1+6+N”联谊组织体系');
    expect(joined).toContain('约1.3亿元');
  });
});

describe('Chinese line composition on a generated mix of numbers, quotes, book titles, ellipses, dashes and Latin', () => {
  let r: Measured;
  const han = '统筹推进疫情防控和经济社会发展工作坚持以人民为中心的发展思想全面深化改革扩大开放推动高质量发展';
  const mix = [
    `全年完成投资1.3亿元，同比增长98.7%，其中“1+6+N”联谊组织体系覆盖率达到100%；《关于加强新时代党外知识分子统战工作的实施意见（试行）》印发后——各地纷纷响应……`,
    `会议听取了Open Source Initiative与World Wide Web Consortium代表的发言，讨论了2020-2035年规划，提出“同心建言‘十四五’”等12项建议。`,
    `他说：“我们要‘干在实处、走在前列’！”随后，会议审议通过了《全市宗教活动场所布局专项规划》（2020-2035年）。`,
  ].join('');
  beforeAll(async () => {
    const dir = tempDir();
    const file = path.join(dir, 'mix.yaml');
    const body = [mix, mix.split('').reverse().join('').replace(/[（《“‘）》”’。！]/g, ''), han.repeat(5), `${mix}${han}${mix}`];
    fs.writeFileSync(file, `title: 示例：标点与数字混排测试\ndate: 2021-03-04\nbody:\n${body.map((p) => `  - ${JSON.stringify(p)}`).join('\n')}\n  - heading: 示例小节\n    body:\n      - ${JSON.stringify(han.repeat(3))}\n`);
    r = await measureReport(file);
  });

  it('meets the metric table', () => {
    assertMetricTable(r);
    expect(r.metrics.pureHanFullLines.length).toBeGreaterThanOrEqual(4);
  });

  it('sets every body line on the grid', () => assertOnGrid(r));

  it('keeps numbers, percentages, ranges and Latin words whole on one line', () => {
    const texts = r.lines.map((l) => l.text);
    const joinedWithBreaks = texts.join('\n');
    for (const whole of ['1.3', '98.7%', '2020-2035', 'Source', 'Consortium', '——', '……']) {
      expect(joinedWithBreaks.includes(whole), whole).toBe(true);
    }
  });
});
