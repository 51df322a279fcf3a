import { TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../ir/index.js';

/** Inline runs; only content emphasis becomes run formatting, everything else is the style's. */
export function runs(inlines: readonly Inline[]): ParagraphChild[] {
  return inlines.map((i) =>
    i.kind === 'text' ? new TextRun({ text: i.text, ...(i.strong ? { bold: true } : {}), ...(i.emphasis ? { emphasisMark: {} } : {}) }) : new TextRun({ break: 1 }),
  );
}
