import path from 'node:path';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import { isFileInside } from '../io/inside-root.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import { GENERATOR } from '../package.js';
import { fileIsEntry, ManifestLedger } from './ledger.js';
import { combineManifests, parseManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { openOutFolder } from './out-folder.js';
import { writeReleaseFiles, type ReleaseOptions } from './release.js';

export interface MergeOptions extends ReleaseOptions {
  /** Shard manifests, each beside its outputs (as a CI job's out folder is downloaded). */
  inputs: string[];
  /** The folder the merged manifest.json, SHA256SUMS and index.html go to. */
  outDir: string;
}

/**
 * Joins shard builds into one out folder: the manifests are read bounded and checked entry by
 * entry (parseManifest: every path a plain name inside the folder, a preview only under the
 * name jianbao gives it), combined (the same path twice must be the same bytes), and each output
 * and preview is copied from inside its shard's folder (also through links) when that is not the
 * out folder itself, with its sha256 checked. The out folder is locked and written as a build
 * writes it, and the release files are what a single build would have written, byte for byte.
 */
export function mergeShards(options: MergeOptions): { manifest: Manifest; copied: number; releaseFiles: string[]; warnings: Diagnostic[] } {
  const outDir = path.resolve(options.outDir);
  const inputs = options.inputs.map((file) => {
    const shown = displayPath(file);
    const read = readBounded(file, { limit: LIMITS.manifestBytes, shown, what: 'manifest' });
    if (!read.ok) throw new DiagnosticError([read.diagnostic]);
    return { file: shown, dir: path.dirname(path.resolve(file)), manifest: parseManifest(read.bytes.toString('utf8'), shown) };
  });
  const manifest = combineManifests(inputs, GENERATOR);

  const origin = new Map<string, string>();
  for (const i of inputs) for (const e of i.manifest.outputs) if (!origin.has(e.path)) origin.set(e.path, i.dir);
  // Check every file before copying any, so a failed merge leaves the out folder as it was.
  const errors: Diagnostic[] = [];
  const copies: { entry: ManifestEntry; from: string }[] = [];
  const inPlace: ManifestEntry[] = [];
  const previews: { rel: string; from: string }[] = [];
  for (const e of manifest.outputs) {
    const from = origin.get(e.path)!;
    if (from !== outDir && fileIsEntry(from, e)) copies.push({ entry: e, from });
    else if (fileIsEntry(outDir, e)) inPlace.push(e);
    else {
      errors.push(diag('error', 'manifest-file', `${e.path}: no file with the manifest's sha256 in ${displayPath(from)}`, undefined, ["download every shard's out folder next to its manifest"]));
      continue;
    }
    if (e.preview) {
      if (from !== outDir && isFileInside(from, e.preview)) previews.push({ rel: e.preview, from });
      else if (!isFileInside(outDir, e.preview)) delete e.preview;
    }
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  const out = openOutFolder(outDir);
  try {
    const ledger = new ManifestLedger(out, inPlace, GENERATOR);
    for (const p of previews) out.write(p.rel, readInside(p.from, p.rel));
    for (const c of copies) ledger.land(c.entry, readInside(c.from, c.entry.path));
    const merged = ledger.finish();
    const { releaseFiles, warnings } = writeReleaseFiles(out, merged, options);
    return { manifest: merged, copied: copies.length, releaseFiles, warnings };
  } finally {
    out.release();
  }
}

/** A shard's file, read through the path policy (inside its folder, a regular file, bounded). */
function readInside(dir: string, rel: string): Uint8Array {
  const abs = path.join(dir, rel);
  const read = readBounded(abs, { limit: LIMITS.outputBytes, shown: displayPath(abs), what: 'shard file', root: { dir, name: displayPath(dir) } });
  if (!read.ok) throw new DiagnosticError([read.diagnostic]);
  return new Uint8Array(read.bytes);
}
