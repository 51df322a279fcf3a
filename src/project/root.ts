import path from 'node:path';
import { CONFIG_FILE } from '../settings/settings-file.js';
import { isFile, isFolder } from '../io/file-kind.js';

export { CONFIG_FILE } from '../settings/settings-file.js';

/** The folder of a project's content; a folder holding it is a project's root too. */
export const CONTENT_FOLDER = 'content';

/**
 * The nearest folder at or above `start` that is a project's root: one holding `jianbao.yaml` or
 * a `content/` folder, found as git finds `.git`. Undefined when no folder up to the file
 * system's root is one.
 */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Whether a folder is a project's root: it has `jianbao.yaml`, or a `content/` folder. */
export function isProjectRoot(dir: string): boolean {
  return isFile(path.join(dir, CONFIG_FILE)) || isFolder(path.join(dir, CONTENT_FOLDER));
}

/** The folder a named path starts its search from: the path itself when a folder, else its folder. */
export function searchStart(p: string): string {
  return isFolder(p) ? p : path.dirname(p);
}


