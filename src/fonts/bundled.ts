import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir } from '../build/project.js';
import { cacheDir } from '../cache-dir.js';
import { isWoff, sfntFromWoff } from './woff.js';

const require = createRequire(import.meta.url);

/**
 * The bundled faces: a theme's `npm:<package>/<path>` files. A published jianbao carries the
 * ones its themes use in `dist/fonts/<package>/<path>` (copied from the font packages when it is
 * packed, a WOFF unwrapped to TTF: scripts/pack-fonts.ts), so a user's install holds 4 faces
 * instead of every weight of three families. A git checkout has the font packages themselves
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

/**
 * A WOFF font's TTF, unwrapped once into jianbao's cache folder and read from there after (a
 * TrueType file is read lazily, a glyph at a time; unwrapping LXGW WenKai takes 0.25 s). The
 * cached file is named by the WOFF's path, size and mtime, so a changed WOFF is unwrapped again.
 * Without a cache folder the WOFF itself is returned: the font reader unwraps it in memory.
 */
export function unwrappedWoff(file: string): string {
  const dir = cacheDir();
  if (!dir) return file;
  try {
    const st = fs.statSync(file);
    const key = crypto.createHash('sha256').update(`${fs.realpathSync(file)}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 32);
    const out = path.join(dir, 'fonts', `${path.basename(file, path.extname(file))}-${key}.ttf`);
    if (fs.existsSync(out)) return out;
    const bytes = fs.readFileSync(file);
    if (!isWoff(bytes)) return file;
    const ttf = sfntFromWoff(bytes);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, ttf);
    fs.renameSync(tmp, out);
    return out;
  } catch {
    // A bad WOFF is reported where the font is read; a read-only cache costs an unwrap in memory.
    return file;
  }
}
