import { CLOSE, CLOSE_ASCII, GLUE, SPACE, classifyAll } from './char-class.js';
import type { FontMetrics } from './metrics.js';
import { applyWidths, type WidthOptions } from './punctuation.js';
import { computeBreaks } from './segment.js';

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
  /** largest glyph advance and largest box in the paragraph (bounds for pruning) */
  maxAdv: number;
  maxBox: number;
}

/** Build the Model of one paragraph. */
export function buildModel(text: string, metrics: FontMetrics, o: WidthOptions): Model {
  // Code points, not UTF-16 units: a character outside the BMP is one glyph and one box.
  let n = 0;
  for (let u = 0; u < text.length; u++) {
    const c = text.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(u + 1); // NaN past the end
      if (d >= 0xdc00 && d <= 0xdfff) u++; // a lone surrogate stays one (broken) character
    }
    n++;
  }
  const cps = new Int32Array(n);
  const off = new Int32Array(n + 1);
  for (let u = 0, k = 0; k < n; k++) {
    const cp = text.codePointAt(u)!;
    cps[k] = cp;
    off[k] = u;
    u += cp > 0xffff ? 2 : 1;
  }
  off[n] = text.length;

  const cls = new Uint8Array(n);
  classifyAll(cps, cls);
  const brk = new Uint8Array(n);
  computeBreaks(cls, brk);

  const m: Model = {
    text, n, size: o.size, cps, off, cls, brk,
    adv: new Float64Array(n),
    box: new Float64Array(n),
    pre: new Float64Array(n),
    join: new Float64Array(n),
    endShrink: new Float64Array(n),
    squeeze: new Float64Array(n),
    squeezeTier: new Uint8Array(n),
    stretch: new Uint8Array(n),
    shrink: new Uint8Array(n),
    W: new Float64Array(n + 1),
    G: new Int32Array(n + 1),
    H: new Int32Array(n + 1),
    C: new Int32Array(n + 1),
    Q1: new Float64Array(n + 1),
    Q2: new Float64Array(n + 1),
    maxAdv: 0,
    maxBox: 0,
  };
  applyWidths(m, metrics, o);

  const { W, G, H, C, Q1, Q2, box, join, stretch, shrink, adv, squeeze, squeezeTier } = m;
  for (let k = 0; k < n; k++) {
    if (adv[k]! > m.maxAdv) m.maxAdv = adv[k]!;
    if (box[k]! > m.maxBox) m.maxBox = box[k]!;
    W[k + 1] = W[k]! + box[k]! + join[k]!;
    G[k + 1] = G[k]! + stretch[k]!;
    H[k + 1] = H[k]! + shrink[k]!;
    Q1[k + 1] = Q1[k]! + (squeezeTier[k] === 1 ? squeeze[k]! : 0);
    Q2[k + 1] = Q2[k]! + (squeezeTier[k] === 2 ? squeeze[k]! : 0);
    const c = cls[k]!;
    // What makes a last line "one character": punctuation and spaces do not count.
    C[k + 1] = C[k]! + (c === CLOSE || c === CLOSE_ASCII || c === SPACE || c === GLUE ? 0 : 1);
  }
  return m;
}
