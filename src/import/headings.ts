/**
 * Numbered headings of Chinese reports, four levels: 一、 （一） 1. （1）, plus 第一部分/第一章
 * (level 1) and 第一节 (level 2). The numbering is the template's job, so it is stripped; the
 * ordinal is kept to check the sequence.
 */
export interface HeadingMarker {
  /** The level this style of number usually marks: 一、 1, （一） 2, 1. 3, （1） 4; 第一章 1, 第一节 2. */
  level: 1 | 2 | 3 | 4;
  /** Nesting order of the styles: 第一章 0, 第一节 1, 一、 2, （一） 3, 1. 4, （1） 5. */
  rank: number;
  /** The marker as written, e.g. `一、` or `（1）`, with the spaces after it. */
  marker: string;
  ordinal: number;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; NaN when it is no numeral. */
export function chineseNumber(text: string): number {
  if (text === '') return NaN;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

const CN = '[一二三四五六七八九十百零〇两]{1,4}';
const PATTERNS: { level: 1 | 2 | 3 | 4; rank: number; re: RegExp; ordinal: (m: RegExpExecArray) => number }[] = [
  { level: 1, rank: 0, re: new RegExp(`^第(${CN}|\\d{1,3})(?:部分|章|篇)[\\s\\u3000]*[:：、.．]?[\\s\\u3000]*`), ordinal: (m) => num(m[1]!) },
  { level: 2, rank: 1, re: new RegExp(`^第(${CN}|\\d{1,3})节[\\s\\u3000]*[:：、.．]?[\\s\\u3000]*`), ordinal: (m) => num(m[1]!) },
  { level: 1, rank: 2, re: new RegExp(`^(${CN})[\\s\\u3000]*[、.．][\\s\\u3000]*`), ordinal: (m) => chineseNumber(m[1]!) },
  { level: 2, rank: 3, re: new RegExp(`^[（(][\\s\\u3000]*(${CN})[\\s\\u3000]*[）)][\\s\\u3000]*[、.．]?[\\s\\u3000]*`), ordinal: (m) => chineseNumber(m[1]!) },
  { level: 3, rank: 4, re: /^(\d{1,2})[\s\u3000]*[.．、](?![\d.．])[\s\u3000]*/, ordinal: (m) => Number(m[1]) },
  { level: 4, rank: 5, re: /^[（(][\s\u3000]*(\d{1,2})[\s\u3000]*[）)][\s\u3000]*/, ordinal: (m) => Number(m[1]) },
  { level: 4, rank: 5, re: /^([①-⑳])[\s\u3000]*/, ordinal: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
];

function num(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : chineseNumber(text);
}

export function headingMarker(text: string): HeadingMarker | undefined {
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (m && !Number.isNaN(p.ordinal(m))) return { level: p.level, rank: p.rank, marker: m[0], ordinal: p.ordinal(m) };
  }
  return undefined;
}

/** How the text after a marker reads: a heading, a heading run into its first paragraph, or a numbered paragraph. */
export type HeadingShape =
  | { kind: 'heading' }
  | { kind: 'run-in'; headingEnd: number }
  | { kind: 'paragraph' };

/** Longest heading we believe, in characters; a longer first sentence is a numbered paragraph. */
export const MAX_HEADING = 40;
const MAX_BARE_HEADING = 60;

/**
 * `rest` is the text after the marker. A heading has no sentence end, or ends at its only one.
 * `（一）坚持党的领导。全市…` is a heading that ends with a full stop and runs into its paragraph.
 * Anything longer is a numbered paragraph, which keeps its number.
 */
export function headingShape(rest: string): HeadingShape {
  const end = /[。！？!?]/.exec(rest);
  const length = (s: string) => [...s].length;
  if (!end) return length(rest) <= MAX_BARE_HEADING && !/[；;]/.test(rest) ? { kind: 'heading' } : { kind: 'paragraph' };
  let headingEnd = end.index + 1;
  // The sentence may close a quote: 坚持“两个毫不动摇”。
  while (/[”’」』）)]/.test(rest[headingEnd] ?? '')) headingEnd++;
  if (length(rest.slice(0, headingEnd)) > MAX_HEADING) return { kind: 'paragraph' };
  return rest.slice(headingEnd).trim() === '' ? { kind: 'heading' } : { kind: 'run-in', headingEnd };
}
