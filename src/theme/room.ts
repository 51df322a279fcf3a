import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import type { PageStyle, Style } from '../ir/index.js';

const pt = (n: number) => `${Math.round(n * 10) / 10} pt`;

/** How much larger than its grid cell a character may be: the GB/T 9704 grids set 16 pt in 15.8 pt cells. */
const GRID_OVERSIZE = 1.25;

/**
 * Theme values checked against the page they are for: every margin, indent and space 0 or more,
 * a text block left inside the margins, and every style able to set one line in it (its first
 * line's indent, one character and its right indent across, in characters of its size or, on
 * the grid, of the grid's pitch, where a character must also fit its cell; its size and line
 * height down, with its space before and after, the lines no shorter than the characters). A
 * value outside these would lay out nothing (the PDF left paragraphs out and exited 0) or reach
 * the Word library as a negative length; each is an error at its place in the theme.
 */
export function roomProblems(page: PageStyle, styles: Record<string, Style>, posOf: (at: PropertyKey[]) => SourcePos, has: (at: PropertyKey[]) => boolean): Diagnostic[] {
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
    // One problem of room a style: the first of these that holds says what to change.
    if (s.size > textWidth || s.size > textHeight) {
      err(at('size'), `style \`${name}\`: one character of ${pt(s.size)} does not fit the text block (${pt(textWidth)} × ${pt(textHeight)})`, 'lower the size, or the margins');
      continue;
    }
    // Indents count characters: of the style's size, or on a grid page the grid's character pitch.
    const grid = s.grid && page.charPitch !== undefined;
    const unit = grid ? page.charPitch! : s.size;
    // On the grid each character takes one cell: a face much larger than its cell runs into the next.
    if (grid && s.size > unit * GRID_OVERSIZE) {
      err(at('size'), `style \`${name}\`: characters of ${pt(s.size)} in grid cells of ${pt(unit)} overlap each other`, `keep the size near the grid's pitch (${pt(unit)}), or give the grid fewer characters a line`);
      continue;
    }
    if (s.lineHeight > 0 && s.lineHeight < s.size) {
      const key = has(at('lineHeight')) ? 'lineHeight' : 'size';
      err(at(key), `style \`${name}\`: lines of ${pt(s.lineHeight)} are shorter than its characters (${pt(s.size)}), so they overlap`, 'make the line height at least the size');
      continue;
    }
    const across = (Math.max(0, s.indent) + s.indentRight + 1) * unit;
    if (across > textWidth + 1e-6) {
      const key = s.indent > 0 ? 'indent' : s.indentRight > 0 ? 'indentRight' : 'size';
      const each = grid ? `on the grid (${pt(unit)} a character)` : `at ${pt(s.size)}`;
      err(at(key), `style \`${name}\`: its indents and one character ${each} take ${pt(across)}, wider than the text block (${pt(textWidth)})`, grid ? 'lower the indent, or give the grid more characters a line' : 'lower the indent or the size, or the left and right margins');
      continue;
    }
    if (s.lineHeight > textHeight) {
      err(at(has(at('lineHeight')) ? 'lineHeight' : 'size'), `style \`${name}\`: one line takes ${pt(s.lineHeight)}, taller than the text block (${pt(textHeight)})`, 'lower the line height, or the top and bottom margins');
      continue;
    }
    // A paragraph of one line with its space before and after must fit on a page, or no page takes it.
    const down = Math.max(0, s.spaceBefore) + s.lineHeight + Math.max(0, s.spaceAfter);
    if (down > textHeight + 1e-6) {
      const key = s.spaceBefore >= s.spaceAfter ? 'spaceBefore' : 'spaceAfter';
      err(at(key), `style \`${name}\`: its space before (${pt(s.spaceBefore)}), one line and its space after (${pt(s.spaceAfter)}) take ${pt(down)}, taller than the text block (${pt(textHeight)})`, 'lower the space, or the top and bottom margins');
    }
  }
  return errors;
}
