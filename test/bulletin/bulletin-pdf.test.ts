import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText, type PdfPageText } from '../../src/verify/pdf-text.js';
import { buildInto, firstMissingInOrder } from '../support.js';
import { pageContents, RED, strokesOf } from './pdf-strokes.js';
import { articles, issue, issueDate, OUT, readingOrder, SAMPLE } from './sample.js';

const mm = (v: number) => (v * 72) / 25.4;
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Text of a page with its items' baselines, whitespace removed. */
const lineAt = (page: PdfPageText, needle: string) => page.items.find((i) => squeeze(i.str).includes(needle));

describe.each([
  { layout: 'bulletin', width: 595.28, height: 841.89, bottom: mm(35) },
  { layout: 'booklet', width: mm(148), height: mm(210), bottom: mm(22) },
])('the sample issue in the $layout layout (PDF)', ({ layout, width, height, bottom }) => {
  let pages: PdfPageText[];
  let contents: string[];

  beforeAll(async () => {
    const { read, result } = await buildInto([SAMPLE], { layouts: [layout], formats: ['pdf'] });
    // A booklet's PDF also comes as print sheets (booklet-imposed.pdf), tested in impose.test.ts.
    expect(result.outputs.map((o) => o.path).sort()).toEqual(layout === 'booklet' ? [`${OUT}/booklet-imposed.pdf`, `${OUT}/booklet.pdf`] : [`${OUT}/${layout}.pdf`]);
    const pdf = read(`${OUT}/${layout}.pdf`);
    pages = await readPdfText(pdf);
    contents = await pageContents(pdf);
  });

  it(`is ${layout === 'bulletin' ? 'A4' : 'A5'} portrait`, () => {
    for (const p of pages) {
      expect(p.width).toBeCloseTo(width, 0);
      expect(p.height).toBeCloseTo(height, 0);
    }
  });

  it('carries the masthead on page 1: series, 第N期 (总第N期), publisher and date above a thick red rule', () => {
    const first = pages[0]!;
    const series = lineAt(first, issue.bulletin);
    const number = lineAt(first, `第${issue.issue}期（总第${issue.totalIssue}期）`);
    const publisher = lineAt(first, issue.publisher);
    const date = lineAt(first, issueDate);
    for (const item of [series, number, publisher, date]) expect(item).toBeDefined();
    // The series name is the largest text on the page and printed in red.
    expect(series!.height).toBeGreaterThan(Math.max(...first.items.filter((i) => i !== series).map((i) => i.height)));
    expect(contents[0]).toMatch(/0\.90196\d* 0 0\.07058\d* scn/);
    // Publisher left, date right, on one line.
    expect(publisher!.y).toBeCloseTo(date!.y, 0);
    expect(publisher!.x).toBeLessThan(date!.x);
    // The thick red rule spans the text block just below them, and everything of the masthead is above it.
    const rules = strokesOf(contents[0]!).filter((s) => s.color === RED && s.width >= 1.5 && Math.abs(s.y1 - s.y2) < 0.01);
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    expect(rule.x2 - rule.x1).toBeGreaterThan(width * 0.7);
    for (const item of [series!, number!, publisher!, date!]) expect(item.y).toBeGreaterThan(rule.y1);
    expect(date!.y - rule.y1).toBeLessThan(30);
    // Classification top left and copy number top right, above the series name.
    const classification = lineAt(first, '内部资料')!;
    const copy = lineAt(first, '000001')!;
    expect(classification.y).toBeGreaterThan(series!.y);
    expect(copy.x).toBeGreaterThan(width / 2);
    expect(classification.x).toBeLessThan(width / 4);
  });

  it('lists the contents (本期目录) on page 1, since the issue has three articles', () => {
    const text = squeeze(pages[0]!.items.map((i) => i.str).join(''));
    expect(text).toContain('本期目录');
    const toc = text.slice(text.indexOf('本期目录'));
    expect(firstMissingInOrder(toc, articles.map((a) => a.title as string))).toBeUndefined();
  });

  it("has every article's text in order after the contents, under its column label", () => {
    const all = pages.map((p) => p.items.map((i) => i.str).join('')).join('').replace(/\s+/g, '').replace(/—\d+—/g, '');
    const lastTitle = squeeze(articles[articles.length - 1]!.title as string);
    const body = all.slice(all.indexOf(lastTitle) + lastTitle.length);
    expect(firstMissingInOrder(body, readingOrder())).toBeUndefined();
  });

  it('numbers sections 一、（一） within each article', () => {
    const all = squeeze(pages.map((p) => p.items.map((i) => i.str).join('')).join(''));
    expect(all).toContain('一、明确全年重点任务');
    expect(all).toContain('（一）注重时效');
    expect(all).toContain('十、机关党建水平全面提升');
  });

  it('sets the end block (报尾) in the bottom third of the last page, between two rules, flush with the text block', () => {
    const last = pages[pages.length - 1]!;
    for (const label of ['报：', '送：', '发：', `（共印${issue.copies}份）`]) {
      const item = lineAt(last, label);
      expect(item, label).toBeDefined();
      expect(item!.y, label).toBeLessThan(last.height / 3);
    }
    // 发 left and 共印N份 right, on one line.
    const send = lineAt(last, '发：')!;
    const copies = lineAt(last, '共印')!;
    expect(send.y).toBeCloseTo(copies.y, 0);
    expect(copies.x + copies.width).toBeGreaterThan(width - mm(40));
    // Two black rules around it; the lower one sits on the bottom edge of the text block.
    const rules = strokesOf(contents[contents.length - 1]!).filter((s) => s.color === '0 0 0' && Math.abs(s.y1 - s.y2) < 0.01 && s.x2 - s.x1 > width / 2);
    expect(rules).toHaveLength(2);
    const [lower, upper] = [...rules].sort((a, b) => a.y1 - b.y1);
    expect(lower!.y1).toBeCloseTo(bottom + lower!.width / 2, 0);
    for (const label of ['报：', '发：']) {
      const y = lineAt(last, label)!.y;
      expect(y).toBeGreaterThan(lower!.y1);
      expect(y).toBeLessThan(upper!.y1);
    }
    // No page but the last carries it.
    for (const p of pages.slice(0, -1)) expect(lineAt(p, '共印')).toBeUndefined();
  });
});
