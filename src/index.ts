/** The library API: the same functions the CLI and the build script call. */
export { build, plan, type BuildOptions, type BuildResult } from './pipeline/build.js';
export { projectPaths, type ProjectPaths } from './pipeline/project.js';
export { formatNames, registerFormat, type OutputFormat } from './render/registry.js';
export type { Writer, WriterOptions } from './render/writer.js';
export { loadArticle } from './content/index.js';
export { applyLayout } from './templates/apply-layout.js';
export { renderPdf } from './render/pdf/render-pdf.js';
export { renderDocx } from './render/docx/render-docx.js';
export { runCli } from './cli/main.js';
export { importFile, type ImportOptions, type ImportResult } from './import/readers/index.js';
export { intoUpdates, writeUpdates, type FileUpdate, type IntoNames } from './import/into/updates.js';
export * from './diagnostics/index.js';
export type { Doc, Block, Inline, Style } from './ir/index.js';
