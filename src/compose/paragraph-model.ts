/**
 * A paragraph prepared for line breaking: one slot per code point in parallel typed arrays
 * (no object per character), all lengths in pt.
 *
 * Box model: character k owns a box of width box[k]; its glyph origin sits pre[k] into the box
 * and its glyph advances adv[k]. When k+1 is on the same line, join[k] is added after k
 * (adjacent-punctuation compression < 0, Han–Latin gap > 0). pdfkit's characterSpacing after k
 * is therefore box[k] - pre[k] - adv[k] + pre[k+1] + join[k] (+ justification).
 */
export interface Model {
  text: string;
  n: number;
  size: number;
  cps: Int32Array;
  /** UTF-16 offset of each character in text; off[n] = text.length */
  off: Int32Array;
  cls: Uint8Array;
  adv: Float64Array;
  box: Float64Array;
  pre: Float64Array;
  join: Float64Array;
  /** how much box k may give up when it ends a line (half of a full-width closing mark) */
  endShrink: Float64Array;
  /**
   * How much of its box a full-width mark standing alone inside a line may give up when the line
   * is tight: its blank half (a closing mark's right half, drawn away by the spacing after it; an
   * opening mark's left half, drawn away by the spacing after the character before it). 0 else.
   */
  squeeze: Float64Array;
  /** 1: squeezed first (，、；：brackets, quotes); 2: squeezed only after those (。？！). */
  squeezeTier: Uint8Array;
  /**
   * Share of the extra spacing of a loose line the gap after k takes: 0 inside `——`, `……`,
   * Latin words and numbers; 1 between Han characters; more after a word space and at the edges
   * of a word or number.
   */
  stretch: Uint8Array;
  /** Share of the tightening of a tight line the gap after k takes: 1 wherever stretch > 0, else 0. */
  shrink: Uint8Array;
  /** 1 if a line may start at k */
  brk: Uint8Array;
  /** prefix sums: W[k] = Σ_{m<k} box[m] + join[m]; G[k] = Σ_{m<k} stretch[m]; H likewise of shrink; C[k] = countable chars */
  W: Float64Array;
  G: Int32Array;
  H: Int32Array;
  C: Int32Array;
  /** prefix sums of squeeze by tier: Q1[k] = Σ_{m<k, tier 1} squeeze[m], Q2 likewise */
  Q1: Float64Array;
  Q2: Float64Array;
  /** horizontal ink extent [minX, maxX] of a code point's glyph in em, where the font tells it (centring by ink) */
  ink?: (cp: number) => readonly [number, number] | undefined;
  /** largest glyph advance and largest box in the paragraph (bounds for pruning) */
  maxAdv: number;
  maxBox: number;
}
