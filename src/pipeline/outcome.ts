import { DiagnosticError, type Diagnostic } from '../diagnostics/index.js';

/** What a stopped build had done to the out folder, by output path. */
export interface Written {
  /** Outputs written by this run (they are in the manifest). */
  written: string[];
  /** Outputs this run meant to write and did not (the previous file, if any, is kept and listed). */
  notWritten: string[];
  /** Outputs removed because their content is gone. */
  removed: string[];
  /** The manifest as messages name it (`out/manifest.json`). */
  manifest: string;
}

/**
 * A build that stopped after it began writing: on errors (a renderer's, `--verify`'s, an I/O
 * error) or on a signal (`signal` set, no diagnostics). It says exactly what was written and
 * what was not; the out folder's manifest and SHA256SUMS list what is there.
 */
export class BuildStopped extends DiagnosticError {
  override name = 'BuildStopped';
  constructor(
    diagnostics: Diagnostic[],
    readonly outcome: Written,
    readonly signal?: NodeJS.Signals,
  ) {
    super(diagnostics);
  }
}

/** `wrote 1 of 3 outputs (articles/a/report.pdf); not written: …`, or `nothing was written`. */
export function writtenWords(o: Written): string {
  const list = (paths: readonly string[]) => (paths.length <= 8 ? paths.join(', ') : `${paths.slice(0, 8).join(', ')} and ${paths.length - 8} more`);
  const parts: string[] = [];
  if (o.removed.length > 0) parts.push(`removed ${o.removed.length} output${o.removed.length === 1 ? '' : 's'} whose content is gone (${list(o.removed)})`);
  const total = o.written.length + o.notWritten.length;
  if (o.written.length > 0) parts.push(`wrote ${o.written.length} of ${total} output${total === 1 ? '' : 's'} (${list(o.written)})`);
  if (parts.length === 0) return 'nothing was written';
  if (o.notWritten.length > 0) parts.push(`not written: ${list(o.notWritten)}`);
  return `${parts.join('; ')}; ${o.manifest} lists what is there`;
}
