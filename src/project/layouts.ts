import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError, didYouMean, displayPath, UsageError } from '../diagnostics/index.js';
import type { ProjectPaths } from '../pipeline/project.js';
import { findTemplateFile, listLayouts, templateDirs } from '../templates/layout-files.js';
import { loadLayoutDescription, loadLayoutFacts } from '../theme/load-theme.js';
import type { LayoutFacts } from '../theme/schema.js';
import type { ProjectConfigData } from '../settings/settings-file.js';

/** One layout a project can build, as `jianbao layouts` and `build --help` list it. */
export interface LayoutInfo {
  name: string;
  /** What it lays out; absent when its theme does not say (any content). */
  content?: 'article' | 'bulletin';
  /** Whether a file of its kind that names no layouts gets it (jianbao.yaml's `layouts:` first, else the theme's `default`). */
  isDefault: boolean;
  /** Why it is (or is not) a default: `jianbao.yaml` or `theme`. */
  defaultFrom: 'jianbao.yaml' | 'theme';
  /** Its output also goes out as print sheets, imposed so. */
  imposed?: 'saddle-stitch';
  description?: string;
  /** Where its template and theme come from. */
  origin: 'built-in' | 'project' | 'project (over the built-in one)';
  template: string;
  theme?: string;
  /** The theme's error, when it does not load (the layout cannot be built until it does). */
  problem?: string;
}

/** Every layout of a project: its own first, then the built-in ones it does not replace. */
export function describeLayouts(paths: ProjectPaths, config: ProjectConfigData = {}): LayoutInfo[] {
  const dirs = templateDirs(paths);
  const builtin = path.resolve(paths.builtinTemplatesDir);
  return listLayouts(paths).map((name): LayoutInfo => {
    const template = findTemplateFile(dirs, `${name}.hbs`)!;
    const theme = findTemplateFile(dirs, `${name}.theme.yaml`);
    // In jianbao's own repository the project's templates are the built-in ones.
    const ownFolder = path.resolve(paths.templatesDir) !== builtin;
    const own = ownFolder && (template.root !== builtin || (theme !== undefined && theme.root !== builtin));
    const origin: LayoutInfo['origin'] = !own ? 'built-in' : fs.existsSync(path.join(builtin, `${name}.hbs`)) ? 'project (over the built-in one)' : 'project';
    let facts: LayoutFacts = { default: false };
    let description: string | undefined;
    let problem: string | undefined;
    if (theme) {
      try {
        facts = loadLayoutFacts(theme.file);
        description = loadLayoutDescription(theme.file);
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        problem = e.diagnostics[0]?.message;
      }
    } else problem = `no theme: ${name}.theme.yaml is missing`;
    const configured = facts.content ? config.layouts?.[facts.content] : undefined;
    const info: LayoutInfo = {
      name,
      isDefault: configured ? configured.includes(name) : facts.default,
      defaultFrom: configured ? 'jianbao.yaml' : 'theme',
      origin,
      template: template.file,
    };
    if (facts.content) info.content = facts.content;
    if (facts.imposed) info.imposed = facts.imposed;
    if (description) info.description = description;
    if (theme) info.theme = theme.file;
    if (problem) info.problem = problem;
    return info;
  });
}

/** The layouts as lines of a table: name, what it lays out, when it is built, description. */
export function formatLayouts(list: readonly LayoutInfo[], withOrigin = true): string[] {
  const kind = (l: LayoutInfo) => (l.content === 'article' ? 'article' : l.content === 'bulletin' ? 'issue' : 'any');
  const when = (l: LayoutInfo) => (l.isDefault ? `default for ${kind(l) === 'issue' ? 'issues' : 'articles'}${l.defaultFrom === 'jianbao.yaml' ? ' (jianbao.yaml)' : ''}` : 'on request') + (l.imposed ? ', + print sheets' : '');
  const rows = list.map((l) => [l.name, kind(l), when(l), ...(withOrigin ? [l.origin] : []), l.problem ? `error: ${l.problem}` : (l.description ?? '')]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]!.length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd());
}

/** What each kind of content builds when it names no layouts, as a sentence. */
export function defaultsSentence(list: readonly LayoutInfo[]): string {
  const names = (kind: 'article' | 'bulletin') => list.filter((l) => l.isDefault && (l.content ?? kind) === kind).map((l) => `\`${l.name}\``);
  const say = (n: string[]) => (n.length === 0 ? 'nothing (name a layout)' : n.join(' and '));
  return `an article builds ${say(names('article'))}, an issue ${say(names('bulletin'))}`;
}

/**
 * Copies a built-in layout's template and theme into the project's templates/ to be edited:
 * the project's copy then wins over the built-in one by name (its partials stay shared until
 * copied too). Refuses to replace a file unless `force`.
 */
export function copyLayout(paths: ProjectPaths, name: string, options: { force?: boolean; cwd: string }): string[] {
  const builtin = listLayouts(paths.builtinTemplatesDir);
  if (!builtin.includes(name)) {
    const near = didYouMean(name, builtin);
    throw new UsageError(`no built-in layout \`${name}\``, [near ? `did you mean \`${near}\`?` : `built-in layouts: ${builtin.join(', ')}`]);
  }
  const target = paths.templatesDir;
  if (path.resolve(target) === path.resolve(paths.builtinTemplatesDir)) throw new UsageError(`${displayPath(target, options.cwd)} is jianbao's own templates folder; copy into a project of your own`);
  const files = [`${name}.hbs`, `${name}.theme.yaml`];
  const existing = files.filter((f) => fs.existsSync(path.join(target, f)));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(`${existing.map((f) => displayPath(path.join(target, f), options.cwd)).join(' and ')} already exist${existing.length === 1 ? 's' : ''}`, ['add --force to replace with the built-in version']);
  }
  fs.mkdirSync(target, { recursive: true });
  return files.map((f) => {
    const to = path.join(target, f);
    fs.copyFileSync(path.join(paths.builtinTemplatesDir, f), to);
    return to;
  });
}
