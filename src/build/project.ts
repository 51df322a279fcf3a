import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders a build reads and writes. */
export interface ProjectPaths {
  /** The user's project: `content/`, `templates/`, `fonts/` live here. */
  projectDir: string;
  contentDir: string;
  templatesDir: string;
  outDir: string;
}

/** The installed jianbao package (its templates are the defaults). */
export function packageDir(): string {
  // Works from src/build (tsx, tests) and from the bundled dist/ file alike: walk up to package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

/** Project paths for a working folder: its own templates/ if it has them, else the package's. */
export function projectPaths(cwd: string, outDir?: string): ProjectPaths {
  const own = path.join(cwd, 'templates');
  return {
    projectDir: cwd,
    contentDir: path.join(cwd, 'content'),
    templatesDir: fs.existsSync(own) ? own : path.join(packageDir(), 'templates'),
    outDir: path.resolve(cwd, outDir ?? 'out'),
  };
}
