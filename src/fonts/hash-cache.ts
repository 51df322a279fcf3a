import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where jianbao keeps what it can work out again (hashes of big files, the V8 code cache of the
 * bundle): `$JIANBAO_CACHE_DIR`, else `node_modules/.cache/jianbao` in the package's folder when
 * that has a node_modules, else a folder in the system's temp folder. Undefined when
 * `JIANBAO_CACHE_DIR` is `0` or `off`: every cache then stays in memory.
 */
export function cacheDir(): string | undefined {
  const env = process.env.JIANBAO_CACHE_DIR;
  if (env === '0' || env === 'off') return undefined;
  if (env) return path.resolve(env);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const nm = path.join(dir, 'node_modules');
  if (fs.existsSync(nm)) return path.join(nm, '.cache', 'jianbao');
  return privateTempDir();
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

/** Files at least this big have their sha256 kept on disk between runs (fonts: 10–15 MB each). */
export const PERSIST_MIN_BYTES = 1 << 20;
const MAX_ENTRIES = 256;
const FILE = 'file-hashes.json';

type Entry = { stamp: string; sha: string };
let disk: Map<string, Entry> | undefined;

function stampOf(stat: fs.Stats): string {
  // ctime too: a content change moves it, and no tool sets it back (unlike mtime, which `touch -d` can).
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`;
}

function loadDisk(): Map<string, Entry> {
  if (disk) return disk;
  disk = new Map();
  const dir = cacheDir();
  if (!dir) return disk;
  try {
    const data = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8')) as Record<string, Entry>;
    for (const [k, v] of Object.entries(data)) if (v && typeof v.stamp === 'string' && /^[0-9a-f]{64}$/.test(v.sha)) disk.set(k, v);
  } catch {
    // no cache yet, or unreadable: start empty
  }
  return disk;
}

function saveDisk(entries: Map<string, Entry>): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const kept = [...entries].slice(-MAX_ENTRIES);
    const tmp = path.join(dir, `.${FILE}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(kept)));
    fs.renameSync(tmp, path.join(dir, FILE));
  } catch {
    // a read-only or full disk only costs the next run a hash
  }
}

/** sha256 of a file, read in pieces so a 15 MB font never sits in memory whole. */
export function streamHash(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(n === chunk.length ? chunk : chunk.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * sha256 of a big file, kept on disk by its path and stat (size, mtime, ctime, inode, device):
 * the 50 MB of default fonts are hashed once per machine instead of on every build (130 ms).
 * Any change to the file's bytes moves its ctime, so a changed file is hashed again.
 */
export function cachedFileHash(file: string, stat: fs.Stats): string {
  const entries = loadDisk();
  const key = path.resolve(file);
  const stamp = stampOf(stat);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) return hit.sha;
  const sha = streamHash(file);
  // The file may have changed while it was read: keep the hash only if its stat held still.
  let after: fs.Stats | undefined;
  try {
    after = fs.statSync(file);
  } catch {
    return sha;
  }
  if (stampOf(after) === stamp) {
    entries.delete(key);
    entries.set(key, { stamp, sha });
    saveDisk(entries);
  }
  return sha;
}
