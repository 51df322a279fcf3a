import { describe, expect, it } from 'vitest';
import { classifyAll } from './char-class.js';
import { computeBreaks } from './segment.js';

/** The text with `|` at every clreq break opportunity. */
function marked(text: string): string {
  const chars = [...text];
  const cps = Int32Array.from(chars.map((c) => c.codePointAt(0)!));
  const cls = new Uint8Array(cps.length);
  classifyAll(cps, cls);
  const brk = new Uint8Array(cps.length);
  computeBreaks(cls, brk);
  return chars.map((c, k) => (k > 0 && brk[k] ? '|' : '') + c).join('');
}

describe('break opportunities (clreq)', () => {
  it('treats “ and ” as opening and closing marks, not glue (unlike UAX #14)', () => {
    expect(marked('市“1+6+N”联')).toBe('市|“1+6+N”|联');
    expect(marked('和“1+6”“常州新力”品')).toBe('和|“1+6”|“常|州|新|力”|品');
  });

  it('never breaks before closing or after opening punctuation, full-width or ASCII', () => {
    expect(marked('种好“责任田”。全面')).toBe('种|好|“责|任|田”。|全|面');
    expect(marked('方案(试行)》,特约')).toBe('方|案|(试|行)》,|特|约');
    expect(marked('《书名》、（注）')).toBe('《书|名》、|（注）');
  });

  it('keeps numbers with their decimal point, percent, range and unit', () => {
    expect(marked('约1.3亿元。')).toBe('约|1.3亿|元。');
    expect(marked('率达98.7%。在')).toBe('率|达|98.7%。|在');
    expect(marked('(2020-2035年),')).toBe('(2020-2035年),');
    expect(marked('新增22447名')).toBe('新|增|22447名');
    expect(marked('1,000元')).toBe('1,000元');
  });

  it('keeps Latin words whole and breaks after a space', () => {
    expect(marked('用PDF.js读取 text layer')).toBe('用|PDF.js|读|取 |text |layer');
  });

  it('never splits —— or ……, but may break before and after them', () => {
    expect(marked('新时代——常州')).toBe('新|时|代|——|常|州');
    expect(marked('等等……然后')).toBe('等|等|……|然|后');
  });

  it('binds the middle dot to both names', () => {
    expect(marked('马丁·路德')).toBe('马|丁·路|德');
  });
});
