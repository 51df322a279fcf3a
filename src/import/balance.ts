import { diag, type Diagnostic } from '../diagnostics/index.js';
import { isLatin, protectedMask } from './chinese-context.js';
import { positionsFrom } from './mapped-text.js';
import type { PunctuationOptions } from './punctuation.js';

/** Opening marks and the family they belong to; half- and full-width forms pair with each other. */
const OPEN: Record<string, string> = {
  '(': 'paren', '（': 'paren', '[': 'square', '［': 'square', '{': 'brace', '｛': 'brace',
  '【': 'lenticular', '〖': 'lenticular', '〔': 'tortoise', '《': 'book', '〈': 'angle',
  '「': 'corner', '『': 'white-corner', '“': 'double', '‘': 'single',
};
const CLOSE: Record<string, string> = {
  ')': 'paren', '）': 'paren', ']': 'square', '］': 'square', '}': 'brace', '｝': 'brace',
  '】': 'lenticular', '〗': 'lenticular', '〕': 'tortoise', '》': 'book', '〉': 'angle',
  '」': 'corner', '』': 'white-corner', '”': 'double', '’': 'single',
};

/**
 * Reports brackets and quotes that do not pair up: an opening mark never closed, a closing mark
 * with nothing open, an odd number of straight double quotes. `1)` at the start of a line is a
 * list marker and an apostrophe (it’s) is no quote; URLs and `code` are not looked at.
 */
export function unbalanced(text: string, options: PunctuationOptions = {}): Diagnostic[] {
  const locate =
    options.locate ?? positionsFrom(options.file ?? '<text>', options.line ?? 1, options.column ?? 1, text);
  const guard = protectedMask(text);
  const out: Diagnostic[] = [];
  const stack: { at: number; mark: string; family: string }[] = [];
  const straight: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (guard[i]) continue;
    const ch = text[i]!;
    if (ch === '"') straight.push(i);
    if (ch === '’' && isLatin(text[i - 1]) && isLatin(text[i + 1])) continue;
    const open = OPEN[ch];
    if (open) {
      stack.push({ at: i, mark: ch, family: open });
      continue;
    }
    const family = CLOSE[ch];
    if (!family) continue;
    if ((ch === ')' || ch === '）') && /^[ \t\u3000]*(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})$/.test(lineUpTo(text, i))) continue;
    const k = stack.map((s) => s.family).lastIndexOf(family);
    if (k < 0) {
      out.push(diag('warning', 'unbalanced', `'${ch}' closes nothing: no opening mark before it`, locate(i)));
      continue;
    }
    for (const inner of stack.splice(k).slice(1)) {
      out.push(diag('warning', 'unbalanced', `'${inner.mark}' is never closed (the '${ch}' after it closes an earlier mark)`, locate(inner.at)));
    }
  }
  for (const s of stack) out.push(diag('warning', 'unbalanced', `'${s.mark}' is never closed`, locate(s.at)));
  if (straight.length % 2 === 1) {
    out.push(
      diag('warning', 'unbalanced', `odd number of straight quotes '"': one has no partner`, locate(straight[straight.length - 1]!), [
        'pair them, or write “ and ” where the quote opens and closes',
      ]),
    );
  }
  return out.sort((a, b) => (a.pos!.line - b.pos!.line) || (a.pos!.column - b.pos!.column));
}

function lineUpTo(text: string, i: number): string {
  return text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
}
