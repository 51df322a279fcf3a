import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, didYouMean, displayPath, type Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import { checkGlyphs } from '../glyphs/check-glyphs.js';
import type { ResolvedFace } from '../fonts/resolve-role.js';
import { applyLayout } from '../templates/apply-layout.js';
import { pdfaImageProblems } from '../pdfa/images.js';
import { listLayouts } from '../templates/layout-files.js';
import { formatNames, isFormat, outputFormat } from '../render/registry.js';
import { outputFileName } from '../outputs/names.js';
import type { LayoutFacts } from '../theme/schema.js';
import type { Imposition } from '../render/writer.js';
import { discoverContent } from './discover.js';
import { checkLayoutKind, defaultLayouts, layoutFacts } from './layouts.js';
import { notRendered } from './not-rendered.js';
import type { ProjectPaths } from './project.js';
import type { LoadOptions } from '../content/load-article.js';
import { checkSources, loadSource, type Source } from './sources.js';

/** What to lay out: the content, the layouts (each file's own when absent) and the draft flag. */
export interface PlanOptions {
  paths: ProjectPaths;
  /** Content files or folders; the content folder when empty. */
  inputs: string[];
  layouts?: string[];
  draft?: boolean;
  /** The project's default layouts by kind of content (jianbao.yaml), before the themes' defaults. */
  defaultLayouts?: Partial<Record<Source['kind'], string[]>>;
  /** The project's defaults for the issues of each series (jianbao.yaml's `series:`). */
  seriesDefaults?: LoadOptions['seriesDefaults'];
  /** Leave characters no face has to the caller (`jianbao fonts` reports them) instead of failing. */
  skipGlyphCheck?: boolean;
  /** Every PDF (and its print sheets) as PDF/A-2b, whatever the layouts' themes say. */
  pdfa?: boolean;
}

/** One laid-out document, ready for its writers. */
export interface Planned {
  source: Source;
  layout: string;
  /** Whether this document is a draft (the build's flag or the content's own). */
  draft: boolean;
  /** How the layout's pages go on print sheets, when its theme says so. */
  imposed?: Imposition;
  /** The formats its layout is built in when the build names none (the theme's `layout.formats`). */
  formats?: string[];
  /** The layout is a default one for its kind of content (the theme's `layout.default`). */
  defaultLayout?: true;
  doc: Doc;
  /** How each font role of the layout found its face. */
  fonts: ResolvedFace[];
  /** Warnings of the layout's theme (a face embedded whole). */
  warnings: Diagnostic[];
}

/** Loads every input and lays out every (content, layout) pair; throws with all errors at once. */
export function plan(options: PlanOptions): Planned[] {
  const { paths } = options;
  const inputs = options.inputs.length > 0 ? options.inputs : [paths.contentDir];
  if (options.inputs.length === 0 && !fs.existsSync(paths.contentDir)) {
    throw new DiagnosticError([diag('error', 'no-content', `the project ${displayPath(paths.projectDir)} has no content/ folder`, undefined, ['write articles as content/articles/NAME.yaml and issues as content/bulletins/NAME.yaml (`jianbao init` shows one of each)'])]);
  }
  const { files, diagnostics } = discoverContent(inputs, paths.projectDir);
  const errors: Diagnostic[] = [...diagnostics];
  const known = listLayouts(paths);
  for (const l of options.layouts ?? []) {
    if (!known.includes(l)) errors.push(diag('error', 'layout', `unknown layout \`${l}\``, undefined, [`layouts: ${known.join(', ')}`]));
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  if (files.length === 0) throw new DiagnosticError([diag('error', 'no-content', `no content files (*.yaml) in ${inputs.map((i) => displayPath(path.resolve(paths.projectDir, i))).join(', ')}`, undefined, ['an article is content/articles/NAME.yaml (`jianbao init` shows one)'])]);

  const sources: Source[] = [];
  for (const file of files) {
    try {
      sources.push(loadSource(file, paths.contentDir, options.seriesDefaults));
    } catch (e) {
      if (e instanceof DiagnosticError) errors.push(...e.diagnostics);
      else throw e;
    }
  }
  errors.push(...checkSources(sources));

  const facts = layoutFacts(paths);
  errors.push(...unknownFormats(facts, options.layouts));
  const planned: Planned[] = [];
  for (const source of sources) {
    const layouts = options.layouts ?? source.layouts ?? options.defaultLayouts?.[source.kind] ?? defaultLayouts(facts, source);
    if (!isNames(layouts)) {
      errors.push(...layouts);
      continue;
    }
    for (const [i, layout] of layouts.entries()) {
      // A layout the file names that the templates folder does not have: said at the file's entry.
      if (!options.layouts && source.layouts && !known.includes(layout)) {
        const guess = didYouMean(layout, known);
        errors.push(diag('error', 'layout', `unknown layout \`${layout}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, source.layoutsPos?.[i], [`layouts here: ${known.join(', ')}`]));
        continue;
      }
      const wrongKind = checkLayoutKind(facts, source, layout);
      if (wrongKind) {
        errors.push(wrongKind);
        continue;
      }
      try {
        const draft = Boolean(options.draft || source.draft);
        const laid = applyLayout(paths, layout, source.context(), { draft, imageRoots: readableRoots(paths, source.file) });
        const theme = laid.theme;
        const doc: Doc = options.pdfa ? { ...laid.doc, pdf: { standard: 'PDF/A-2b' } } : laid.doc;
        // What PDF/A cannot hold (a CMYK image) is an error now, at its YAML position, not a bad file later.
        if (doc.pdf) {
          const refused = pdfaImageProblems(doc);
          if (refused.length > 0) {
            errors.push(...refused);
            continue;
          }
        }
        // Content the template left out would be lost without a word: refuse it now.
        const lost = notRendered(source.blocks, doc, layout);
        if (lost.length > 0) {
          errors.push(...lost);
          continue;
        }
        // A character no face of its role can draw would print as an empty box: refuse it now.
        const missing = options.skipGlyphCheck ? [] : checkGlyphs(doc);
        if (missing.length > 0) {
          errors.push(...missing);
          continue;
        }
        const { imposed, formats, default: isDefault } = facts.get(layout) ?? {};
        planned.push({ source, layout, draft, ...(imposed ? { imposed } : {}), ...(formats ? { formats } : {}), ...(isDefault ? { defaultLayout: true as const } : {}), doc, fonts: theme.fontChoices, warnings: theme.warnings });
      } catch (e) {
        if (e instanceof DiagnosticError) errors.push(...e.diagnostics);
        else throw e;
      }
    }
  }
  if (errors.some((d) => d.severity === 'error')) throw new DiagnosticError(dedupe(errors));
  return planned;
}

/** Folders a document's images may come from: the content folder, and the content file's own. */
export function readableRoots(paths: ProjectPaths, contentFile: string): string[] {
  return [paths.contentDir, path.dirname(contentFile)];
}

/** A layout's `formats:` naming a format no entry of the registry has: an error, with the formats there are. */
function unknownFormats(facts: ReadonlyMap<string, LayoutFacts>, layouts: readonly string[] | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [layout, f] of facts) {
    if (layouts && !layouts.includes(layout)) continue;
    for (const name of f.formats ?? []) {
      if (!isFormat(name)) out.push(diag('error', 'format', `layout \`${layout}\` lists an unknown format \`${name}\` in \`layout.formats\``, undefined, [`formats: ${formatNames().join(', ')}`]));
    }
  }
  return out;
}

/**
 * `out/<path under content/ without .yaml>/<layout>.<extension>`, with forward slashes; a
 * draft's is `<layout>.draft.<extension>`, beside the final and never over it.
 */
export function outputPath(paths: ProjectPaths, source: Source, layout: string, format: string, draft = false): string {
  const rel = path.relative(paths.contentDir, source.file);
  const base = rel.startsWith('..') ? source.slug : rel.replace(/\.ya?ml$/i, '');
  return [...base.split(path.sep), outputFileName(layout, outputFormat(format).extension, draft)].join('/');
}

/** A theme or template error is found once per content file; report it once. */
export function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = JSON.stringify([d.rule, d.message, d.pos]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isNames(layouts: readonly string[] | readonly Diagnostic[]): layouts is readonly string[] {
  return layouts.every((l) => typeof l === 'string');
}
