import { balanceTitle, type FontMetrics } from '../../compose/index.js';
import { inlineText, type Block, type Doc } from '../../ir/index.js';

/**
 * Widths as Word sets a title: Han characters and full-width punctuation one em, a Latin space
 * a quarter em and other Latin characters about half (Times New Roman). The face Word will use
 * (方正小标宋简体 on an office machine) is not ours to measure, but its Chinese glyphs are all one em.
 */
const WORD_TITLE_METRICS: FontMetrics = {
  name: 'Word title (estimated)',
  has: () => true,
  advance: (cp) => (cp === 0x20 ? 0.25 : cp < 0x2000 ? 0.5 : 1),
};

/**
 * Titles that do not fit one line get the balanced breaks the PDF has (GB/T 9704: break where
 * the meaning allows, lines balanced, never one character alone), as manual line breaks: Word
 * would otherwise fill the first line and leave 展 alone on the second. The lines together are
 * exactly the title, a space at a break kept at the end of its line, so `jianbao import` reads
 * the same title back. Titles with lines fixed by the content are left as they are.
 */
export function withBalancedTitles(doc: Doc, blocks: readonly Block[], textWidth: number): Block[] {
  return blocks.map((b) => {
    if (b.kind !== 'paragraph' || b.lines || !doc.styles[b.style]?.balance) return b;
    if (b.inlines.some((i) => i.kind !== 'text' || i.strong || i.emphasis)) return b;
    const style = doc.styles[b.style]!;
    const text = inlineText(b.inlines);
    // Half an em to spare: Word's line may be a little shorter than ours.
    const lines = balanceTitle(text, { metrics: WORD_TITLE_METRICS, size: style.size, width: textWidth - style.size / 2 });
    if (lines.length < 2) return b;
    const exact = exactLines(text, lines);
    return exact ? { ...b, lines: exact } : b;
  });
}

/** The lines as slices of `text` that join back to it: what a break dropped stays at the end of its line. */
function exactLines(text: string, lines: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let from = 0;
  for (const [k, line] of lines.entries()) {
    const at = text.indexOf(line, from);
    if (at < 0) return undefined;
    if (k === 0) {
      if (text.slice(0, at).trim() !== '') return undefined;
    } else out[k - 1] += text.slice(from, at);
    out.push((k === 0 ? text.slice(0, at) : '') + line);
    from = at + line.length;
  }
  out[out.length - 1] += text.slice(from);
  return out.join('') === text ? out : undefined;
}
