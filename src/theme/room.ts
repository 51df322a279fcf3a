import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import type { PageStyle, Style } from '../ir/index.js';

const pt = (n: number) => `${Math.round(n * 10) / 10} pt`;

/**
 * Theme values checked against the page they are for: every margin, indent and space 0 or more,
 * a text block left inside the margins, and every style able to set one line in it (its first
 * line's indent, one character and its right indent across; its size and line height down). A
 * value outside these would lay out nothing (the PDF left paragraphs out and exited 0) or reach
 * the Word library as a negative length; each is an error at its place in the theme.
 */
export function roomProblems(page: PageStyle, styles: Record<string, Style>, posOf: (at: PropertyKey[]) => SourcePos): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const err = (at: PropertyKey[], message: string, hint: string) => errors.push(diag('error', 'theme', message, posOf(at), [hint]));
  const { margins } = page;
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    if (!(margins[side] >= 0)) err(['page', 'margins', side], `the ${side} margin is ${pt(margins[side])}; a margin is 0 or more`, 'give a length such as 25mm');
  }
  const textWidth = page.width - margins.left - margins.right;
  const textHeight = page.height - margins.top - margins.bottom;
  if (!(textWidth > 0 && textHeight > 0)) {
    err(['page', 'margins'], `the margins leave no text block: the page is ${pt(page.width)} × ${pt(page.height)}, the margins take ${pt(margins.left + margins.right)} across and ${pt(margins.top + margins.bottom)} down`, 'make the margins smaller than the page');
    return errors;
  }
  for (const [name, s] of Object.entries(styles)) {
    const at = (key: string) => ['styles', name, key];
    if (!(s.indent >= 0)) err(at('indent'), `style \`${name}\`: an indent of ${s.indent} characters; a first-line indent is 0 or more`, 'use 0 for none, 2 for the usual Chinese paragraph');
    for (const key of ['spaceBefore', 'spaceAfter'] as const) if (!(s[key] >= 0)) err(at(key), `style \`${name}\`: ${key} is ${pt(s[key])}; space is 0 or more`, 'use 0 for none');
    if (!(s.lineHeight > 0)) err(at('lineHeight'), `style \`${name}\`: a line height of ${pt(s.lineHeight)}; it is more than 0`, 'leave it out to take the page’s line pitch');
    const across = (Math.max(0, s.indent) + s.indentRight + 1) * s.size;
    if (across > textWidth) {
      const key = s.indent > 0 ? 'indent' : s.indentRight > 0 ? 'indentRight' : 'size';
      err(at(key), `style \`${name}\`: its indents and one character at ${pt(s.size)} take ${pt(across)}, wider than the text block (${pt(textWidth)})`, 'lower the indent or the size, or the left and right margins');
    }
    const down = Math.max(s.size, s.lineHeight);
    if (down > textHeight) err(at(s.size >= s.lineHeight ? 'size' : 'lineHeight'), `style \`${name}\`: one line takes ${pt(down)}, taller than the text block (${pt(textHeight)})`, 'lower the size or the line height, or the top and bottom margins');
  }
  return errors;
}
