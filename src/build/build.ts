import path from 'node:path';
import { DiagnosticError, type Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import { applyLayout } from '../templates/apply-layout.js';
import { listLayouts } from '../templates/render-template.js';
import { discoverContent } from './discover.js';
import { FORMATS, WRITERS, type Format, type Writer } from './formats.js';
import { countPdfPages, MANIFEST_FILE, mergeManifest, readManifest, sha256, type Manifest, type ManifestEntry } from './manifest.js';
import type { ProjectPaths } from './project.js';
import { loadSource, type Source } from './sources.js';
import { writeFileAtomic } from './write-atomic.js';
import { diag } from '../diagnostics/index.js';

export interface BuildOptions {
  paths: ProjectPaths;
  /** Content files or folders; the content folder when empty. */
  inputs: string[];
  /** Layouts to build; each content file's own layouts when absent. */
  layouts?: string[];
  formats?: Format[];
  draft?: boolean;
  /** Validate and lay out only; write nothing. */
  checkOnly?: boolean;
  /** Called after each output is written. */
  onOutput?: (entry: ManifestEntry, ms: number) => void;
}

export interface BuildResult {
  outputs: ManifestEntry[];
  warnings: Diagnostic[];
  manifest?: Manifest;
}

/** One laid-out document, ready for its writers. */
interface Planned {
  source: Source;
  layout: string;
  doc: Doc;
}

export const GENERATOR = 'jianbao 0.1.0';

/**
 * Builds content × layouts × formats. Every input is loaded and laid out before anything is
 * written, so bad input stops the build with all its diagnostics and leaves the out folder as it was.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { paths } = options;
  const planned = plan(options);
  const warnings = planned.flatMap((p) => p.source.warnings);
  if (options.checkOnly) return { outputs: [], warnings };

  const formats = options.formats ?? [...FORMATS];
  const writers = new Map<Format, Writer>();
  for (const f of formats) writers.set(f, await WRITERS[f]());
  const outputs: ManifestEntry[] = [];
  for (const p of planned) {
    for (const format of formats) {
      const started = performance.now();
      const bytes = await writers.get(format)!(p.doc, { readableRoots: [paths.contentDir, path.dirname(p.source.file)] });
      const rel = outputPath(paths, p.source, p.layout, format);
      writeFileAtomic(path.join(paths.outDir, rel), bytes);
      const entry: ManifestEntry = {
        source: path.relative(paths.projectDir, p.source.file).split(path.sep).join('/'),
        layout: p.layout,
        format,
        path: rel,
        bytes: bytes.byteLength,
        ...(format === 'pdf' ? { pages: countPdfPages(bytes) } : {}),
        sha256: sha256(bytes),
      };
      outputs.push(entry);
      options.onOutput?.(entry, performance.now() - started);
    }
  }
  const manifest = mergeManifest(readManifest(paths.outDir), outputs, paths.outDir, GENERATOR);
  writeFileAtomic(path.join(paths.outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return { outputs, warnings, manifest };
}

/** Loads every input and lays out every (content, layout) pair; throws with all errors at once. */
export function plan(options: BuildOptions): Planned[] {
  const { paths } = options;
  const inputs = options.inputs.length > 0 ? options.inputs : [paths.contentDir];
  const { files, diagnostics } = discoverContent(inputs, paths.projectDir);
  const errors: Diagnostic[] = [...diagnostics];
  const known = listLayouts(paths.templatesDir);
  for (const l of options.layouts ?? []) {
    if (!known.includes(l)) errors.push(diag('error', 'layout', `unknown layout \`${l}\``, undefined, [`layouts: ${known.join(', ')}`]));
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  if (files.length === 0) throw new DiagnosticError([diag('error', 'io', `no content files (*.yaml) in ${inputs.join(', ')}`)]);

  const planned: Planned[] = [];
  for (const file of files) {
    let source: Source;
    try {
      source = loadSource(file, paths.contentDir);
    } catch (e) {
      if (e instanceof DiagnosticError) {
        errors.push(...e.diagnostics);
        continue;
      }
      throw e;
    }
    for (const layout of options.layouts ?? source.layouts) {
      try {
        const { doc } = applyLayout(paths, layout, source.context(), { draft: options.draft || source.draft });
        planned.push({ source, layout, doc });
      } catch (e) {
        if (e instanceof DiagnosticError) errors.push(...e.diagnostics);
        else throw e;
      }
    }
  }
  if (errors.some((d) => d.severity === 'error')) throw new DiagnosticError(dedupe(errors));
  return planned;
}

/** `out/<path under content/ without .yaml>/<layout>.<format>`, with forward slashes. */
export function outputPath(paths: ProjectPaths, source: Source, layout: string, format: Format): string {
  const rel = path.relative(paths.contentDir, source.file);
  const base = rel.startsWith('..') ? source.slug : rel.replace(/\.ya?ml$/i, '');
  return [...base.split(path.sep), `${layout}.${format}`].join('/');
}

/** A theme or template error is found once per content file; report it once. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = JSON.stringify([d.rule, d.message, d.pos]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
