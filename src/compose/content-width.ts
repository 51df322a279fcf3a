import type { FontMetrics } from './metrics.js';
import { buildModel } from './model.js';
import type { PunctuationScheme } from './punctuation.js';
import { compositionOf, type Composition } from './composition.js';

/** The narrowest and widest a text can be set: its widest unbreakable piece, and all of it on one line. */
export interface ContentWidths {
  min: number;
  max: number;
}

/**
 * Minimum and maximum content widths of a text (as CSS's automatic table layout takes them), by
 * the composer's own break opportunities and widths: the widest stretch between two places a
 * line may break (a Han character with the marks bound to it, a number, a Latin word, a piece of
 * a URL where the composition lets it break), and the text set on one line. Lines split at `\n` are measured each.
 */
export function contentWidths(text: string, o: { metrics: FontMetrics; size: number; punctuation: PunctuationScheme; latinGap?: number; composition?: Partial<Composition> }): ContentWidths {
  let min = 0;
  let max = 0;
  for (const piece of text.split('\n')) {
    if (!piece) continue;
    const m = buildModel(piece, o.metrics, { size: o.size, punctuation: o.punctuation, latinGap: o.latinGap ?? 0, composition: compositionOf(o.composition) });
    // The width of [i, j) set as a line: its boxes and the joins inside it, less what its last mark gives up at a line end.
    const width = (i: number, j: number) => m.W[j]! - m.W[i]! - m.join[j - 1]! - m.endShrink[j - 1]!;
    let start = 0;
    for (let k = 1; k <= m.n; k++) {
      if (k === m.n || m.brk[k]) {
        min = Math.max(min, width(start, k));
        start = k;
      }
    }
    // On one line the last mark keeps its full width: the composer compresses it only when it must.
    max = Math.max(max, width(0, m.n) + m.endShrink[m.n - 1]!);
  }
  return { min, max };
}
