import type { ComposedLine } from './justify.js';
import type { FontMetrics } from './metrics.js';
import { composeParagraph, type ComposeOptions } from './paragraph.js';
import { compositionKey } from './composition.js';
import { hyphenationLoaded } from './hyphenate.js';

/**
 * Composed paragraphs kept per process, by text and every option that shapes them (font
 * metrics, size, width, indent, grid cell, punctuation scheme, Latin gap, alignment, composition): a watch
 * rebuild after one edit composes one paragraph again, not all of them, and a batch composes a
 * paragraph that several documents share once. Composition is pure, so a kept result is the
 * result. Least recently used paragraphs go first once the memo holds MAX_CHARS characters.
 */
const MAX_CHARS = 2_000_000;
const MAX_ENTRIES = 20_000;

const memo = new Map<string, { lines: readonly ComposedLine[]; chars: number }>();
let chars = 0;
let hits = 0;
let misses = 0;

const metricsIds = new WeakMap<FontMetrics, number>();
let nextMetricsId = 1;

function keyOf(text: string, o: ComposeOptions): string {
  let id = metricsIds.get(o.metrics);
  if (id === undefined) metricsIds.set(o.metrics, (id = nextMetricsId++));
  return `${id}|${o.size}|${o.width}|${o.firstLineIndent}|${o.gridCell ?? ''}|${o.punctuation}|${o.latinGap ?? 0}|${o.align}|${compositionKey(o.composition)}|${hyphenationLoaded() ? 1 : 0}|${text}`;
}

function freeze(lines: ComposedLine[]): readonly ComposedLine[] {
  for (const line of lines) {
    for (const run of line.runs) Object.freeze(run);
    if (line.hyphen) Object.freeze(line.hyphen);
    Object.freeze(line.runs);
    Object.freeze(line);
  }
  return Object.freeze(lines);
}

/** composeParagraph, remembered: equal input gives the same (frozen) lines without composing again. */
export function composeParagraphMemo(text: string, opts: ComposeOptions): readonly ComposedLine[] {
  const key = keyOf(text, opts);
  const hit = memo.get(key);
  if (hit) {
    hits++;
    // Most recently used last: Map keeps insertion order.
    memo.delete(key);
    memo.set(key, hit);
    return hit.lines;
  }
  misses++;
  const lines = freeze(composeParagraph(text, opts));
  const entry = { lines, chars: text.length };
  memo.set(key, entry);
  chars += entry.chars;
  while (chars > MAX_CHARS || memo.size > MAX_ENTRIES) {
    const oldest = memo.keys().next();
    if (oldest.done) break;
    chars -= memo.get(oldest.value)!.chars;
    memo.delete(oldest.value);
  }
  return lines;
}

/** How the memo has done in this process (for tests and the bench). */
export function composeMemoStats(): { entries: number; chars: number; hits: number; misses: number } {
  return { entries: memo.size, chars, hits, misses };
}

/** Forgets every composed paragraph (tests; a font file changed under a long-lived process). */
export function clearComposeMemo(): void {
  memo.clear();
  chars = 0;
  hits = 0;
  misses = 0;
}
