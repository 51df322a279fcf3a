import type { Diagnostic } from '../diagnostics/index.js';

/** Where a command writes; tests pass their own to capture output. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** True when stdin is a terminal, so a command may ask before writing. */
  interactive: boolean;
  /** Reads one answer line from the user, when interactive. */
  ask?: (question: string) => Promise<string>;
}

/** Exit codes: 0 ok, 1 bad input (diagnostics printed), 2 bad usage. Anything else is a bug. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/**
 * One `jianbao <name>` subcommand (listed, with its one-line summary, in registry.ts). `run`
 * returns the exit code and never throws for bad input.
 */
export interface Command {
  name: string;
  /** The full text of `jianbao <name> --help`. */
  help: string;
  /** The help as it applies in a folder (the project's layouts, say), when it depends on one. */
  helpFor?(cwd: string): string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Thrown for bad usage (unknown flag, missing argument); the CLI prints it with the help hint, exit 2. */
export { UsageError } from '../diagnostics/index.js';

export type { Diagnostic };
