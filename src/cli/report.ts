import os from 'node:os';
import { DiagnosticError, formatDiagnostic, UsageError, type Diagnostic } from '../diagnostics/index.js';
import { BuildStopped, writtenWords } from '../pipeline/outcome.js';
import { EXIT_BAD_INPUT, EXIT_USAGE, type CliIO } from './command.js';

/**
 * Every command's `--json` prints one object on stdout: `ok` (whether it did what was asked:
 * exit 0), `diagnostics` (every error, warning and note, each `{severity, rule, message, pos?,
 * hints?}`), then what the command has to say (outputs, the imported article, a diff…).
 * Usage errors come the same way, with `rule: "usage"`.
 */
export function printJson(io: CliIO, ok: boolean, diagnostics: readonly Diagnostic[], rest: object = {}): void {
  io.stdout(JSON.stringify({ ok, diagnostics, ...rest }, null, 2) + '\n');
}

/** Prints diagnostics as text lines on stderr. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  io.stderr(diagnostics.map(formatDiagnostic).join('\n') + '\n');
}

/** A usage error as a diagnostic (for --json). */
export function usageDiagnostic(e: UsageError): Diagnostic {
  return { severity: 'error', rule: 'usage', message: e.message, ...(e.hints.length > 0 ? { hints: e.hints } : {}) };
}

/** Prints a usage error (exit 2): `jianbao CMD: message`, its hints, and where help is. */
export function printUsageError(io: CliIO, e: UsageError, json: boolean, commandName?: string): number {
  if (json) printJson(io, false, [usageDiagnostic(e)]);
  else {
    const who = commandName ? `jianbao ${commandName}` : 'jianbao';
    const hints = e.hints.map((h) => `  = hint: ${h}\n`).join('');
    io.stderr(`${who}: ${e.message}\n${hints}Run \`${who} --help\` for usage.\n`);
  }
  return EXIT_USAGE;
}

/**
 * Turns a thrown error into an exit code: diagnostics → 1, usage → 2. Anything else is a bug
 * and is rethrown, so it surfaces with its stack (the entry point prints it only with --debug).
 */
export function exitFor(e: unknown, io: CliIO, json: boolean, commandName: string): number {
  if (e instanceof BuildStopped) {
    // A build that stopped after it began writing says exactly what it wrote and what not.
    const what = writtenWords(e.outcome);
    if (json) printJson(io, false, e.diagnostics, { written: e.outcome.written, notWritten: e.outcome.notWritten, removed: e.outcome.removed, ...(e.signal ? { signal: e.signal } : {}) });
    else {
      printDiagnostics(io, e.diagnostics);
      const n = e.diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`${e.signal ? `stopped by ${e.signal}` : `${n} error${n === 1 ? '' : 's'}`}; ${what}\n`);
    }
    return e.signal ? 128 + os.constants.signals[e.signal] : EXIT_BAD_INPUT;
  }
  if (e instanceof DiagnosticError) {
    if (json) printJson(io, false, e.diagnostics);
    else {
      printDiagnostics(io, e.diagnostics);
      const n = e.diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`${n} error${n === 1 ? '' : 's'}; nothing was written\n`);
    }
    return EXIT_BAD_INPUT;
  }
  if (e instanceof UsageError) return printUsageError(io, e, json, commandName);
  throw e;
}
