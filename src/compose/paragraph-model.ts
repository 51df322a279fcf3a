/**
 * A paragraph prepared for line breaking: one slot per code point in parallel typed arrays
 * (no object per character), all lengths in pt.
 *
 * Box model: character k owns a box of width box[k]; its glyph origin sits pre[k] into the box
 * and its glyph advances adv[k]. When k+1 is on the same line, join[k] is added after k
 * (adjacent-punctuation compression < 0, Han–Latin gap > 0). pdfkit's characterSpacing after k
 * is therefore box[k] - pre[k] - adv[k] + pre[k+1] + join[k] (+ justification).
 */
/**
 * The tiers in which a tight line takes space from its marks, in clreq's order (§6.2.2.3, after
 * the line-end mark, which drops its blank half first): each tier is used up before the next.
 */
export const PAIR = 1; // the blank half left in a pair of adjacent marks (”。 1.5 em → 1 em, clreq 3.1.6.2)
export const BRACKET = 2; // a bracket or quote standing alone (clreq ④)
export const PAUSE = 3; // ，、；： standing alone (clreq ⑤)
export const STOP = 4; // 。？！ standing alone (clreq ⑦, after the gaps)
export const DEEP = 5; // a mark standing alone, beyond the theme's markSqueeze down to half width: a last resort
export const SQUEEZE_TIERS = 5;

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
   * How much of its blank half a full-width mark inside a line may give up when the line is tight
   * (a closing mark's right half, drawn away by the spacing after it; an opening mark's left half,
   * by the spacing after the character before it): all of it for a mark beside another mark, up
   * to the theme's markSqueeze for one standing alone. 0 for other characters.
   */
  squeeze: Float64Array;
  /** Which tier of SQUEEZE_TIERS a mark's squeeze belongs to (0: none). */
  squeezeTier: Uint8Array;
  /** What a mark standing alone may give beyond `squeeze`, down to half width (tier DEEP). */
  deep: Float64Array;
  /**
   * Share of the extra spacing of a loose line the gap after k takes: 0 inside `——`, `……`,
   * Latin words and numbers; 1 between Han characters; more after a word space and at the edges
   * of a word or number.
   */
  stretch: Uint8Array;
  /** Share of the tightening of a tight line the gap after k takes: 1 wherever stretch > 0, else 0. */
  shrink: Uint8Array;
  /** 1 if a line may start at k; 2 (WORD_BREAK), 3 (ADDRESS_BREAK), 4 (HYPHEN_BREAK) if it may inside a word (word-breaks.ts) */
  brk: Uint8Array;
  /** prefix sums: W[k] = Σ_{m<k} box[m] + join[m]; G[k] = Σ_{m<k} stretch[m]; H likewise of shrink; C[k] = countable chars */
  W: Float64Array;
  G: Int32Array;
  H: Int32Array;
  C: Int32Array;
  /** prefix sums by squeeze tier t (1…SQUEEZE_TIERS): Q[t][k] = Σ_{m<k, tier t} squeeze[m]; N[t][k] counts those marks */
  Q: Float64Array[];
  N: Int32Array[];
  /** horizontal ink extent [minX, maxX] of a code point's glyph in em, where the font tells it (centring by ink) */
  ink?: (cp: number) => readonly [number, number] | undefined;
  /** width of the soft hyphen a hyphenated line ends with, in pt (0: the font has none) */
  hyphen: number;
  /** largest glyph advance and largest box in the paragraph (bounds for pruning) */
  maxAdv: number;
  maxBox: number;
}
