import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, type Diagnostic } from '../diagnostics/index.js';

/** One built file, as release tooling and people checking downloads see it. */
export interface ManifestEntry {
  /** Content file, relative to the project. */
  source: string;
  /** What the source is (`article`, a bulletin issue, …): a bulletin issue gets its own zip. */
  kind?: string;
  /** The document's title, for the index page. */
  title?: string;
  layout: string;
  /** Its layout is one its kind of content gets by default (the theme's `layout.default`): the index lists it first. */
  defaultLayout?: true;
  /** A format of the registry (src/render/registry.ts). */
  format: string;
  /** Output path relative to the out folder. */
  path: string;
  bytes: number;
  /** Page count, for formats that have pages to count. */
  pages?: number;
  sha256: string;
  /** Build key: a hash of every input of this output; unchanged key and file means up to date. */
  key?: string;
  /** PNG of page 1, relative to the out folder (formats with a previewer, when one was found). */
  preview?: string;
  /** Print sheets of an imposed layout's output (src/impose), made from that output; shares its build key. */
  imposed?: true;
}

export interface Manifest {
  generator: string;
  outputs: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';

export function sha256(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export function readManifest(outDir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The manifest as written: two-space JSON and a final newline, so equal manifests are equal bytes. */
export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

function byPath(a: ManifestEntry, b: ManifestEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Keeps earlier entries whose files still exist and are not rebuilt now; sorted by path. */
export function mergeManifest(previous: Manifest | undefined, fresh: ManifestEntry[], outDir: string, generator: string): Manifest {
  const entries = new Map<string, ManifestEntry>();
  for (const e of previous?.outputs ?? []) if (fs.existsSync(path.join(outDir, e.path))) entries.set(e.path, e);
  for (const e of fresh) entries.set(e.path, e);
  return { generator, outputs: [...entries.values()].sort(byPath) };
}

/**
 * Combines shard manifests into one. The same path in two manifests must be the same file
 * (same sha256); otherwise the shards were built from different inputs and the merge fails.
 */
export function combineManifests(manifests: { file: string; manifest: Manifest }[], generator: string): Manifest {
  const entries = new Map<string, { entry: ManifestEntry; from: string }>();
  const errors: Diagnostic[] = [];
  for (const { file, manifest } of manifests) {
    for (const e of manifest.outputs) {
      const seen = entries.get(e.path);
      if (seen && seen.entry.sha256 !== e.sha256) {
        errors.push(diag('error', 'manifest-conflict', `${e.path} differs between ${seen.from} and ${file}`, undefined, ['build every shard from the same commit']));
      } else if (!seen) entries.set(e.path, { entry: e, from: file });
    }
  }
  if (errors.length > 0) throw new DiagnosticError(errors);
  return { generator, outputs: [...entries.values()].map((x) => x.entry).sort(byPath) };
}

/** `sha256sum` format (`<hex>  <path>`), sorted by path, so `sha256sum -c` passes in the folder. */
export function sumsText(files: readonly { path: string; sha256: string }[]): string {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** Checks a manifest file's shape enough to merge it; bad ones are diagnostics, not crashes. */
export function parseManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DiagnosticError([diag('error', 'manifest', `not JSON: ${e instanceof Error ? e.message : String(e)}`, { file, line: 1, column: 1 })]);
  }
  const m = data as Partial<Manifest> | null;
  const ok =
    m !== null &&
    typeof m === 'object' &&
    Array.isArray(m.outputs) &&
    m.outputs.every((e) => e && typeof e.path === 'string' && /^[0-9a-f]{64}$/.test(String(e.sha256)) && !e.path.split('/').includes('..') && !path.isAbsolute(e.path));
  if (!ok) throw new DiagnosticError([diag('error', 'manifest', 'not a jianbao manifest (needs `outputs` with relative `path` and `sha256` each)', { file, line: 1, column: 1 })]);
  return { generator: typeof m.generator === 'string' ? m.generator : 'jianbao', outputs: m.outputs as ManifestEntry[] };
}
