import fs from 'node:fs';
import path from 'node:path';
import { loadSource } from '../../src/pipeline/sources.js';
import { defaultLayouts, layoutFacts } from '../../src/pipeline/layouts.js';
import { applyLayout } from '../../src/templates/apply-layout.js';
import { projectPaths } from '../../src/pipeline/project.js';
import type { Doc } from '../../src/ir/index.js';
import { ROOT, tempDir } from '../support.js';

/** A project folder with one article at content/articles/<name>.yaml; the package's templates unless `templates` is set. */
export function articleProject(yaml: string, opts: { name?: string; templates?: boolean } = {}): { dir: string; file: string } {
  const dir = tempDir('jianbao-rel-');
  const file = path.join(dir, 'content/articles', `${opts.name ?? 'a'}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, yaml);
  if (opts.templates) fs.cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return { dir, file };
}

/**
 * Loads and lays out one content file of a project: the document IR the renderers would get.
 * It stops short of the build's glyph check, which these tests call themselves.
 */
export function layOut(dir: string, file: string, draft = false): Doc {
  const paths = projectPaths(dir);
  const source = loadSource(file, paths.contentDir);
  const layouts = source.layouts ?? defaultLayouts(layoutFacts(paths), source);
  const first = layouts[0];
  if (typeof first !== 'string') throw new Error(first?.message ?? 'no layout');
  return applyLayout(paths, first, source.context(), { draft: draft || source.draft }).doc;
}

/** A YAML article from a title and body lines (each already indented as a body item). */
export function article(body: string, title = '示例标题'): string {
  return `title: ${title}\ndate: 2021-03-04\nbody:\n${body}`;
}
