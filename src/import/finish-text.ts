import type { Diagnostic, SourcePos } from '../diagnostics/index.js';
import { unbalanced } from './balance.js';
import type { MappedText } from './mapped-text.js';
import { normalizePunctuation, type RangeStyle } from './punctuation.js';

/** What the punctuation pass of an import did, for its summary. */
export interface PunctuationSummary {
  normalised: boolean;
  ranges: RangeStyle;
  changes: number;
  byKind: Record<string, number>;
  rangeCount: number;
  unbalanced: number;
}

/**
 * The last step of every importer (text, HTML, Word): a recognised text's final string, its
 * punctuation normalised per GB/T 15834 unless kept, every change and unpaired mark reported
 * at its place in the source, and a running summary.
 */
export function textFinisher(
  locate: (offset: number) => SourcePos,
  options: { keepPunctuation?: boolean | undefined; ranges?: RangeStyle | undefined },
  diagnostics: Diagnostic[],
): { finish: (m: MappedText) => string; summary: PunctuationSummary } {
  const ranges = options.ranges ?? 'keep';
  const summary: PunctuationSummary = { normalised: !options.keepPunctuation, ranges, changes: 0, byKind: {}, rangeCount: 0, unbalanced: 0 };
  const finish = (m: MappedText): string => {
    const at = (i: number) => locate(m.offsets[Math.min(i, m.offsets.length - 1)] ?? 0);
    const open = unbalanced(m.text, { locate: at });
    summary.unbalanced += open.length;
    diagnostics.push(...open);
    if (options.keepPunctuation) return m.text;
    const r = normalizePunctuation(m.text, { locate: at, ranges });
    diagnostics.push(...r.changes, ...r.warnings);
    summary.rangeCount += r.warnings.length + r.changes.filter((c) => /'[-~－]' → '[—～]'/.test(c.message)).length;
    summary.changes += r.changes.length;
    for (const [k, n] of Object.entries(r.counts)) summary.byKind[k] = (summary.byKind[k] ?? 0) + n;
    return r.text;
  };
  return { finish, summary };
}
