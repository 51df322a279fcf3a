import fs from 'node:fs';
import path from 'node:path';
import { isFile, isFolder } from '../io/file-kind.js';

/**
 * Where a layout's files are found. A project's `templates/` folder comes first and the built-in
 * layouts after it, file by file: a project's `report.theme.yaml` restyles the built-in `report`
 * template, its `memo.hbs` adds a layout beside the built-in ones, and its `partials/blocks.hbs`
 * replaces that partial for every layout, while the partials it does not have stay the built-in ones.
 */
export interface LayoutPaths {
  /** The project's own templates folder, searched first (it need not exist). */
  templatesDir: string;
  /** The project folder: `fonts/…` candidates in themes resolve against it. */
  projectDir: string;
  /** The built-in layouts (the package's templates/), searched after the project's. */
  builtinTemplatesDir?: string;
}

/** Layout and partial names: what may follow `templates/` (no dots, no slashes, no `..`). */
export const LAYOUT_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The folders searched, first to last: those that exist, each once. */
export function templateDirs(paths: LayoutPaths | string | readonly string[]): string[] {
  const list = typeof paths === 'string' ? [paths] : Array.isArray(paths) ? (paths as readonly string[]) : [(paths as LayoutPaths).templatesDir, (paths as LayoutPaths).builtinTemplatesDir];
  const out: string[] = [];
  for (const d of list) {
    if (!d) continue;
    const abs = path.resolve(d);
    if (!out.includes(abs) && isFolder(abs)) out.push(abs);
  }
  return out;
}

/** A file found in one of the folders, with the folder it must stay inside. */
export interface FoundFile {
  file: string;
  /** The templates folder it was found in. */
  root: string;
}

/** The first folder's `<rel>` (e.g. `report.hbs`, `partials/blocks.hbs`). */
export function findTemplateFile(dirs: readonly string[], rel: string): FoundFile | undefined {
  for (const root of dirs) {
    const file = path.join(root, rel);
    if (isFile(file)) return { file, root };
  }
  return undefined;
}

/** Every layout name across the folders (a `<name>.hbs`), sorted. */
export function listLayouts(paths: LayoutPaths | string | readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of templateDirs(paths)) for (const f of readdir(dir)) if (f.endsWith('.hbs') && LAYOUT_NAME.test(f.slice(0, -4))) names.add(f.slice(0, -4));
  return [...names].sort();
}

/** Every partial by name, the first folder's file for each name. */
export function partialFiles(dirs: readonly string[]): Map<string, FoundFile> {
  const out = new Map<string, FoundFile>();
  for (const root of dirs) {
    for (const f of readdir(path.join(root, 'partials')).sort()) {
      const name = f.replace(/\.hbs$/, '');
      if (!f.endsWith('.hbs') || !LAYOUT_NAME.test(name) || out.has(name)) continue;
      out.set(name, { file: path.join(root, 'partials', f), root });
    }
  }
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** Every theme by layout name, the first folder's file for each. */
export function themeFiles(paths: LayoutPaths | readonly string[]): Map<string, FoundFile> {
  const out = new Map<string, FoundFile>();
  for (const root of templateDirs(paths)) {
    for (const f of readdir(root).sort()) {
      const name = f.replace(/\.theme\.yaml$/, '');
      if (f.endsWith('.theme.yaml') && LAYOUT_NAME.test(name) && !out.has(name)) out.set(name, { file: path.join(root, f), root });
    }
  }
  return out;
}

/** A layout's theme file: the project's if it has one, else the built-in one (a path that does not exist when neither has). */
export function themeFile(paths: LayoutPaths, layout: string): string {
  const dirs = templateDirs(paths);
  return findTemplateFile(dirs, `${layout}.theme.yaml`)?.file ?? path.join(dirs[0] ?? paths.templatesDir, `${layout}.theme.yaml`);
}

/**
 * The files a layout reads, by the name each has under a templates folder: its template, its
 * theme and every partial (a template may include any). What the build key hashes.
 */
export function layoutSourceFiles(paths: LayoutPaths, layout: string): [string, string][] {
  const dirs = templateDirs(paths);
  const out: [string, string][] = [];
  for (const rel of [`${layout}.hbs`, `${layout}.theme.yaml`]) {
    const found = findTemplateFile(dirs, rel);
    if (found) out.push([rel, found.file]);
  }
  for (const [name, found] of partialFiles(dirs)) out.push([`partials/${name}.hbs`, found.file]);
  return out;
}

/** Whether a layout comes with jianbao (its template is not the project's). */
export function isBuiltIn(paths: LayoutPaths, layout: string): boolean {
  const found = findTemplateFile(templateDirs(paths), `${layout}.hbs`);
  return Boolean(found && paths.builtinTemplatesDir && found.root === path.resolve(paths.builtinTemplatesDir) && found.root !== path.resolve(paths.templatesDir));
}

function readdir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}


