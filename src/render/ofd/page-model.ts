/**
 * Laid-out pages, format-neutral: what a fixed-layout writer (OFD) needs to draw the same pages
 * as the PDF. Lengths are PDF points, measured from the page's top-left corner with y growing
 * down (as pdfkit's user space and OFD's page space both do); a writer converts to its unit.
 */

/** An affine map [a b c d e f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** An sRGB colour (0–255 a channel) and its opacity (0–1). */
export interface Colour {
  rgb: readonly [number, number, number];
  alpha: number;
}

/** What part of the page an item belongs to: the text block, or the page furniture around it. */
export type Role = 'body' | 'header' | 'footer' | 'watermark';

/** One glyph as drawn: its font's glyph id, the code points it stands for, and its origin on the baseline. */
export interface PlacedGlyph {
  id: number;
  codePoints: readonly number[];
  /** Origin in the run's own space (before `ctm`). */
  x: number;
  y: number;
  /** The pen's move to the next glyph, character spacing included. */
  advance: number;
}

export interface TextRun {
  kind: 'text';
  role: Role;
  /** The font file the glyph ids belong to. */
  font: string;
  /** Font size in pt. */
  size: number;
  fill: Colour;
  /** Maps the run's space to the page's (identity but for the rotated watermark). */
  ctm: Matrix;
  /** The text the glyphs stand for, in order. */
  text: string;
  glyphs: readonly PlacedGlyph[];
}

export type PathCommand =
  | { op: 'M' | 'L'; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'Z' };

export interface Stroke {
  colour: Colour;
  width: number;
  cap: 'butt' | 'round' | 'square';
  join: 'miter' | 'round' | 'bevel';
  dash?: readonly number[];
}

export interface PathItem {
  kind: 'path';
  role: Role;
  ctm: Matrix;
  commands: readonly PathCommand[];
  stroke?: Stroke;
  fill?: { colour: Colour; rule: 'nonzero' | 'evenodd' };
  /** A clip rectangle in page space, when the path is drawn inside one. */
  clip?: Box;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageItem {
  kind: 'image';
  role: Role;
  /** The image file as the content names it. */
  file: string;
  /** The box the image fills, in the item's own space. */
  box: Box;
  ctm: Matrix;
  /** EXIF orientation (1–8) the PDF applied: the box shows the picture turned as it says. */
  orientation: number;
  opacity: number;
  clip?: Box;
}

export type PageItem = TextRun | PathItem | ImageItem;

export interface LaidOutPage {
  width: number;
  height: number;
  /** In drawing order. */
  items: PageItem[];
}

/** A heading bookmark: where its first line's top is. */
export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
  y: number;
  children: OutlineEntry[];
}

export interface LaidOutDocument {
  pages: LaidOutPage[];
  outline: OutlineEntry[];
}

/** The product of two maps: first `inner`, then `outer`. */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f];
}

export function apply(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

export function isIdentity(m: Matrix): boolean {
  return m.every((v, i) => v === IDENTITY[i]);
}
