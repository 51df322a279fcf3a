import fs from 'node:fs';
import path from 'node:path';
import { packageDir } from '../package.js';

/** The folders a build reads and writes. */
export interface ProjectPaths {
  /** The user's project: `content/`, `templates/`, `fonts/` live here. */
  projectDir: string;
  contentDir: string;
  templatesDir: string;
  outDir: string;
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
