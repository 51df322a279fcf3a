import type { SourcePos } from '../diagnostics/index.js';

/**
 * Text that remembers where each of its UTF-16 units came from in the decoded source, so a
 * change made after HTML extraction, trimming or joining still points at the source file.
 */
export interface MappedText {
  text: string;
  /** `offsets[i]` is the offset in the decoded source of `text[i]`. */
  offsets: number[];
}

/** A run of the source, unchanged, starting at `start`. */
export function mapped(text: string, start: number): MappedText {
  return { text, offsets: Array.from({ length: text.length }, (_, i) => start + i) };
}

export function emptyText(): MappedText {
  return { text: '', offsets: [] };
}

export function sliceText(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), offsets: m.offsets.slice(start, end) };
}

export function concatText(...parts: MappedText[]): MappedText {
  const offsets: number[] = [];
  for (const p of parts) for (const o of p.offsets) offsets.push(o);
  return { text: parts.map((p) => p.text).join(''), offsets };
}

/** Where the text starts in the source; `fallback` for empty text. */
export function startOffset(m: MappedText, fallback = 0): number {
  return m.offsets[0] ?? fallback;
}

/**
 * Spaces a pasted Chinese page carries: ASCII, no-break, ideographic, BOM and zero-width ones;
 * and control characters, which print nothing and which the content loader refuses.
 */
const SPACE = /[\s\u00a0\u3000\ufeff\u200b-\u200d\u2060\u0000-\u001f\u007f-\u009f]/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/**
 * Trims both ends and turns every inner run of spaces into one ASCII space. With
 * `keepIdeographic`, a run that holds ideographic spaces (U+3000, `&#x3000;`) keeps them and only
 * them: Chinese text spaces with them on purpose (本报讯　今年以来, 张三　李四).
 */
export function tidyText(m: MappedText, keepIdeographic = false): MappedText {
  let text = '';
  const offsets: number[] = [];
  let pending: { text: string; offsets: number[] } | undefined;
  for (let i = 0; i < m.text.length; i++) {
    const ch = m.text[i]!;
    if (isSpace(ch)) {
      pending ??= { text: '', offsets: [] };
      if (keepIdeographic && ch === '\u3000') {
        if (pending.text === ' ') pending = { text: '', offsets: [] };
        pending.text += ch;
        pending.offsets.push(m.offsets[i]!);
      } else if (pending.offsets.length === 0 || pending.text === ' ') {
        if (pending.text === '') {
          pending.text = ' ';
          pending.offsets.push(m.offsets[i]!);
        }
      }
      continue;
    }
    if (pending && text.length > 0) {
      text += pending.text;
      offsets.push(...pending.offsets);
    }
    pending = undefined;
    text += ch;
    offsets.push(m.offsets[i]!);
  }
  return { text, offsets };
}

/** Converts offsets in the decoded source to 1-based line and column (UTF-16 units, as editors count). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** `file:line:col` of every index of `text`, counting from the given start. */
export function positionsFrom(file: string, line: number, column: number, text: string): (i: number) => SourcePos {
  const lines = new LineIndex(text);
  return (index: number) => {
    const at = lines.locate(index);
    return at.line === 1 ? { file, line, column: column + index } : { file, line: line + at.line - 1, column: at.column };
  };
}
