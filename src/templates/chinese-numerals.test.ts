import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, sectionNumber } from './chinese-numerals.js';

describe('Chinese numerals', () => {
  it('writes 1–99 as a Chinese reader counts', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 30, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '三十', '九十九']);
    expect(chineseNumeral(105)).toBe('一百零五');
    expect(chineseNumeral(1200)).toBe('一千二百');
  });
  it('refuses what it cannot write', () => {
    expect(() => chineseNumeral(-1)).toThrow(/whole number/);
    expect(() => chineseNumeral(1.5)).toThrow(/whole number/);
  });
  it('writes dates with Arabic numerals and no padding', () => {
    expect(chineseDate('2021-03-04')).toBe('2021年3月4日');
    expect(chineseDate('2020-12-31')).toBe('2020年12月31日');
  });
  it('numbers sections 一、 （一） 1. （1）', () => {
    expect([sectionNumber(1, 10), sectionNumber(2, 3), sectionNumber(3, 2), sectionNumber(4, 12)]).toEqual(['十、', '（三）', '2.', '（12）']);
  });
});
