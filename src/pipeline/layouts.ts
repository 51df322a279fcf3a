import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import { layoutFactsOf, type LayoutPaths } from '../templates/apply-layout.js';
import { listLayouts } from '../templates/layout-files.js';
import type { LayoutFacts } from '../theme/schema.js';
import type { Source } from './sources.js';

/** The errors of the themes layoutFacts left out, by the map it returned. */
const brokenThemes = new WeakMap<ReadonlyMap<string, LayoutFacts>, Diagnostic[]>();

/** What each layout of a templates folder is, as its theme says (`layout:`); a theme that does not load is left out. */
export function layoutFacts(paths: LayoutPaths): Map<string, LayoutFacts> {
  const out = new Map<string, LayoutFacts>();
  const broken: Diagnostic[] = [];
  for (const name of listLayouts(paths)) {
    try {
      out.set(name, layoutFactsOf(paths, name));
    } catch (e) {
      // Reported when the layout is used; a broken layout nobody builds stops nothing.
      if (!(e instanceof DiagnosticError)) throw e;
      broken.push(...e.diagnostics);
    }
  }
  brokenThemes.set(out, broken);
  return out;
}

const what = (k: Source['kind']) => (k === 'article' ? 'an article' : 'a bulletin issue');

/**
 * The layouts built for a file that names none: its kind's default layouts. With none, the
 * errors of the themes that did not load come first: the default may be among them, and
 * "no default layout" would hide what is wrong in it.
 */
export function defaultLayouts(facts: ReadonlyMap<string, LayoutFacts>, source: Source): string[] | Diagnostic[] {
  const names = [...facts].filter(([, f]) => f.default && (f.content ?? source.kind) === source.kind).map(([n]) => n);
  if (names.length > 0) return names;
  const broken = brokenThemes.get(facts) ?? [];
  if (broken.length > 0) return broken;
  return [
    diag('error', 'layout', `no layout is the default for ${what(source.kind)}`, { file: displayPath(source.file), line: 1, column: 1 }, [
      'name one in the file (`layouts: [NAME]`), or set `layout: { content: …, default: true }` in a theme',
    ]),
  ];
}

/** An error when a layout is for another kind of content (e.g. `report` asked of an issue). */
export function checkLayoutKind(facts: ReadonlyMap<string, LayoutFacts>, source: Source, layout: string): Diagnostic | undefined {
  const kind = facts.get(layout)?.content;
  if (!kind || kind === source.kind) return undefined;
  const fitting = [...facts].filter(([, f]) => f.content === source.kind).map(([l]) => `\`${l}\``);
  return diag('error', 'layout-kind', `layout \`${layout}\` is for ${what(kind)}; this file is ${what(source.kind)}`, { file: displayPath(source.file), line: 1, column: 1 }, [
    `layouts for ${what(source.kind)}: ${fitting.join(', ')}`,
  ]);
}
