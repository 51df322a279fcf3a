import type { Diagnostic } from '../../diagnostics/index.js';
import { formatSummary, type ImportSummary } from '../summary.js';
import type { DocxImportSummary } from './import-docx.js';
import { contentChanges } from './read-body.js';

/** The text importer's report, headed for a Word document, with its tracked changes, comments and pictures. */
export function formatDocxSummary(s: DocxImportSummary, diagnostics: readonly Diagnostic[]): string {
  const { changes, comments, images, ...common } = s;
  const text: ImportSummary = { ...common, format: 'text' };
  const lines = formatSummary(text, diagnostics).split('\n');
  lines[0] = `imported ${s.file} (Word document)`;
  const row = (label: string, value: string) => `  ${label.padEnd(15)}${value}`;
  const n = contentChanges(changes);
  const extra = [
    row('changes', n === 0 ? 'none tracked' : `${n} tracked, ${changes.mode === 'reject' ? 'rejected (the text before the edits)' : 'accepted (the text as edited)'}${changes.authors.length ? `; by ${changes.authors.join(', ')}` : ''}`),
    row('comments', comments === 0 ? 'none' : `${comments} (each listed below as info[comment])`),
    ...(images > 0 ? [row('pictures', String(images))] : []),
  ];
  const at = lines.findIndex((l) => l.startsWith('  problems'));
  lines.splice(at < 0 ? lines.length : at, 0, ...extra);
  return lines.join('\n');
}
