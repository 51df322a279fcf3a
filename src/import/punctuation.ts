import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { positionsFrom } from './mapped-text.js';
import {
  charAt,
  charBefore,
  contextAfter,
  contextBefore,
  inChineseContext,
  isCjk,
  isDigit,
  isHan,
  isLatin,
  protectedMask,
} from './chinese-context.js';


/** What to do with a numeric range such as `2020-2035年`: report it, or join it with `—` or `～`. */
export type RangeStyle = 'keep' | 'dash' | 'tilde';
export const RANGE_STYLES: readonly RangeStyle[] = ['keep', 'dash', 'tilde'];

export interface PunctuationOptions {
  /** File the text comes from; `<text>` when not given. */
  file?: string;
  /** Source line and column of the text's first character (1-based; default 1:1). */
  line?: number;
  column?: number;
  ranges?: RangeStyle;
  /** Source position of `text[index]`, for text that does not sit contiguously in its file. */
  locate?: (index: number) => SourcePos;
}

export interface PunctuationResult {
  text: string;
  /** One `info[punct]` per change, at the source position of the original mark. */
  changes: Diagnostic[];
  /** `warning[range]` for each numeric range left as it is. */
  warnings: Diagnostic[];
  /** Changes by kind, e.g. `',' → '，'`: 108. */
  counts: Record<string, number>;
}

interface Edit {
  /** Where the mark is; the edit may also take the spaces around it. */
  at: number;
  start: number;
  end: number;
  mark: string;
  replacement: string;
}

/** Half-width marks and their GB/T 15834 full-width forms. */
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/**
 * Normalises the punctuation of Chinese text per GB/T 15834-2011, reporting every change.
 * In Chinese context, ASCII `, : ; ! ? ( )` become full-width, straight quotes become “ ” and ‘ ’
 * in pairs, `...` becomes `……` and `--` between Chinese becomes `——`. Numbers (1.3, 1,000, 12:30),
 * 1+6+N, URLs, e-mail addresses, Latin text and `code` are left alone. Numeric ranges are reported,
 * and changed only when `ranges` asks for it.
 */
export function normalizePunctuation(text: string, options: PunctuationOptions = {}): PunctuationResult {
  const locate =
    options.locate ?? positionsFrom(options.file ?? '<text>', options.line ?? 1, options.column ?? 1, text);
  const ranges = options.ranges ?? 'keep';
  const guard = protectedMask(text);
  const edits: Edit[] = [];
  const warnings: Diagnostic[] = [];
  // Rules judge context on a view of the text in which the marks already decided are full-width,
  // unit for unit, and run again until nothing new is decided: `…!` becomes `……！` in one pass.
  const view = text.split('');
  const decided = new Array<boolean>(text.length).fill(false);
  let changed = true;
  const free = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (guard[k] || decided[k]) return false;
    return true;
  };
  // A full-width mark carries its own space, so `2020年, 面对` loses the space an English habit put
  // there. Quotes, brackets and dashes keep theirs: `‘十四五’ 共绘` is spaced on purpose.
  const add = (at: number, mark: string, replacement: string, absorb: 'spaces' | 'none') => {
    if (!free(at, at + mark.length)) return;
    let start = at;
    let end = at + mark.length;
    if (absorb === 'spaces') {
      while (start > 0 && /[ \t]/.test(text[start - 1]!)) start--;
      while (end < text.length && /[ \t]/.test(text[end]!)) end++;
    }
    edits.push({ at, start, end, mark, replacement });
    for (let k = at; k < at + mark.length; k++) {
      view[k] = replacement[0]!;
      decided[k] = true;
    }
    changed = true;
  };

  while (changed) {
    changed = false;
    const v = view.join('');
    const todo = (i: number) => !guard[i] && !decided[i];

    // , ; : ! ? — one at a time.
    for (let i = 0; i < v.length; i++) {
      const ch = v[i]!;
      if (!',;:!?'.includes(ch) || !todo(i)) continue;
      if (ch === ',' && isDigit(v[i - 1]) && /^\d{3}(?!\d)/.test(v.slice(i + 1, i + 5))) continue;
      if (ch === ':' && isDigit(v[i - 1]) && isDigit(v[i + 1])) continue;
      if (inChineseContext(v, i)) add(i, ch, FULL[ch]!, 'spaces');
    }

    // A full stop that ends a Chinese sentence: `贡献.` at the end of the text or of a line.
    for (let i = 0; i < v.length; i++) {
      if (v[i] !== '.' || !todo(i) || v[i - 1] === '.' || v[i + 1] === '.') continue;
      const before = charBefore(v, i);
      const atEnd = /^[ \t]*(\n|$)/.test(v.slice(i + 1));
      if (atEnd && (isHan(before) || (before !== undefined && '”’）》」』'.includes(before)))) add(i, '.', '。', 'none');
    }

    // Brackets in pairs: a pair goes full-width when it holds Chinese or sits in it.
    const opens: number[] = [];
    const pairs: [number, number | undefined][] = [];
    for (let i = 0; i < v.length; i++) {
      if (!todo(i)) continue;
      if (v[i] === '(') opens.push(i);
      else if (v[i] === ')') {
        const o = opens.pop();
        pairs.push(o === undefined ? [i, undefined] : [o, i]);
      }
    }
    for (const o of opens) pairs.push([o, undefined]);
    for (const [o, c] of pairs) {
      if (c === undefined) {
        if (inChineseContext(v, o)) add(o, v[o]!, FULL[v[o]!]!, 'none');
        continue;
      }
      const before = contextBefore(v, o);
      const chinese =
        [...v.slice(o + 1, c)].some((ch) => isCjk(ch)) ||
        isCjk(before) ||
        (isCjk(contextAfter(v, c + 1)) && !isLatin(before) && !isDigit(before));
      if (chinese) {
        add(o, '(', '（', 'none');
        add(c, ')', '）', 'none');
      }
    }

    // Quotes in pairs, alongside any curly ones already there.
    for (const [straight, open, close] of [['"', '“', '”'], ["'", '‘', '’']] as const) {
      quotePairs(v, guard, straight, open, close, (o, c, curly) => {
        if (!curly && !pairIsChinese(v, o, c)) return;
        if (v[o] === straight) add(o, straight, open, 'none');
        if (v[c] === straight) add(c, straight, close, 'none');
      });
    }

    // Ellipses and dashes.
    for (const m of v.matchAll(/\.{3,}|。{3,}|(?<!…)…(?!…)/g)) {
      if (free(m.index, m.index + m[0].length) && inChineseContext(v, m.index, m.index + m[0].length)) {
        add(m.index, m[0], '……', 'none');
      }
    }
    for (const m of v.matchAll(/(?<!-)-{2,3}(?!-)|－{2}|―{2}/g)) {
      const end = m.index + m[0].length;
      if (free(m.index, end) && isCjk(contextBefore(v, m.index)) && isCjk(contextAfter(v, end))) add(m.index, m[0], '——', 'none');
    }
  }

  // Numeric ranges: 2020-2035年, 3~5个, 10%-20%. Not dates (2021-03-04) nor codes (GB/T 15834-2011).
  const v = view.join('');
  const RANGE = /(?<![\d.\-/:A-Za-z])(\d{1,4}(?:\.\d+)?%?)([-~－])(\d{1,4}(?:\.\d+)?%?)(?![\d\-/:A-Za-z]|\.\d)/g;
  for (const m of v.matchAll(RANGE)) {
    const [whole, from, dash, to] = m as unknown as [string, string, string, string];
    const at = m.index + from.length;
    if (!free(m.index, m.index + whole.length) || /^0\d{2}/.test(from)) continue;
    if (!isCjk(contextBefore(v, m.index)) && !isCjk(contextAfter(v, m.index + whole.length))) continue;
    if (ranges === 'keep') {
      warnings.push(
        diag('warning', 'range', `numeric range '${whole}': GB/T 15834 joins a range with '—' or '～'`, locate(at), [
          `--ranges=dash gives '${from}—${to}', --ranges=tilde gives '${from}～${to}'`,
        ]),
      );
    } else {
      add(at, dash, ranges === 'dash' ? '—' : '～', 'none');
    }
  }

  return apply(text, edits, locate, warnings);
}

/** Whether a pair of straight quotes at `o` and `c` quotes Chinese or sits in it. */
function pairIsChinese(text: string, o: number, c: number): boolean {
  return (
    [...text.slice(o + 1, c)].some((ch) => isCjk(ch)) ||
    isCjk(contextBefore(text, o)) ||
    isCjk(contextAfter(text, c + 1))
  );
}

/**
 * Pairs quotes left to right: a straight one opens unless a quote is open, and curly ones say
 * what they are. An apostrophe (it's) is no quote. Unpaired quotes are left for the balance check.
 */
function quotePairs(
  text: string,
  guard: boolean[],
  straight: string,
  open: string,
  close: string,
  onPair: (o: number, c: number, curly: boolean) => void,
): void {
  let opened: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (guard[i]) continue;
    if (ch === straight) {
      if (straight === "'" && isLatin(charBefore(text, i)) && (isLatin(charAt(text, i + 1)) || opened === undefined)) continue;
      if (opened === undefined) opened = i;
      else {
        onPair(opened, i, text[opened] !== straight);
        opened = undefined;
      }
    } else if (ch === open) {
      opened = i;
    } else if (ch === close) {
      if (opened !== undefined && text[opened] === straight) onPair(opened, i, true);
      opened = undefined;
    }
  }
}

function apply(
  text: string,
  edits: Edit[],
  locate: (i: number) => SourcePos,
  warnings: Diagnostic[],
): PunctuationResult {
  edits.sort((a, b) => a.at - b.at);
  const changes: Diagnostic[] = [];
  const counts: Record<string, number> = {};
  let out = '';
  let done = 0;
  for (const e of edits) {
    // Two marks may both reach for the spaces between them; the first one takes them.
    const start = Math.max(e.start, done);
    if (start > e.at) continue;
    out += text.slice(done, start) + e.replacement;
    done = e.end;
    const kind = `'${e.mark}' → '${e.replacement}'`;
    counts[kind] = (counts[kind] ?? 0) + 1;
    const spaces = e.end - start > e.mark.length ? ' (and the spaces around it)' : '';
    changes.push(diag('info', 'punct', kind + spaces, locate(e.at)));
  }
  out += text.slice(done);
  return { text: out, changes, warnings, counts };
}
