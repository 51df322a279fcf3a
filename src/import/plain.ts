import { mapped } from './mapped-text.js';
import type { SourceLine } from './source-blocks.js';

/** Splits decoded plain text into lines, keeping their offsets, indents and blank-line boundaries. */
export function plainLines(source: string): SourceLine[] {
  const out: SourceLine[] = [];
  let start = 0;
  let afterBlank = true;
  for (const raw of source.split('\n')) {
    const lineStart = start;
    start += raw.length + 1;
    if (/^[\s\u00a0\u3000\ufeff]*$/.test(raw)) {
      afterBlank = true;
      continue;
    }
    const indentMatch = /^[ \t\u00a0\u3000]*/.exec(raw)!;
    // An ideographic space is as wide as two ASCII ones.
    const indent = [...indentMatch[0]].reduce((n, ch) => n + (ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1), 0);
    out.push({ kind: 'line', text: mapped(raw, lineStart), indent, continues: !afterBlank });
    afterBlank = false;
  }
  return out;
}
