import os from 'node:os';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { BuildStopped, writtenWords } from '../pipeline/outcome.js';
import { EXIT_BAD_INPUT, EXIT_USAGE, UsageError, type CliIO } from './command.js';

/** Prints diagnostics once each: as text lines on stderr, or as one JSON document on stdout. */
export function printDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], json: boolean): void {
  if (diagnostics.length === 0) return;
  if (json) io.stdout(JSON.stringify({ diagnostics }, null, 2) + '\n');
  else io.stderr(diagnostics.map(formatDiagnostic).join('\n') + '\n');
}

/**
 * Turns a thrown error into an exit code: diagnostics → 1, usage → 2. Anything else is a bug
 * and is rethrown, so it surfaces with its stack (the entry point prints it only with --debug).
 */
export function exitFor(e: unknown, io: CliIO, json: boolean, commandName: string): number {
  if (e instanceof BuildStopped) {
    // A build that stopped after it began writing says exactly what it wrote and what not.
    const what = writtenWords(e.outcome);
    if (json) io.stdout(JSON.stringify({ diagnostics: e.diagnostics, written: e.outcome.written, notWritten: e.outcome.notWritten, removed: e.outcome.removed, ...(e.signal ? { signal: e.signal } : {}) }, null, 2) + '\n');
    else {
      printDiagnostics(io, e.diagnostics, false);
      const n = e.diagnostics.filter((d) => d.severity === 'error').length;
      io.stderr(`${e.signal ? `stopped by ${e.signal}` : `${n} error${n === 1 ? '' : 's'}`}; ${what}\n`);
    }
    return e.signal ? 128 + os.constants.signals[e.signal] : EXIT_BAD_INPUT;
  }
  if (e instanceof DiagnosticError) {
    printDiagnostics(io, e.diagnostics, json);
    const n = e.diagnostics.filter((d) => d.severity === 'error').length;
    if (!json) io.stderr(`${n} error${n === 1 ? '' : 's'}; nothing was written\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof UsageError) {
    io.stderr(`jianbao ${commandName}: ${e.message}\nRun \`jianbao ${commandName} --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  throw e;
}
