/** Where a diagnostic points: a file and a 1-based line and column. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** The one diagnostic type of the project, shared by every stage from YAML to renderers. */
export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `schema`, `yaml-syntax`, `missing-glyph`. */
  rule: string;
  message: string;
  pos?: SourcePos;
  hints?: string[];
}

/** Thrown when a stage cannot go on; carries every error it found, plus warnings seen so far. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

export function diag(
  severity: Severity,
  rule: string,
  message: string,
  pos?: SourcePos,
  hints?: string[],
): Diagnostic {
  const d: Diagnostic = { severity, rule, message };
  if (pos) d.pos = pos;
  if (hints && hints.length > 0) d.hints = hints;
  return d;
}

/** Throws a DiagnosticError for one error. */
export function fail(rule: string, message: string, pos?: SourcePos, hints?: string[]): never {
  throw new DiagnosticError([diag('error', rule, message, pos, hints)]);
}

export function formatPos(pos: SourcePos | undefined): string {
  return pos ? `${pos.file}:${pos.line}:${pos.column}` : '';
}

/** `file:line:col: error[rule]: message`, then one `  = hint: …` line per hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pos ? `${formatPos(d.pos)}: ` : '';
  const head = `${where}${d.severity}[${d.rule}]: ${d.message}`;
  return [head, ...(d.hints ?? []).map((h) => `  = hint: ${h}`)].join('\n');
}

/** Parses `file:line:col` as kept in markup `src` attributes. */
export function parsePos(text: string): SourcePos | undefined {
  const m = /^(.*):(\d+):(\d+)$/.exec(text);
  if (!m) return undefined;
  return { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
