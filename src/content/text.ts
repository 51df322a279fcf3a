import { codePointLabel, diag, FORMAT_CHAR, formatCharHint, namedCodePoint, type Diagnostic, type SourcePos } from '../diagnostics/index.js';

// C0 and C1 controls other than tab, LF and CR, plus DEL: invisible in print and never intended.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Characters no text may hold: noncharacters, and surrogate halves without their pair (the markup
// is XML, which cannot carry them, and no font has a glyph for them).
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('');
const NOT_TEXT = new RegExp(`[\\uFDD0-\\uFDEF${NONCHARACTERS}]|[\\uD800-\\uDFFF]`, 'u');
// U+FFFD stands where a decoder lost a character (an import of a damaged page puts it there).
const LOST = /\uFFFD/u;
const BAD = new RegExp(`${CONTROL.source}|${NOT_TEXT.source}|${FORMAT_CHAR.source}|${LOST.source}`, 'u');

const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2014\\u2026\\u201C\\u201D\\u2018\\u2019';
const BREAK = '[\\r\\n\\u2028\\u2029]';
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*${BREAK}+[ \\t]*(?=[${CJK}])`, 'gu');
const WHITESPACE_RUN = /[ \t\r\n\u2028\u2029]+/g;

/**
 * Cleans one text value: refuses control characters, invisible format characters (zero-width
 * spaces, bidirectional overrides), noncharacters and unpaired surrogates (with
 * their position), and folds tabs and line breaks inside a paragraph. A line break between two
 * Chinese characters disappears (Chinese has no inter-word space); any other run becomes one space.
 *
 * `locate` maps an index in `value` to its place in the file; without it the value's start is used.
 */
export function cleanText(value: string, pos: SourcePos, diagnostics: Diagnostic[], locate?: (index: number) => SourcePos): string {
  const bad = BAD.exec(value);
  if (bad) {
    const cp = bad[0].codePointAt(0)!;
    const control = CONTROL.test(bad[0]);
    const invisible = !control && FORMAT_CHAR.test(bad[0]);
    const more = countMatches(value, BAD) - 1;
    const lost = cp === 0xfffd;
    const message = control
      ? `control character ${namedCodePoint(cp)} in text`
      : lost
        ? 'replacement character U+FFFD (\uFFFD) in text: a character was lost when this text was decoded'
        : invisible
          ? `invisible format character ${namedCodePoint(cp)} in text`
          : cp >= 0xd800 && cp <= 0xdfff
            ? `unpaired surrogate ${codePointLabel(cp)} in text`
            : `noncharacter ${codePointLabel(cp)} in text`;
    const hint = control
      ? 'delete it; it does not print and is usually left over from copying'
      : lost
        ? 'put the character that was there back (an import of a damaged page says where it lost one)'
        : invisible
          ? formatCharHint(cp)
          : 'delete it; it is not a character any font or document can hold';
    diagnostics.push(diag('error', control || invisible ? 'control-char' : 'bad-char', more > 0 ? `${message} (and ${more} more)` : message, locate ? locate(bad.index) : pos, [hint]));
  }
  return value.replace(BREAK_BETWEEN_CJK, '').replace(WHITESPACE_RUN, ' ').trim();
}

function countMatches(value: string, re: RegExp): number {
  return value.match(new RegExp(re.source, 'gu'))?.length ?? 0;
}
