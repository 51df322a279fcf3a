import path from 'node:path';
import { initProject, type InitResult } from '../project/init.js';
import { copyLayout as copyLayoutFiles, describeLayouts, type LayoutInfo } from '../project/layouts.js';
import { openProject } from '../project/open.js';
import { checkOptions } from './options.js';
import { copyLayoutOptionsSchema, initOptionsSchema, layoutsOptionsSchema } from './schemas.js';
import type { CopyLayoutOptions, InitOptions, LayoutsOptions } from './types.js';

export type { CopyLayoutOptions, InitOptions, LayoutsOptions } from './types.js';


/**
 * Makes a working project, as `jianbao init [DIR]` does: jianbao.yaml, a sample article and
 * issue (示例), .gitignore and GitHub workflows. Files already there are kept.
 */
export function init(options: InitOptions = {}): InitResult {
  const o = checkOptions('init', initOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  return initProject(path.resolve(cwd, o.dir ?? '.'), { cwd, ...(o.force ? { force: true } : {}) });
}


/** Every layout a project can build: its own (templates/) first, then the built-in ones, with what each lays out and whether it is a default. */
export function layouts(options: LayoutsOptions = {}): LayoutInfo[] {
  const o = checkOptions('layouts', layoutsOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}) });
  return describeLayouts(project.paths, project.config.data);
}


/** Copies a built-in layout into the project to be edited, as `jianbao layouts --copy NAME` does; the files written. */
export function copyLayout(options: CopyLayoutOptions): string[] {
  const o = checkOptions('copyLayout', copyLayoutOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}) });
  return copyLayoutFiles(project.paths, o.name, { cwd, ...(o.force ? { force: true } : {}) });
}
