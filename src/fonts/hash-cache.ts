import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../cache-dir.js';

export { cacheDir };

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
