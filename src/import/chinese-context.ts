/**
 * What counts as Chinese context for a punctuation mark, and which spans are never touched:
 * URLs, e-mail addresses and `code`. Shared by the normaliser and the balance check.
 */

const HAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
/** Full-width and CJK punctuation (and full-width forms), which only Chinese text carries. */
const CJK_PUNCT = /^[\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef“”‘’—…·]$/u;
const LATIN = /^[A-Za-z\u00c0-\u024f]$/u;

/** The character (whole code point) that starts at `i`. */
export function charAt(text: string, i: number): string | undefined {
  const cp = text.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** The character (whole code point) that ends just before `i`. */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** A Han character or a CJK punctuation mark. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_PUNCT.test(ch));
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Spaces, ASCII quotes and brackets do not decide the context; the character beyond them does. */
const TRANSPARENT = /^[ \t\u00a0"'()[\]]$/;

/** The nearest deciding character before `i` on the same line. */
export function contextBefore(text: string, i: number): string | undefined {
  let j = i;
  while (j > 0) {
    const ch = charBefore(text, j)!;
    if (ch === '\n') return undefined;
    if (!TRANSPARENT.test(ch)) return ch;
    j -= ch.length;
  }
  return undefined;
}

/** The nearest deciding character at or after `i` on the same line. */
export function contextAfter(text: string, i: number): string | undefined {
  let j = i;
  while (j < text.length) {
    const ch = charAt(text, j)!;
    if (ch === '\n') return undefined;
    if (!TRANSPARENT.test(ch)) return ch;
    j += ch.length;
  }
  return undefined;
}

/** What lies before `i` on its line: any Chinese at all, and how many Latin words since the last of it. */
export function lineBefore(text: string, i: number): { chinese: boolean; latinWords: number } {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  let k = i;
  while (k > lineStart && !isCjk(charBefore(text, k))) k -= charBefore(text, k)!.length;
  const segment = text.slice(k, i);
  const latinWords = segment.match(/[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*/gu)?.length ?? 0;
  return { chinese: k > lineStart, latinWords };
}

/**
 * Whether an ASCII mark spanning [start, end) sits in Chinese context: a Chinese character or mark
 * just before it; or one just after it, unless the line so far is Latin text (`Hello, 世界`);
 * or the end of the line after Chinese text, unless a Latin phrase ends it (`他说 Thank you!`).
 */
export function inChineseContext(text: string, start: number, end = start + 1): boolean {
  if (isCjk(contextBefore(text, start))) return true;
  if (endsLatinPhrase(text, start, end)) return false;
  const after = contextAfter(text, end);
  if (after !== undefined && !isCjk(after)) return false;
  const before = lineBefore(text, start);
  if (after !== undefined) return before.chinese || before.latinWords === 0;
  return before.chinese && before.latinWords < 2;
}

/** Marks that close a quotation or a parenthesis. */
const CLOSING = /^["'”’」』）)》\]]$/;

/**
 * A mark right after a Latin phrase of two words or more and right before a closing quote or
 * bracket (or the line's end) ends that phrase: `“Keep going, never give up!”` keeps its `!`,
 * as GB/T 15834 keeps a foreign quotation's own marks.
 */
function endsLatinPhrase(text: string, start: number, end: number): boolean {
  if (!isLatin(charBefore(text, start))) return false;
  const next = charAt(text, end);
  if (next !== undefined && next !== '\n' && !CLOSING.test(next)) return false;
  return lineBefore(text, start).latinWords >= 2;
}

const URL = /\b(?:https?|ftp):\/\/[^\s<>"'“”‘’\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+|\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>"'“”‘’\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const CODE = /`[^`\n]+`/g;

/** For each UTF-16 unit, true when it lies in a URL, an e-mail address or a `code` span. */
export function protectedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const mark = (start: number, end: number) => {
    for (let k = start; k < end; k++) mask[k] = true;
  };
  for (const m of text.matchAll(CODE)) mark(m.index, m.index + m[0].length);
  for (const m of text.matchAll(URL)) {
    // A URL does not end in the sentence's punctuation: `见http://a.cn/x,详情`.
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    mark(m.index, m.index + url.length);
  }
  for (const m of text.matchAll(EMAIL)) mark(m.index, m.index + m[0].length);
  return mask;
}
