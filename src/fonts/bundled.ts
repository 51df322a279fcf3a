import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir } from '../package.js';
import { derivedFont } from './derived.js';
import { sfntFromWoff } from './opentype/woff.js';

const require = createRequire(import.meta.url);

/**
 * The bundled faces: a theme's `npm:<package>/<path>` files. A published jianbao carries the
 * ones its themes use in `dist/fonts/<package>/<path>` (copied from the font packages when it is
 * packed, a WOFF unwrapped to TTF: scripts/pack-fonts.ts), so a user's install holds the 5
 * faces they name instead of every weight of three families. A git checkout has the font packages themselves
 * (devDependencies) and reads them there.
 */

/** Where packing puts the carried faces, under the package's folder. */
export const CARRIED_FONTS = path.join('dist', 'fonts');

// A package name and a path in it: no `..`, no absolute path, nothing outside the package.
const SPEC = /^npm:((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)\/((?:[\w.@+-]+\/)*[\w.@+-]+)$/i;

/** The package and the path in it of an `npm:` spec, or undefined for anything else. */
export function parseNpmSpec(spec: string): { pkg: string; file: string } | undefined {
  const m = SPEC.exec(spec);
  if (!m || m[2]!.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return { pkg: m[1]!, file: m[2]! };
}

/** The path, relative to the carried folder, where packing puts a spec's file (a WOFF as its TTF). */
export function carriedName(spec: string): string | undefined {
  const p = parseNpmSpec(spec);
  return p && path.join(p.pkg, p.file.replace(/\.woff$/i, '.ttf'));
}

/**
 * The file of an `npm:` spec: the copy carried in jianbao's package, else the installed
 * package's own file (a WOFF unwrapped into jianbao's cache, see unwrappedWoff). Undefined when
 * neither exists (or the spec is not a well-formed `npm:` spec).
 */
export function resolveBundled(spec: string, root = packageDir()): string | undefined {
  const name = carriedName(spec);
  if (!name) return undefined;
  const carried = path.join(root, CARRIED_FONTS, name);
  if (fs.existsSync(carried)) return carried;
  let file: string;
  try {
    file = require.resolve(spec.slice(4));
  } catch {
    return undefined;
  }
  return /\.woff$/i.test(file) ? unwrappedWoff(file) : file;
}

/** A WOFF font's TTF, unwrapped once (0.25 s for LXGW WenKai) and kept (see derivedFont). */
export function unwrappedWoff(file: string): string {
  return derivedFont(file, 'unwrapped', sfntFromWoff);
}
