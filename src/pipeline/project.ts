import path from 'node:path';
import { packageDir } from '../package.js';

/** The folders a build reads and writes. */
export interface ProjectPaths {
  /** The user's project (its root): `content/`, `templates/`, `fonts/` live here. */
  projectDir: string;
  contentDir: string;
  /** The project's own layouts and partials, found before the built-in ones (it need not exist). */
  templatesDir: string;
  /** The built-in layouts (the package's templates/). */
  builtinTemplatesDir: string;
  outDir: string;
}

/** The paths of the project whose root is `root`; a relative `outDir` is taken from the root. */
export function projectPaths(root: string, outDir?: string): ProjectPaths {
  const dir = path.resolve(root);
  return {
    projectDir: dir,
    contentDir: path.join(dir, 'content'),
    templatesDir: path.join(dir, 'templates'),
    builtinTemplatesDir: path.join(packageDir(), 'templates'),
    outDir: path.resolve(dir, outDir ?? 'out'),
  };
}
