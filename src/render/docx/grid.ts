import { styleByRole, type Doc } from '../../ir/index.js';
import { twips } from './units.js';

/**
 * The section's document grid (`w:docGrid`) as Word, WPS and LibreOffice read it, computed from
 * the theme's page so that the cells tile the text block (GB/T 9704: 22 lines × 28 characters).
 *
 * Lines: `linePitch` is in twips, so it is the whole twips of text height per line, rounded
 * down: 12,756 twips / 22 = 579.8 gives 579 (580 would need 12,760 and only 21 lines fit).
 * Characters: `charSpace` is what ECMA-376 §17.6.5 makes it, the pitch a character cell has
 * beyond the Normal style's font size, in 1/4096 pt, rounded down so that N cells are never
 * wider than the block: (442.25 pt / 28 − 16 pt) × 4096 = −841.1 gives −842.
 *
 * The grid says what the page is (Word's Page Setup shows 22 lines, 28 characters); the text is
 * set off it (see `condensing` and part-edits.ts): LibreOffice 7.4 lays a 16 pt character on
 * its grid over two 15.8 pt cells, 14 characters a line.
 */
export interface WordGrid {
  /** `lines` (a line grid) or `linesAndChars` (lines and character cells). */
  type: 'lines' | 'linesAndChars';
  /** Lines a page. */
  lines: number;
  /** Line pitch in twips. */
  linePitch: number;
  /** Characters a line, with a character grid. */
  chars?: number;
  /** Extra (negative: less) width of a character cell against the Normal font size, in 1/4096 pt. */
  charSpace?: number;
  /** Width of a character cell in pt (the text block's width over `chars`). */
  cell?: number;
  /** Normal's font size in pt: the size the character cells are counted against. */
  baseSize: number;
  /** Twips per IR point for lengths down the page: Word's pitch over the theme's. */
  verticalScale: number;
}

/** Page size and margins in twips, as the section writes them: the grid counts in these. */
export function pageTwips(doc: Doc): { width: number; height: number; top: number; right: number; bottom: number; left: number } {
  const { width, height, margins } = doc.page;
  return { width: twips(width), height: twips(height), top: twips(margins.top), right: twips(margins.right), bottom: twips(margins.bottom), left: twips(margins.left) };
}

/**
 * The grid of a page whose line pitch divides its text height (the theme's `grid: {lines, chars}`
 * makes it so), or undefined for a page set with a free line pitch.
 */
export function wordGrid(doc: Doc): WordGrid | undefined {
  const { margins, height, width, linePitch, charPitch } = doc.page;
  const textHeight = height - margins.top - margins.bottom;
  const lines = Math.round(textHeight / linePitch);
  if (lines < 1 || Math.abs(lines * linePitch - textHeight) > 1e-6 * textHeight) return undefined;
  const page = pageTwips(doc);
  const pitch = Math.floor((page.height - page.top - page.bottom) / lines);
  const baseSize = (styleByRole(doc, 'body') ?? Object.values(doc.styles)[0])?.size ?? 12;
  const grid: WordGrid = { type: 'lines', lines, linePitch: pitch, baseSize, verticalScale: pitch / linePitch };
  if (charPitch) {
    const textWidth = width - margins.left - margins.right;
    const chars = Math.round(textWidth / charPitch);
    const cell = (page.width - page.left - page.right) / 20 / chars;
    grid.type = 'linesAndChars';
    grid.chars = chars;
    grid.cell = cell;
    grid.charSpace = Math.floor((cell - baseSize) * 4096);
  }
  return grid;
}

/**
 * A length down the page in twips: on a grid page scaled by Word's pitch over the theme's, so
 * that what takes whole lines in the PDF takes whole lines of Word's grid (a 1.5-line title and
 * its 1-line space after it, 4 lines for two lines of title, are 4 × 579 twips, not 4 × 580).
 */
export function verticalTwips(grid: WordGrid | undefined, pt: number): number {
  return grid ? Math.round(pt * grid.verticalScale) : twips(pt);
}

/**
 * A line height in twips: as `verticalTwips`, but never rounded up, so that n lines never take
 * more than n lines' worth of the grid (two 1.5-line title lines of 868.5 twips would be 869
 * each, and with the line after them 1 twip more than 4 pitches: the page's last line lost).
 */
export function lineTwips(grid: WordGrid | undefined, pt: number): number {
  return grid ? Math.floor(pt * grid.verticalScale + 1e-6) : twips(pt);
}

/**
 * How much tighter (in twips, for `w:spacing` of a run) characters of a style on the character
 * grid are set so that a line holds as many as the grid has cells, in Word, WPS and LibreOffice
 * alike: GB/T 9704's "16 pt characters set 0.2 pt tight". The characters must be no wider than
 * a cell, in whole twips, and two twips more: LibreOffice counts the cell in whole twips and
 * 1/100 mm (writerfilter's SectionPropertyMap) and loses up to 1.6 twips of it, and keeps a
 * line to whole cells. 0 for a style off the grid, or one whose characters fit the cells as
 * they are. 442.25 pt / 28 = 15.79 pt cells: 16 pt characters 7 twips (0.35 pt) tight.
 */
export function condensing(grid: WordGrid | undefined, size: number): number {
  if (!grid?.cell || !grid.chars || size <= grid.cell) return 0;
  const twipsTight = Math.ceil((size - grid.cell) * 20 - 1e-9) + 2;
  // Never so tight that one more character fits the line.
  return (grid.chars + 1) * (size - twipsTight / 20) > grid.cell * grid.chars ? twipsTight : 0;
}
