import fs from 'node:fs';
import path from 'node:path';
import type { FaceInfo } from '../opentype/face-info.js';

/**
 * What discovery read of each font file, kept between runs by path and stamped with the file's
 * size and mtime: a machine with thousands of fonts is read once, then only stat()ed. A file
 * whose stamp moved is read again. The cache is a hint, never trusted for more than names: a
 * malformed entry is dropped and its file read again.
 */
export interface CachedFile {
  stamp: string;
  faces?: FaceInfo[];
  /** Why the file was passed over (not a font, truncated, …). */
  skipped?: string;
}

export const CACHE_VERSION = 1;

export function stampOf(st: fs.Stats): string {
  return `${st.size}:${Math.trunc(st.mtimeMs)}`;
}

function isFace(x: unknown): x is FaceInfo {
  if (!x || typeof x !== 'object') return false;
  const f = x as Record<string, unknown>;
  return (
    Number.isInteger(f.index) &&
    Array.isArray(f.families) &&
    f.families.length > 0 &&
    f.families.every((n) => n && typeof n === 'object' && typeof (n as { name?: unknown }).name === 'string' && typeof (n as { lang?: unknown }).lang === 'string') &&
    Array.isArray(f.fullNames) &&
    f.fullNames.every((n) => typeof n === 'string') &&
    (f.postscriptName === undefined || typeof f.postscriptName === 'string') &&
    typeof f.weight === 'number' &&
    typeof f.italic === 'boolean' &&
    (f.fsType === undefined || Number.isInteger(f.fsType)) &&
    (f.outlines === 'truetype' || f.outlines === 'cff' || f.outlines === 'none')
  );
}

function isEntry(x: unknown): x is CachedFile {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  if (typeof e.stamp !== 'string') return false;
  if (e.skipped !== undefined) return typeof e.skipped === 'string' && e.faces === undefined;
  return Array.isArray(e.faces) && e.faces.every(isFace);
}

export function loadCache(file: string | undefined): Map<string, CachedFile> {
  const out = new Map<string, CachedFile>();
  if (!file) return out;
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; files?: unknown };
    if (data.version !== CACHE_VERSION || !data.files || typeof data.files !== 'object') return out;
    for (const [k, v] of Object.entries(data.files as Record<string, unknown>)) if (isEntry(v)) out.set(k, v);
  } catch {
    // No cache yet, or unreadable: discovery reads every file.
  }
  return out;
}

/** Writes the cache atomically; a read-only or full disk costs the next run a re-read, nothing more. */
export function saveCache(file: string | undefined, entries: Map<string, CachedFile>): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: CACHE_VERSION, files: Object.fromEntries(entries) }));
    fs.renameSync(tmp, file);
  } catch {
    // see above
  }
}
