import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageDir } from './package.js';

// One place for where jianbao's caches live: the bundle's (font hashes, compiled templates) and
// the V8 code cache that scripts/compile-cache.cjs keeps before the bundle is even loaded (it
// is built with this file inside it).

/**
 * Where jianbao keeps what it can work out again (hashes of big files, compiled templates, and in
 * `v8/` the V8 code cache of the bundle): `$JIANBAO_CACHE_DIR`, else `node_modules/.cache/jianbao`
 * in the package's folder when that has a node_modules, else a folder in the system's temp
 * folder. Undefined when `JIANBAO_CACHE_DIR` is `0` or `off`: every cache then stays in memory.
 *
 * What is cached is trusted (compiled templates and the V8 cache run as code), so a folder is
 * used only when it is private (see isPrivateFolder): `JIANBAO_CACHE_DIR` naming a folder others
 * may write, or one another user owns, gives no cache at all; such a node_modules cache (a
 * package installed by another user) gives way to this user's folder in the temp folder.
 */
export function cacheDir(): string | undefined {
  const env = process.env.JIANBAO_CACHE_DIR;
  if (env === '0' || env === 'off') return undefined;
  if (env) return privateFolder(path.resolve(env));
  const nm = path.join(packageDir(), 'node_modules');
  if (fs.existsSync(nm)) return privateFolder(path.join(nm, '.cache', 'jianbao')) ?? privateTempDir();
  return privateTempDir();
}

/** `dir`, made if missing (for this user only), when it is private; else undefined. */
function privateFolder(dir: string): string | undefined {
  try {
    if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return isPrivateFolder(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether only this user can change what is in `dir`: a folder (through links) that this user
 * owns and that neither its group nor others may write. Where there are no user ids (Windows),
 * the file system's own permissions are left to decide.
 */
export function isPrivateFolder(dir: string): boolean {
  const st = fs.statSync(dir);
  if (!st.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/**
 * A folder of this user's in the shared temp folder, or undefined when one cannot be had safely:
 * what is cached there is trusted (compiled templates run), so the folder must be ours alone.
 */
function privateTempDir(): string | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const uid = process.getuid();
  const dir = path.join(os.tmpdir(), `jianbao-cache-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

