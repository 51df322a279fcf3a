import path from 'node:path';
import { z } from '../content/zod.js';
import { initProject, type InitResult } from '../project/init.js';
import { copyLayout as copyLayoutFiles, describeLayouts, type LayoutInfo } from '../project/layouts.js';
import { openProject } from '../project/open.js';
import { checkOptions, folder, whereSchema } from './options.js';

export const initOptionsSchema = z.strictObject({
  /** The working folder `dir` is taken from (default: the process's). */
  cwd: folder.optional(),
  /** The new project's folder (default: `cwd`); made if missing. */
  dir: folder.optional(),
  /** Write the sample files again over those there. */
  force: z.boolean({ error: 'expected true or false' }).optional(),
});
export type InitOptions = z.input<typeof initOptionsSchema>;

/**
 * Makes a working project, as `jianbao init [DIR]` does: jianbao.yaml, a sample article and
 * issue (示例), .gitignore and GitHub workflows. Files already there are kept.
 */
export function init(options: InitOptions = {}): InitResult {
  const o = checkOptions('init', initOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  return initProject(path.resolve(cwd, o.dir ?? '.'), { cwd, ...(o.force ? { force: true } : {}) });
}

export const layoutsOptionsSchema = z.strictObject({ ...whereSchema });
export type LayoutsOptions = z.input<typeof layoutsOptionsSchema>;

/** Every layout a project can build: its own (templates/) first, then the built-in ones, with what each lays out and whether it is a default. */
export function layouts(options: LayoutsOptions = {}): LayoutInfo[] {
  const o = checkOptions('layouts', layoutsOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}) });
  return describeLayouts(project.paths, project.config.data);
}

export const copyLayoutOptionsSchema = z.strictObject({
  ...whereSchema,
  /** The built-in layout to copy into the project's templates/ (its template and theme). */
  name: z.string({ error: 'expected a layout name' }).min(1),
  /** Replace the project's copy. */
  force: z.boolean({ error: 'expected true or false' }).optional(),
});
export type CopyLayoutOptions = z.input<typeof copyLayoutOptionsSchema>;

/** Copies a built-in layout into the project to be edited, as `jianbao layouts --copy NAME` does; the files written. */
export function copyLayout(options: CopyLayoutOptions): string[] {
  const o = checkOptions('copyLayout', copyLayoutOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}) });
  return copyLayoutFiles(project.paths, o.name, { cwd, ...(o.force ? { force: true } : {}) });
}
