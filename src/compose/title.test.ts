import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_WIDTH, serifBlack } from './fixtures.js';
import { balanceTitle } from './index.js';
import { countable } from './test-util.js';

const metrics = serifBlack();
const opts = { metrics, size: 22, width: BLOCK_WIDTH };
const width = (s: string) => [...s].reduce((w, c) => w + (metrics.advance(c.codePointAt(0)!) ?? 1) * 22, 0);
const ratio = (lines: string[]) => Math.min(...lines.map(width)) / Math.max(...lines.map(width));

describe('balanceTitle (22 pt Noto Serif SC Black, 442.2 pt)', () => {
  it('breaks the seed title at its space, never before its last character', () => {
    expect(balanceTitle('创新举措凝心聚力 推进常州统战事业蓬勃发展', opts)).toEqual(['创新举措凝心聚力', '推进常州统战事业蓬勃发展']);
  });

  it('balances a title without spaces between words: shortest ÷ longest ≥ 0.6', () => {
    for (const t of [
      '关于加强新时代党外知识分子统战工作的实施意见',
      '全市民族宗教领域风险隐患大排查大整治大提升专项行动',
      '常州市统一战线二〇二〇年工作总结和二〇二一年工作要点',
    ]) {
      const lines = balanceTitle(t, opts);
      expect(lines.join('')).toBe(t);
      expect(lines).toHaveLength(2);
      expect(ratio(lines)).toBeGreaterThanOrEqual(0.6);
      for (const l of lines) expect(width(l)).toBeLessThanOrEqual(BLOCK_WIDTH);
    }
  });

  it('prefers punctuation to word boundaries, and keeps the mark on the first line', () => {
    expect(balanceTitle('凝聚起来不辱使命砥砺前行，为推动常州十四五起好步作出新的更大贡献', opts))
      .toEqual(['凝聚起来不辱使命砥砺前行，', '为推动常州十四五起好步作出新的更大贡献']);
    // ... but not at the price of balance: 8 against 20 characters is below one half.
    const lines = balanceTitle('砥砺前行再出发，为推动常州“十四五”起好步作出新的更大贡献', opts);
    expect(lines).toEqual(['砥砺前行再出发，为推动常州', '“十四五”起好步作出新的更大贡献']);
  });

  it('keeps a title that fits on one line', () => {
    expect(balanceTitle('他山之石', opts)).toEqual(['他山之石']);
    expect(balanceTitle('  他山之石 ', opts)).toEqual(['他山之石']);
  });

  it('never leaves a single character on a line, even when the text would just overflow by one', () => {
    const t = '推进常州统战事业蓬勃发展推进常州统战事业蓬'; // 21 characters: first-fit leaves one
    const lines = balanceTitle(t, opts);
    expect(lines.join('')).toBe(t);
    for (const l of lines) expect(countable(l)).toBeGreaterThan(1);
    expect(ratio(lines)).toBeGreaterThanOrEqual(0.5);
  });

  it('uses more lines when two cannot hold the text, and breaks a bracket only where it cannot fit on a line', () => {
    const t = '关于印发《关于加强“政治建部 作风强部 从严治部”工作的实施意见》和《统战系统意识形态工作责任制实施细则》的通知';
    const lines = balanceTitle(t, opts);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines.join('').replace(/ /g, '')).toBe(t.replace(/ /g, ''));
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(BLOCK_WIDTH);
    for (const l of lines) expect(countable(l)).toBeGreaterThan(1);
    // the quotation (one line's worth) stays whole; the first book title, longer than a line, breaks
    expect(lines).toContain('“政治建部 作风强部 从严治部”');
  });

  it('breaks at the end of a phrase, not inside a compound (issue 16: 报送 / 工作)', () => {
    expect(balanceTitle('关于做好基层信息报送工作的几点思考（示例）', opts)).toEqual(['关于做好基层信息报送工作的', '几点思考（示例）']);
  });

  it('never breaks inside 《…》 or （…） that fit on a line: a third line rather than 《…规范 / （试行）》', () => {
    const lines = balanceTitle('关于印发《示例市政务信息报送工作规范（试行）》的通知（示例）', opts);
    expect(lines).toEqual(['关于印发', '《示例市政务信息报送工作规范（试行）》', '的通知（示例）']);
  });

  it('never breaks inside a number, a name or a quotation', () => {
    const cases: [string, string[]][] = [
      ['示例大学张三教授团队与李四研究员合作完成的“智慧政务一网通办”项目获2020年度示例省科学技术进步奖一等奖（示例）', ['张三', '李四', '“智慧政务一网通办”', '2020年度', '（示例）']],
      ['示例区2021年一季度新增城镇就业1.25万人同比增长15.3%（示例）', ['2021年', '1.25万人', '15.3%']],
      ['常州市统一战线二〇二〇年工作总结和二〇二一年工作要点以及第十四个五年规划的实施意见', ['二〇二〇年', '二〇二一年', '第十四个']],
    ];
    for (const [t, whole] of cases) {
      const lines = balanceTitle(t, opts);
      expect(lines.join('')).toBe(t);
      for (const piece of whole) expect(lines.some((l) => l.includes(piece)), `${piece} in ${lines.join(' / ')}`).toBe(true);
    }
  });

  it('gives the same lines without segmenting words first, when the best split is at spaces or marks', () => {
    const titles = [
      '创新举措凝心聚力 推进常州统战事业蓬勃发展',
      '凝聚起来不辱使命砥砺前行，为推动常州十四五起好步作出新的更大贡献',
      '砥砺前行再出发，为推动常州“十四五”起好步作出新的更大贡献',
      '关于加强新时代党外知识分子统战工作的实施意见',
      '全市民族宗教领域风险隐患大排查大整治大提升专项行动',
      '示例：全面推进（试行）办法的 说明与“解读”及其配套措施的若干问题',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
      'Jianbao 示例 report on the GB/T 9704 page and its 22 lines of 28 characters',
    ];
    for (const t of titles) expect(balanceTitle(t, opts), t).toEqual(balanceTitle(t, { ...opts, eagerWords: true }));
  });

  it('gives the same lines as segmenting words first, for any title', () => {
    const piece = fc.constantFrom(...'统一战线工作会议示例常州推进创新发展的和与及，、：“”《》（） '.split(''), '十四五', '知识分子', '2021年');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 10, maxLength: 60 }), (parts) => {
        const t = parts.join('');
        expect(balanceTitle(t, opts)).toEqual(balanceTitle(t, { ...opts, eagerWords: true }));
      }),
      { numRuns: 300 },
    );
  });
});
