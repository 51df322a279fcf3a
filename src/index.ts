/**
 * jianbao's library API: what the `jianbao` commands do, as functions. Each takes one options
 * object, checks it (an option of the wrong type or an unknown one throws a UsageError naming
 * it), finds the project as the CLI does (from `cwd` upwards, or `root`) and reads its
 * jianbao.yaml. Bad content throws a DiagnosticError carrying every diagnostic (`check`
 * returns them instead).
 */
export { build, type BuildOptions, type BuildResult } from './api/build.js';
export { check, type CheckOptions, type CheckResult, type PunctuationFile } from './api/check.js';
export { watch, type WatchOptions, type WatchOutcome } from './api/watch.js';
export { preview, type Preview, type PreviewOptions } from './api/preview.js';
export { importArticle, importInto, type ImportArticleOptions, type ImportArticleResult, type ImportIntoOptions, type ImportIntoResult } from './api/import.js';
export { init, layouts, copyLayout, type InitOptions, type LayoutsOptions, type CopyLayoutOptions } from './api/project.js';
export { fonts, type FontsOptions, type FontsResult } from './api/fonts.js';
export type { RoleReport, MissingChar } from './fonts/fonts-report.js';
export type { InitResult } from './project/init.js';
export type { LayoutInfo } from './project/layouts.js';
export type { BuildEvent } from './pipeline/build.js';
export type { ManifestEntry } from './outputs/manifest.js';
export type { FileUpdate } from './import/into/file-update.js';
export type { ImportResult } from './import/readers/index.js';
export { formatNames, registerFormat, type OutputFormat } from './render/registry.js';
export type { Writer, WriterOptions } from './render/writer.js';
export { runCli } from './cli/main.js';
export type { CliIO } from './cli/command.js';
export { DiagnosticError, UsageError, formatDiagnostic, type Diagnostic, type Severity, type SourcePos } from './diagnostics/index.js';
export type { Doc, Block, Inline, Style } from './ir/index.js';
export { VERSION } from './package.js';
