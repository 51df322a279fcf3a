import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, displayPath, type Diagnostic } from '../diagnostics/index.js';
import { fileHash } from './build-key.js';
import { GENERATOR } from '../package.js';
import { combineManifests, parseManifest, type Manifest } from './manifest.js';
import { writeReleaseFiles, type ReleaseOptions } from './release.js';

export interface MergeOptions extends ReleaseOptions {
  /** Shard manifests, each beside its outputs (as a CI job's out folder is downloaded). */
  inputs: string[];
  /** The folder the merged manifest.json, SHA256SUMS and index.html go to. */
  outDir: string;
}

/**
 * Joins shard builds into one out folder: the manifests are combined (the same path twice must be
 * the same bytes), each output and preview is copied from its shard's folder when that is not
 * the out folder itself, with its sha256 checked, and the release files are written as a
 * single build would have: the same manifest, SHA256SUMS and index.html, byte for byte.
 */
export function mergeShards(options: MergeOptions): { manifest: Manifest; copied: number; releaseFiles: string[] } {
  const outDir = path.resolve(options.outDir);
  const inputs = options.inputs.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new DiagnosticError([diag('error', 'io', `cannot read manifest ${file}`)]);
    }
    return { file, dir: path.dirname(path.resolve(file)), manifest: parseManifest(text, file) };
  });
  const manifest = combineManifests(inputs, GENERATOR);

  const origin = new Map<string, string>();
  for (const i of inputs) for (const e of i.manifest.outputs) if (!origin.has(e.path)) origin.set(e.path, i.dir);
  // Check every file before copying any, so a failed merge leaves the out folder as it was.
  const errors: Diagnostic[] = [];
  const copies: { from: string; to: string }[] = [];
  for (const e of manifest.outputs) {
    const from = origin.get(e.path)!;
    const target = path.join(outDir, e.path);
    const candidates = from === outDir ? [target] : [path.join(from, e.path), target];
    const good = candidates.find((f) => fileHash(f) === e.sha256);
    if (!good) {
      errors.push(diag('error', 'manifest-file', `${e.path}: no file with the manifest's sha256 in ${displayPath(from)}`, undefined, ["download every shard's out folder next to its manifest"]));
      continue;
    }
    if (good !== target) copies.push({ from: good, to: target });
    if (e.preview) {
      const preview = path.join(from, e.preview);
      if (from !== outDir && fs.existsSync(preview)) copies.push({ from: preview, to: path.join(outDir, e.preview) });
      else if (!fs.existsSync(path.join(outDir, e.preview))) delete e.preview;
    }
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  for (const c of copies) copy(c.from, c.to);
  const copied = copies.filter((c) => !c.to.endsWith('.png')).length;
  const { releaseFiles } = writeReleaseFiles(outDir, manifest, options);
  return { manifest, copied, releaseFiles };
}

function copy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  fs.copyFileSync(from, tmp);
  fs.renameSync(tmp, to);
}
