import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';

// C0 and C1 controls other than tab, LF and CR, plus DEL: invisible in print and never intended.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2014\\u2026\\u201C\\u201D\\u2018\\u2019';
const BREAK_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]*[\\r\\n]+[ \\t]*(?=[${CJK}])`, 'gu');

/**
 * Cleans one text value: refuses control characters (with their position), and folds
 * tabs and line breaks inside a paragraph. A line break between two Chinese characters
 * disappears (Chinese has no inter-word space); any other run becomes one space.
 */
export function cleanText(value: string, pos: SourcePos, diagnostics: Diagnostic[]): string {
  const bad = CONTROL.exec(value);
  if (bad) {
    const cp = bad[0].codePointAt(0)!;
    const before = value.slice(0, bad.index);
    const lineOffset = before.split('\n').length - 1;
    diagnostics.push(
      diag(
        'error',
        'control-char',
        `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')} in text`,
        { ...pos, line: pos.line + lineOffset, column: lineOffset ? before.length - before.lastIndexOf('\n') : pos.column + bad.index },
        ['delete it; it does not print and is usually left over from copying'],
      ),
    );
  }
  return value.replace(BREAK_BETWEEN_CJK, '').replace(/[ \t\r\n]+/g, ' ').trim();
}
