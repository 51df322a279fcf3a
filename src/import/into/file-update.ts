import type { Diagnostic } from '../../diagnostics/index.js';
import type { ArticleDiff } from './article-diff.js';

/** One content file an import updates: its text before and after, and the diff a reader is shown. */
export interface FileUpdate {
  file: string;
  /** The path as the user gave or sees it. */
  shown: string;
  /** What the diff calls the new side, e.g. `issue.docx (article 2)`. */
  from: string;
  before: string;
  yaml: string;
  diff: ArticleDiff;
  notes: Diagnostic[];
}
