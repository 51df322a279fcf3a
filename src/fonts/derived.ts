import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheDir } from '../cache-dir.js';

/**
 * Font files jianbao derives from others and keeps: a WOFF unwrapped to its TTF, one face of a
 * collection as a font of its own. The rest of jianbao then reads one plain font per face (a
 * TrueType face lazily, a glyph at a time), and build keys hash the very bytes embedded.
 *
 * Kept in jianbao's cache folder, named by the source's path, size and mtime (a changed source
 * is derived again); with the cache turned off, in a folder of this process's in the temp folder.
 */
let processDir: string | undefined;

function derivedDir(): string {
  const dir = cacheDir();
  if (dir) return path.join(dir, 'fonts');
  if (!processDir) {
    processDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-fonts-'));
    process.once('exit', () => fs.rmSync(processDir!, { recursive: true, force: true }));
  }
  return processDir;
}

/**
 * The derived file for `source` (what `variant` says, e.g. `face-2`), made by `make` the first
 * time. Throws what `make` throws (a FontFormatError for a bad source).
 */
export function derivedFont(source: string, variant: string, make: (bytes: Buffer) => Uint8Array): string {
  const st = fs.statSync(source);
  const key = crypto.createHash('sha256').update(`${fs.realpathSync(source)}\0${st.size}\0${st.mtimeMs}\0${variant}`).digest('hex').slice(0, 24);
  const out = path.join(derivedDir(), `${path.basename(source, path.extname(source))}-${variant}-${key}.ttf`);
  if (fs.existsSync(out)) return out;
  const bytes = make(fs.readFileSync(source));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  return out;
}
