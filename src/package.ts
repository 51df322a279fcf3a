import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };

/** jianbao's version: package.json's, the one place it is written. */
export const VERSION: string = pkg.version;

/** What manifests name as their writer. */
export const GENERATOR = `jianbao ${VERSION}`;

/** The installed jianbao package (its templates are the defaults, its caches live under it). */
export function packageDir(): string {
  // Works from src/ (tsx, tests) and from a bundled dist/ file alike: walk up to package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}
