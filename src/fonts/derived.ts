import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { cachedFileHash } from './hash-cache.js';

/**
 * Font files jianbao derives from others and keeps: a WOFF unwrapped to its TTF, one face of a
 * collection as a font of its own. The rest of jianbao then reads one plain font per face (a
 * TrueType face lazily, a glyph at a time), and build keys hash the very bytes embedded.
 *
 * Kept in jianbao's cache folder, named by the source's content (a changed source is derived
 * again); with the cache turned off or not writable, in a folder of this process's in the temp
 * folder.
 */
let processDir: string | undefined;

/** A folder of this process's in the temp folder, removed when it exits. */
function ownTempDir(): string {
  if (!processDir) {
    processDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-fonts-'));
    process.once('exit', () => fs.rmSync(processDir!, { recursive: true, force: true }));
  }
  return processDir;
}

/** Writes a derived font atomically into `dir`. */
function writeInto(dir: string, name: string, bytes: Uint8Array): string {
  const out = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  return out;
}

/**
 * The derived file for `source` (what `variant` says, e.g. `face-2`), made by `make` the first
 * time. Throws what `make` throws (a FontFormatError for a bad source).
 */
export function derivedFont(source: string, variant: string, make: (bytes: Buffer) => Uint8Array): string {
  // Named by the source's bytes (their hash is kept by stat, src/fonts/hash-cache.ts), so the
  // same face gets the same name, and the same build key, on every machine.
  const key = cachedFileHash(source, fs.statSync(source)).slice(0, 24);
  const name = `${path.basename(source, path.extname(source))}-${variant}-${key}.ttf`;
  const cache = cacheDir();
  const cached = cache && path.join(cache, 'fonts', name);
  if (cached && fs.existsSync(cached)) return cached;
  const bytes = make(fs.readFileSync(source));
  if (cached) {
    try {
      return writeInto(path.dirname(cached), name, bytes);
    } catch {
      // A cache folder this user may not write (a global install): keep it for this process only.
    }
  }
  return writeInto(ownTempDir(), name, bytes);
}
