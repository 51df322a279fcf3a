import {
  CLOSE, CLOSE_ASCII, DASH, DIGIT, ELLIPSIS, GLUE, HAN, MIDDOT, OPEN, OPEN_ASCII, SPACE,
  isWord, type CharClass,
} from './char-class.js';

/** brk[k]: may a line start at character k (i.e. break between k-1 and k)? */
export const NO_BREAK = 0;
/** A clreq break opportunity. */
export const BREAK = 1;

/**
 * May a line break between a character of class `a` and one of class `b`?
 * clreq rules, strongest first.
 */
export function canBreakBetween(a: CharClass, b: CharClass): boolean {
  // Closing punctuation never starts a line, opening punctuation never ends one.
  if (b === CLOSE || b === CLOSE_ASCII) return false;
  if (a === OPEN || a === OPEN_ASCII) return false;
  // A space hangs at the end of the line it ends; the next line starts after it.
  if (b === SPACE) return false;
  if (a === SPACE) return true;
  if (a === GLUE || b === GLUE) return false;
  // 间隔号 binds the names it separates.
  if (a === MIDDOT || b === MIDDOT) return false;
  // `——` and `……` are one mark drawn with two glyphs.
  if ((a === DASH && b === DASH) || (a === ELLIPSIS && b === ELLIPSIS)) return false;
  // Latin words and numbers (1.3, 98.7%, 2020-2035, 1+6+N) stay whole ...
  if (isWord(a) && isWord(b)) return false;
  // ... and a number keeps the unit after it: 2020年, 1.3亿, 25个.
  if (a === DIGIT && b === HAN) return false;
  return true;
}

/** Fill brk[1..n-1] with the break opportunities of a classified paragraph (brk[0] unused). */
export function computeBreaks(cls: Uint8Array, brk: Uint8Array): void {
  const n = cls.length;
  brk[0] = NO_BREAK;
  for (let k = 1; k < n; k++) {
    brk[k] = canBreakBetween(cls[k - 1]!, cls[k]!) ? BREAK : NO_BREAK;
  }
}
