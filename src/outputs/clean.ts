import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, displayPath } from '../diagnostics/index.js';
import { isFileInside } from '../io/inside-root.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import { fileIsEntry } from './ledger.js';
import { parseManifest, type Manifest } from './manifest.js';
import { INDEX_FILE, MANIFEST_FILE, RELEASE_DIR, SUMS_FILE } from './names.js';
import { openOutFolder } from './out-folder.js';

export interface CleanResult {
  /** Files removed (or, with `dryRun`, that would be), relative to the out folder. */
  removed: string[];
  /** Outputs the manifest lists that were left: changed since jianbao wrote them. */
  kept: string[];
}

/**
 * Removes what jianbao wrote to an out folder, and only that: the outputs its manifest lists
 * (each still the bytes it wrote; one changed by hand is left and named), their previews, the
 * last release's files (as release/SHA256SUMS lists them), index.html, SHA256SUMS and the
 * manifest; then the folders that leaves empty. Another file in the folder is never touched.
 * With `dryRun`, says what it would remove and removes nothing.
 */
export function cleanOutFolder(outDir: string, options: { dryRun?: boolean } = {}): CleanResult {
  const dir = path.resolve(outDir);
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) {
    if (!fs.existsSync(dir)) return { removed: [], kept: [] };
    throw new DiagnosticError([diag('error', 'manifest', `${displayPath(dir)} has no ${MANIFEST_FILE}, so nothing in it is known to be jianbao's`, { file: displayPath(dir), line: 1, column: 1 }, ['remove the folder by hand if it is only outputs'])]);
  }
  const read = readBounded(manifestFile, { limit: LIMITS.manifestBytes, shown: displayPath(manifestFile), what: 'manifest', root: { dir, name: displayPath(dir) } });
  if (!read.ok) throw new DiagnosticError([read.diagnostic]);
  const manifest: Manifest = parseManifest(read.bytes.toString('utf8'), displayPath(manifestFile));
  const isFile = (rel: string) => isFileInside(dir, rel);
  const removed: string[] = [];
  const kept: string[] = [];
  for (const e of manifest.outputs) {
    if (fileIsEntry(dir, e)) removed.push(e.path);
    else if (isFile(e.path)) kept.push(e.path);
    if (e.preview && isFile(e.preview)) removed.push(e.preview);
  }
  const releaseSums = `${RELEASE_DIR}/${SUMS_FILE}`;
  if (isFile(releaseSums)) {
    const text = fs.readFileSync(path.join(dir, releaseSums), 'utf8');
    for (const m of text.matchAll(/^[0-9a-f]{64} {2}([^/\n]+)$/gm)) if (isFile(`${RELEASE_DIR}/${m[1]!}`)) removed.push(`${RELEASE_DIR}/${m[1]!}`);
    removed.push(releaseSums);
  }
  for (const rel of [INDEX_FILE, SUMS_FILE, MANIFEST_FILE]) if (isFile(rel)) removed.push(rel);
  if (options.dryRun) return { removed, kept };

  const out = openOutFolder(dir);
  try {
    for (const rel of removed) out.remove(rel);
  } finally {
    out.release();
  }
  try {
    fs.rmdirSync(dir); // only when nothing else is left in it
  } catch {
    // something of someone else's is in it: it stays
  }
  return { removed, kept };
}
