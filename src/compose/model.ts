import { CLOSE, CLOSE_ASCII, GLUE, SPACE, classifyAll } from './char-class.js';
import type { FontMetrics } from './metrics.js';
import { applyWidths, type WidthOptions } from './punctuation.js';
import { DEEP, SQUEEZE_TIERS, type Model } from './paragraph-model.js';
import { computeBreaks } from './segment.js';
import { classifyAddresses, markHyphenBreaks, markWordBreaks, wordTokens } from './word-breaks.js';

export type { Model } from './paragraph-model.js';

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
  const tokens = wordTokens(cps);
  classifyAddresses(tokens, cls);
  const brk = new Uint8Array(n);
  computeBreaks(cls, brk);
  // A hyphenated line ends with the font's hyphen: a font without one hyphenates nothing.
  const hyphen = o.composition.breakInsideWords ? metrics.advance(0x2d) : undefined;
  if (o.composition.breakInsideWords) markWordBreaks(tokens, cps, cls, brk);
  const hyphenated = hyphen !== undefined && markHyphenBreaks(tokens, cps, brk);

  const m: Model = {
    text, n, size: o.size, cps, off, cls, brk,
    adv: new Float64Array(n),
    box: new Float64Array(n),
    pre: new Float64Array(n),
    join: new Float64Array(n),
    endShrink: new Float64Array(n),
    squeeze: new Float64Array(n),
    squeezeTier: new Uint8Array(n),
    deep: new Float64Array(n),
    stretch: new Uint8Array(n),
    shrink: new Uint8Array(n),
    W: new Float64Array(n + 1),
    G: new Int32Array(n + 1),
    H: new Int32Array(n + 1),
    C: new Int32Array(n + 1),
    Q: Array.from({ length: SQUEEZE_TIERS + 1 }, () => new Float64Array(n + 1)),
    N: Array.from({ length: SQUEEZE_TIERS + 1 }, () => new Int32Array(n + 1)),
    maxAdv: 0,
    maxBox: 0,
    hyphen: hyphenated ? hyphen! * o.size : 0,
    ...(metrics.ink ? { ink: metrics.ink.bind(metrics) } : {}),
  };
  applyWidths(m, metrics, o);

  const { W, G, H, C, Q, N, box, join, stretch, shrink, adv, squeeze, squeezeTier, deep } = m;
  for (let k = 0; k < n; k++) {
    if (adv[k]! > m.maxAdv) m.maxAdv = adv[k]!;
    if (box[k]! > m.maxBox) m.maxBox = box[k]!;
    W[k + 1] = W[k]! + box[k]! + join[k]!;
    G[k + 1] = G[k]! + stretch[k]!;
    H[k + 1] = H[k]! + shrink[k]!;
    for (let t = 1; t <= SQUEEZE_TIERS; t++) {
      const x = t === DEEP ? deep[k]! : squeezeTier[k] === t ? squeeze[k]! : 0;
      Q[t]![k + 1] = Q[t]![k]! + x;
      N[t]![k + 1] = N[t]![k]! + (x > 0 ? 1 : 0);
    }
    const c = cls[k]!;
    // What makes a last line "one character": punctuation and spaces do not count.
    C[k + 1] = C[k]! + (c === CLOSE || c === CLOSE_ASCII || c === SPACE || c === GLUE ? 0 : 1);
  }
  return m;
}
