import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { decodeUtf8, parseYamlSource } from '../content/yaml-source.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/index.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import { writeFileAtomic } from '../outputs/write-atomic.js';
import { unbalanced } from './balance.js';
import { editYamlData } from '../content/yaml-edit.js';
import { normalizePunctuation, type RangeStyle } from './punctuation.js';

/** Fields whose values are not prose: names, dates, paths and switches keep their characters. */
const NOT_PROSE = new Set(['date', 'layouts', 'src', 'articles', 'copyNumber', 'draft', 'issue', 'totalIssue', 'supplement', 'copies', 'ordered']);

export interface FixResult {
  /** `info[punct]` per change, `warning[range]`, and `warning[unbalanced]`-style reports. */
  diagnostics: Diagnostic[];
  /** How many marks changed. */
  changes: number;
  /** The file was rewritten (only with `write` and when something changed). */
  written: boolean;
}

/**
 * Normalises the punctuation of every prose value of a content file (GB/T 15834, as `import`
 * does), reporting each change at its place in the YAML and unbalanced quotes and brackets.
 * With `write`, only the changed characters of the file change (see content/yaml-edit.ts).
 */
export function fixPunctuationInFile(file: string, shown: string, options: { write: boolean; ranges?: RangeStyle }): FixResult {
  const read = readBounded(file, { limit: LIMITS.contentFileBytes, shown, what: 'content file' });
  if (!read.ok) throw new DiagnosticError([read.diagnostic]);
  const decoded = decodeUtf8(shown, read.bytes);
  if (decoded.text === undefined) throw new DiagnosticError(decoded.diagnostics);
  const parsed = parseYamlSource(shown, decoded.text);
  if (!parsed.source) throw new DiagnosticError(parsed.diagnostics);
  const source = parsed.source;
  const diagnostics: Diagnostic[] = [];
  let changes = 0;
  const visit = (node: Node | null | undefined, path: (string | number)[], key: string | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key)) visit(pair.value as Node, [...path, String(pair.key.value)], String(pair.key.value));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, i], key));
    } else if (isScalar(node) && typeof node.value === 'string' && !(key && NOT_PROSE.has(key))) {
      const locate = (i: number) => source.posInValue(path, i);
      const result = normalizePunctuation(node.value, { ranges: options.ranges ?? 'keep', locate });
      diagnostics.push(...result.changes, ...result.warnings, ...unbalanced(result.text, { locate }));
      if (result.text !== node.value) {
        changes += result.changes.length;
        node.value = result.text;
      }
    }
  };
  visit(source.doc.contents as Node, [], undefined);
  const written = options.write && changes > 0;
  // Only the changed characters change: the rest of the file stays byte for byte.
  if (written) writeFileAtomic(file, editYamlData(decoded.text, source.doc.toJS()).text);
  return { diagnostics, changes, written };
}
