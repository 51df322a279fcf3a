import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Format } from './formats.js';

/** One built file, as release tooling and people checking downloads see it. */
export interface ManifestEntry {
  /** Content file, relative to the project. */
  source: string;
  layout: string;
  format: Format;
  /** Output path relative to the out folder. */
  path: string;
  bytes: number;
  /** Page count (PDF only). */
  pages?: number;
  sha256: string;
}

export interface Manifest {
  generator: string;
  outputs: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

export function sha256(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * Counts pages in a PDF that pdfkit wrote: pdfkit writes every object uncompressed at the top
 * level (no object streams), so each page dictionary is visible as `/Type /Page`.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export function readManifest(outDir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Keeps earlier entries whose files still exist and are not rebuilt now; sorted by path. */
export function mergeManifest(previous: Manifest | undefined, fresh: ManifestEntry[], outDir: string, generator: string): Manifest {
  const byPath = new Map<string, ManifestEntry>();
  for (const e of previous?.outputs ?? []) if (fs.existsSync(path.join(outDir, e.path))) byPath.set(e.path, e);
  for (const e of fresh) byPath.set(e.path, e);
  return { generator, outputs: [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}
