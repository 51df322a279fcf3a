/**
 * How lines are adjusted where house styles differ: the theme's `composition` block. The
 * defaults follow GB/T 9704 and clreq; see README.md for what each one does to a line.
 */
export interface Composition {
  /**
   * A URL, e-mail address, path or compound Latin word may break after `/ . ? & = - _ \ @`
   * (never inside `://`, never inside a number, never leaving a piece shorter than two
   * characters). Off: such a token stays whole, as a Latin word does.
   */
  breakInsideWords: boolean;
  /**
   * How much of a loose line's slack an edge between Han and a Latin word or number takes,
   * against 1 for a gap between two Han characters (a whole number, 1–4).
   */
  wordEdgeStretch: number;
  /**
   * How much a full-width mark standing alone inside a line gives up of its blank half, before
   * the gaps tighten, when the line is tight, in em: ¼ as jlreq's first method; ½ lets it go to
   * half width as freely, as clreq allows. Beyond it, down to half width, only as a last resort
   * (at a cost above a line 0.06 em loose for two such marks). The line-end mark and the blank
   * left in a pair of marks go first, whatever this says.
   */
  markSqueeze: number;
  /** Centre a line on its ink, not on its advance boxes (whose blank halves of marks pull it aside). */
  centreByInk: boolean;
}

export const DEFAULT_COMPOSITION: Readonly<Composition> = Object.freeze({
  breakInsideWords: true,
  wordEdgeStretch: 2,
  markSqueeze: 0.25,
  centreByInk: true,
});

/** The composition of the options, every setting filled in. */
export function compositionOf(c: Partial<Composition> | undefined): Composition {
  return { ...DEFAULT_COMPOSITION, ...c };
}

/** A short key of the settings, for the memo. */
export function compositionKey(c: Partial<Composition> | undefined): string {
  const f = compositionOf(c);
  return `${f.breakInsideWords ? 1 : 0},${f.wordEdgeStretch},${f.markSqueeze},${f.centreByInk ? 1 : 0}`;
}
