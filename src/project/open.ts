import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticError, displayPath, hasErrors, UsageError, type Diagnostic } from '../diagnostics/index.js';
import { projectPaths, type ProjectPaths } from '../pipeline/project.js';
import { formatNames } from '../render/registry.js';
import { listLayouts } from '../templates/layout-files.js';
import { readProjectConfig, type ProjectConfig } from '../settings/settings-file.js';
import { isFolder } from '../io/file-kind.js';
import { CONFIG_FILE, findProjectRoot, searchStart } from './root.js';

/** A project as a command sees it: its root, its folders and its settings. */
export interface Project {
  root: string;
  paths: ProjectPaths;
  config: ProjectConfig;
  /** Warnings of the settings file (errors stop openProject). */
  warnings: Diagnostic[];
}

export interface OpenOptions {
  /** The working folder: relative paths are taken from it. */
  cwd: string;
  /** The project's root as given (`--root`): no search. */
  root?: string;
  /** The content files or folders named: the search starts from them, else from `cwd`. */
  inputs?: readonly string[];
  /** The out folder as given (`--out`), relative to `cwd`; else the settings' `out`, else `out`. */
  out?: string;
}

/**
 * Finds and opens the project a command works on. Its root is `--root`, else the nearest folder
 * at or above the named content (or the working folder, when none is named) that holds
 * `jianbao.yaml` or `content/`, as git finds its repository from any folder inside it. Outputs
 * go to the root's out folder wherever the command runs. Throws UsageError when there is no
 * project (with a hint to `jianbao init`) and DiagnosticError for a settings file with errors.
 */
export function openProject(options: OpenOptions): Project {
  const root = projectRoot(options);
  const base = projectPaths(root);
  const { config, diagnostics } = readProjectConfig(root, { formats: formatNames(), layouts: listLayouts(base) }, options.cwd);
  if (hasErrors(diagnostics)) throw new DiagnosticError(diagnostics);
  const out = options.out !== undefined ? path.resolve(options.cwd, options.out) : config.data.out !== undefined ? path.resolve(root, config.data.out) : undefined;
  return { root, paths: projectPaths(root, out), config, warnings: diagnostics };
}

/** The root `openProject` opens. */
export function projectRoot(options: OpenOptions): string {
  const { cwd } = options;
  if (options.root !== undefined) {
    const root = path.resolve(cwd, options.root);
    if (!isFolder(root)) throw new UsageError(`--root: no such folder: ${options.root}`);
    return root;
  }
  const named = (options.inputs ?? []).map((p) => path.resolve(cwd, p));
  const fromCwd = () => findProjectRoot(cwd);
  if (named.length > 0) {
    const roots = new Map<string, string>();
    for (const p of named) {
      const r = findProjectRoot(searchStart(nearestExisting(p)));
      if (r && !roots.has(r)) roots.set(r, p);
    }
    if (roots.size > 1) {
      const [[a, pa], [b, pb]] = [...roots] as [[string, string], [string, string]];
      throw new UsageError(`${displayPath(pa, cwd)} and ${displayPath(pb, cwd)} are in different projects (${displayPath(a, cwd)}, ${displayPath(b, cwd)})`, ['run the command once in each project']);
    }
    const found = [...roots.keys()][0] ?? fromCwd();
    if (found) return found;
  } else {
    const found = fromCwd();
    if (found) return found;
  }
  throw new UsageError(`no jianbao project in ${cwd} or any folder above it: a project is a folder with a ${CONFIG_FILE} or a content/ folder`, [
    'run `jianbao init` to make one here (or `jianbao init DIR`), then `jianbao build`',
    'or name the project with `--root DIR`',
  ]);
}

/** A path, or its nearest ancestor that exists: a misspelt file still finds its project. */
function nearestExisting(p: string): string {
  let d = p;
  while (!fs.existsSync(d)) {
    const up = path.dirname(d);
    if (up === d) return d;
    d = up;
  }
  return d;
}
