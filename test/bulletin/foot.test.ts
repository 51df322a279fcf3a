import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Doc, Inline } from '../../src/ir/index.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { loadSource } from '../../src/pipeline/sources.js';
import { applyLayout } from '../../src/templates/apply-layout.js';
import { readPdfText } from '../../src/verify/pdf-text.js';
import { ROOT } from '../support.js';
import { pageContents, strokesOf } from './pdf-strokes.js';
import { SAMPLE } from './sample.js';

/**
 * The bulletin layout's page, styles and fonts around hand-made blocks: the sample issue laid out,
 * then its blocks replaced, so the test follows the IR as it grows.
 */
function bulletinDoc(blocks: Block[]): Doc {
  const source = loadSource(SAMPLE, path.join(ROOT, 'content'));
  const { doc } = applyLayout({ templatesDir: path.join(ROOT, 'templates'), projectDir: ROOT }, 'bulletin', source.context());
  return { ...doc, meta: { ...doc.meta, title: '报尾测试' }, blocks };
}

const text = (t: string): Inline[] => [{ kind: 'text', text: t }];
const oneLiners = (n: number): Block[] => Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', style: 'body', inlines: text(`示例段落第${i + 1}行。`) }));
const rule = (before: number, after: number): Block => ({ kind: 'rule', color: '#000000', weight: 1, spaceBefore: before, spaceAfter: after });
const foot = (recipients: string): Block => ({
  kind: 'foot',
  blocks: [rule(0, 2), { kind: 'paragraph', style: 'endBlock', inlines: text(`报：${recipients}`) }, { kind: 'splitLine', style: 'endBlock', left: text('发：示例单位。'), right: text('（共印8份）') }, rule(2, 0)],
});

async function layout(blocks: Block[]) {
  const doc = bulletinDoc(blocks);
  const pdf = await renderPdf(doc, { readableRoots: [] });
  return { doc, pages: await readPdfText(pdf), contents: await pageContents(pdf) };
}

describe('the foot block in the PDF', () => {
  it('sits at the foot of the page where the content ends, its lower rule on the bottom edge of the text block', async () => {
    const { doc, pages, contents } = await layout([...oneLiners(12), foot('示例单位一。')]);
    expect(pages).toHaveLength(1);
    const rules = strokesOf(contents[0]!).filter((s) => s.width === 1 && s.x2 - s.x1 > 300);
    expect(rules).toHaveLength(2);
    expect(Math.min(...rules.map((r) => r.y1))).toBeCloseTo(doc.page.margins.bottom + 0.5, 1);
    const label = pages[0]!.items.find((i) => i.str.startsWith('报：'))!;
    const lastBody = pages[0]!.items.find((i) => i.str.includes('第12行'))!;
    expect(lastBody.y - label.y).toBeGreaterThan(doc.page.linePitch * 5);
  });

  it('takes the last two lines of text with it to a new page when the last page has no room for it (GB/T 9704: the 版记 on a page with text)', async () => {
    const lines = doc22();
    const { doc, pages, contents } = await layout([...oneLiners(lines - 1), foot('示例单位一。')]);
    expect(pages).toHaveLength(2);
    const on = (p: number, t: string) => pages[p]!.items.some((i) => i.str.includes(t));
    // The last two lines are carried over with the end block; the one before them stays.
    expect(on(0, `第${lines - 3}行`)).toBe(true);
    expect(on(0, `第${lines - 2}行`)).toBe(false);
    expect(on(1, `第${lines - 2}行`) && on(1, `第${lines - 1}行`)).toBe(true);
    expect(on(0, '报：')).toBe(false);
    // Page 2 opens with them on its first lines, and the end block sits at its foot.
    const top = pages[1]!.items.find((i) => i.str.includes(`第${lines - 2}行`))!;
    expect(top.y).toBeGreaterThan(doc.page.height - doc.page.margins.top - doc.page.linePitch);
    const rules = strokesOf(contents[1]!).filter((s) => s.width === 1 && s.x2 - s.x1 > 300);
    expect(Math.min(...rules.map((r) => r.y1))).toBeCloseTo(doc.page.margins.bottom + 0.5, 1);
  });

  it('hangs the continuation lines of a long 报 line after the label, and keeps it between its rules', async () => {
    const many = Array.from({ length: 14 }, (_, i) => `示例单位${'一二三四五六七八九十'[i % 10]}${i + 1}`).join('，') + '。';
    const { doc, pages, contents } = await layout([...oneLiners(3), foot(many)]);
    const page = pages[0]!;
    const first = page.items.find((i) => i.str.startsWith('报：'))!;
    const below = page.items.filter((i) => i.y < first.y - 1 && i.y > doc.page.margins.bottom && i.str.includes('示例单位') && !i.str.startsWith('发'));
    expect(below.length).toBeGreaterThan(0);
    const em = doc.styles.endBlock!.size;
    for (const line of below) expect(line.x).toBeCloseTo(first.x + 2 * em, 0);
    // No line starts with a closing mark.
    for (const line of [first, ...below]) expect(line.str.trim()).not.toMatch(/^[，。、]/);
    const rules = strokesOf(contents[0]!).filter((s) => s.width === 1 && s.x2 - s.x1 > 300).map((r) => r.y1);
    for (const line of [first, ...below]) {
      expect(line.y).toBeGreaterThan(Math.min(...rules));
      expect(line.y).toBeLessThan(Math.max(...rules));
    }
  });
});

/** Body lines on a page of the bulletin theme (GB/T 9704: 22). */
function doc22(): number {
  const d = bulletinDoc([]);
  return Math.round((d.page.height - d.page.margins.top - d.page.margins.bottom) / d.page.linePitch);
}
