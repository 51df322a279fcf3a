import path from 'node:path';
import { diag, DiagnosticError, displayPath } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import { formatCount, LIMITS } from '../limits.js';
import { parseMarkup } from '../markup/index.js';
import { checkImagePath } from '../images/image-policy.js';
import { loadLayoutFacts, loadTheme, type Theme } from '../theme/load-theme.js';
import type { LayoutFacts } from '../theme/schema.js';
import { compileTemplate } from './render-template.js';
import { themeFile, type LayoutPaths } from './layout-files.js';

export type { LayoutPaths } from './layout-files.js';

export interface LayoutOptions {
  /** A draft: the template sees `draft` true (and emits the draft's header line and watermark). */
  draft?: boolean;
  /** Folders the document's images may come from (see checkImagePath); the project's content/ when absent. */
  imageRoots?: readonly string[];
}

/** What a layout is, as its theme says (`layout:`). */
export function layoutFactsOf(paths: LayoutPaths, layout: string): LayoutFacts {
  return loadLayoutFacts(themeFile(paths, layout));
}

/** Loads a layout's theme; cached by the caller per build. */
export function layoutTheme(paths: LayoutPaths, layout: string): Theme {
  return loadTheme(themeFile(paths, layout), paths.projectDir);
}

/**
 * Runs one layout over a template context: Handlebars → markup → IR. The context is plain data
 * (the content model's view); the result is the document IR, which is all the renderers see.
 */
export function applyLayout(paths: LayoutPaths, layout: string, context: object, options: LayoutOptions = {}): { doc: Doc; markup: string; theme: Theme } {
  const theme = layoutTheme(paths, layout);
  const template = compileTemplate(paths, layout);
  const markup = template.render({ ...context, theme: { colors: theme.colors, contents: theme.contents }, draft: options.draft ?? false });
  const templateFile = displayPath(template.file);
  if (markup.length > LIMITS.markupChars.value) {
    // The document size after templating: past it the template multiplies the content.
    throw new DiagnosticError([
      diag('error', LIMITS.markupChars.rule, `the template makes ${formatCount(markup.length)} characters of markup for this content; the limit is ${formatCount(LIMITS.markupChars.value)}`, { file: templateFile, line: 1, column: 1 }, [
        'a template should print each piece of content once: look for an {{#each}} inside another over the same list',
      ]),
    ]);
  }
  const parsed = parseMarkup(markup, {
    templateFile,
    templateSource: template.source,
    styles: Object.keys(theme.styles),
    furniture: theme.furniture,
    image: (p) => checkImagePath(p, options.imageRoots ?? [path.join(paths.projectDir, 'content')]),
  });
  const doc: Doc = { meta: parsed.meta, page: theme.page, furniture: parsed.furniture, punctuation: theme.punctuation, latinGap: theme.latinGap, composition: theme.composition, flow: theme.flow, styles: theme.styles, fonts: theme.fonts, blocks: parsed.blocks, ...(theme.pdf ? { pdf: theme.pdf } : {}) };
  return { doc, markup, theme };
}
