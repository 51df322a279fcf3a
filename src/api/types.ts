import type { Diagnostic } from '../diagnostics/index.js';
import type { RoleReport } from '../fonts/fonts-report.js';
import type { BuildEvent, BuildResult as PipelineResult } from '../pipeline/build.js';

/**
 * The options and results of the library API, written out (not derived from the schemas that
 * check them, src/api/schemas.ts, which asserts they are the same): the declarations users get
 * need no schema library.
 */

/** Where a command works. */
export interface Where {
  /** The working folder relative paths are taken from (default: the process's). */
  cwd?: string;
  /** The project's root folder; found from `cwd` (or the first input) upwards by default. */
  root?: string;
}

export interface BuildOptions extends Where {
  /** Content files or folders, relative to `cwd`; the project's content/ by default. */
  inputs?: string[];
  /** Layouts to build; by default each file's `layouts`, else jianbao.yaml's, else the themes' defaults. */
  layouts?: string[];
  /** Formats to write; by default jianbao.yaml's `formats`, else all of them. */
  formats?: string[];
  /** The out folder, relative to `cwd`; by default jianbao.yaml's `out`, else the root's out/. */
  out?: string;
  /** Mark every output a draft (header line and watermark). */
  draft?: boolean;
  /** Every PDF (and its print sheets) as PDF/A-2b, whatever the layouts' themes say. */
  pdfa?: boolean;
  /** Outputs rendered at once on worker threads; 1 renders in this thread. */
  jobs?: number;
  /** Rebuild every output, even the up-to-date ones. */
  force?: boolean;
  /** Read every output back and fail if any text of the content is missing or out of order. */
  verify?: boolean;
  /** Build only the K-th of N slices of the outputs (a CI matrix): `'1/4'` or `{ index: 1, count: 4 }`. */
  shard?: string | { index: number; count: number };
  /** Also write out/release/ under this name. */
  release?: string;
  /** PNG previews of page 1 (default true). */
  previews?: boolean;
  /** Overrides the stamped dates (seconds since 1970); default SOURCE_DATE_EPOCH. */
  sourceDateEpoch?: number;
  /** Progress: the plan, each job's start, each output written, notes. */
  onEvent?: (event: BuildEvent) => void;
  /** Stops the build between files (Ctrl-C in the CLI): what was written is in the manifest, nothing half-written is left. */
  signal?: AbortSignal;
}

/** What a build did. */
export interface BuildResult extends PipelineResult {
  /** The project's root folder. */
  root: string;
  /** The out folder written. */
  outDir: string;
}

export interface CheckOptions extends Where {
  /** Content files or folders, relative to `cwd`; the project's content/ by default. */
  inputs?: string[];
  /** Layouts to lay out with; by default each file's own. */
  layouts?: string[];
  /** Also check punctuation (GB/T 15834): `report` the marks to change, or `fix` them in the files. */
  punctuation?: 'report' | 'fix';
  /** With `punctuation`: numeric ranges kept (default), or changed to a dash or a tilde. */
  ranges?: 'keep' | 'dash' | 'tilde';
}

export interface PunctuationFile {
  /** The file, as named in messages. */
  file: string;
  /** Marks changed (with `fix`) or to change. */
  changes: number;
  written: boolean;
}

export interface CheckResult {
  /** No errors: every file loads and lays out with its layouts. */
  ok: boolean;
  root: string;
  /** Every error and warning (and with `punctuation`, each change as `info[punct]`). */
  diagnostics: Diagnostic[];
  punctuation: PunctuationFile[];
}

/** A rebuild's outcome: its result, or the error that stopped it (the last good outputs stay). */
export type WatchOutcome = { result: PipelineResult; ms: number } | { error: unknown; ms: number };

export interface WatchOptions extends BuildOptions {
  /** Stops the watch; the promise resolves once the watchers and workers are closed. */
  signal: AbortSignal;
  /** Quiet time after the last change before rebuilding (default 60 ms). */
  debounceMs?: number;
  /** After each build, with the project-relative paths whose change started it (none for the first). */
  onBuild: (outcome: WatchOutcome, changed: string[]) => void;
  /** Once the first build is done and the watch is in place, with the folders watched. */
  onReady?: (folders: string[]) => void;
}

export interface PreviewOptions extends Omit<BuildOptions, 'shard' | 'release'> {
  /** The port (default 0: a free one the system picks). */
  port?: number;
  /** The loopback address it listens on (default 127.0.0.1); the preview never listens beyond this machine. */
  host?: '127.0.0.1' | 'localhost' | '::1';
  /** Stops the preview (as `close()` does). */
  signal?: AbortSignal;
  /** After each build, as `watch` reports it. */
  onBuild?: (outcome: WatchOutcome, changed: string[]) => void;
}

export interface Preview {
  /** Where the page is, e.g. http://127.0.0.1:41234/. */
  url: string;
  /** The project's root folder. */
  root: string;
  port: number;
  /** Resolves once the first build is done and the project is watched. */
  ready: Promise<void>;
  /** Resolves once the preview has stopped. */
  closed: Promise<void>;
  close(): Promise<void>;
}

interface ImportCommon extends Where {
  /** The article to read: a Word draft (.docx), plain text or a saved HTML page. */
  file: string;
  /** Leave punctuation exactly as it is (default: GB/T 15834, every change reported). */
  keepPunctuation?: boolean;
  /** Numeric ranges such as 2020-2035: kept (default), or a dash or a tilde. */
  ranges?: 'keep' | 'dash' | 'tilde';
  /** Word's tracked changes: the text as edited (`accept`) or as before (`reject`); required when there are any. */
  changes?: 'accept' | 'reject';
}

export interface ImportArticleOptions extends ImportCommon {
  /** Where the YAML goes (with its pictures beside it); without it nothing is written. */
  output?: string;
}

export interface ImportIntoOptions extends ImportCommon {
  /** The content file the draft goes back into: an article, or a bulletin issue (each article into its own file). */
  into: string;
  /** Write the changed files (default: only compute the diff). */
  write?: boolean;
}

export interface InitOptions {
  /** The working folder `dir` is taken from (default: the process's). */
  cwd?: string;
  /** The new project's folder (default: `cwd`); made if missing. */
  dir?: string;
  /** Write the sample files again over those there. */
  force?: boolean;
}

export type LayoutsOptions = Where;

export interface CopyLayoutOptions extends Where {
  /** The built-in layout to copy into the project's templates/ (its template and theme). */
  name: string;
  /** Replace the project's copy. */
  force?: boolean;
}

export interface FontsOptions extends Where {
  /** Content files or folders whose characters are checked, relative to `cwd`; the project's content/ by default. */
  inputs?: string[];
  /** Layouts to report on (default: every layout the project has). */
  layouts?: string[];
}

export interface FontsResult {
  /** Every role has a face it may embed, and the content was laid out. */
  ok: boolean;
  root: string;
  /** The fonts setting and where it was decided (`JIANBAO_FONTS`, jianbao.yaml, or the default). */
  setting: { value: 'installed' | 'bundled'; from: string };
  /** Per layout and role: the face, its fallbacks, and the characters of the content it lacks. */
  roles: RoleReport[];
  /** What kept the content from being laid out (its coverage is then not in `roles`). */
  diagnostics: Diagnostic[];
}
