import { chineseDate, chineseNumeral, sectionNumber } from './chinese-numerals.js';

/**
 * Every Handlebars helper the templates may call, in one place. Helpers take data only
 * (strings and numbers) and return strings, which Handlebars then escapes.
 */
export const helpers: Record<string, (...args: unknown[]) => unknown> = {
  cnNumber: (n) => chineseNumeral(Number(n)),
  cnDate: (d) => chineseDate(String(d)),
  sectionNumber: (level, n) => sectionNumber(Number(level), Number(n)),
  /** 第3期 / 总第45期 */
  issueNumber: (n, prefix) => `${typeof prefix === 'string' ? prefix : ''}第${Number(n)}期`,
  eq: (a, b) => a === b,
  inc: (n) => Number(n) + 1,
  join: (list, sep) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''),
};
