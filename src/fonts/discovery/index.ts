import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../../cache-dir.js';
import { chooseByName, faceKeys, type NameMatch } from '../opentype/collection.js';
import { nameKey } from '../opentype/name-table.js';
import { type FaceInfo, readFaceInfosOfFile } from '../opentype/face-info.js';
import { type CachedFile, loadCache, saveCache, stampOf } from './cache.js';
import { systemFontFolders } from './folders.js';
import { fontconfigFiles } from './fontconfig.js';
import { DEFAULT_WALK_LIMITS, type WalkLimits, walkFontFiles } from './walk.js';

/**
 * Discovery of installed faces by the names in their own `name` tables (仿宋, FangSong,
 * 方正小标宋简体, …), not by file names: an office's fonts are named FZXBSJW.TTF or
 * 仿宋_GB2312.ttf or anything at all.
 */

/** An installed face: a font file and, for a collection, which of its faces. */
export interface InstalledFace extends FaceInfo {
  file: string;
}

export interface Discovery {
  /** Faces found, ordered by file then index. */
  faces: InstalledFace[];
  /** Files passed over, each with why (a bad file never stops discovery). */
  skipped: { file: string; reason: string }[];
  /** Where it looked: `fc-list` and/or the folders walked. */
  sources: string[];
  stats: { files: number; cached: number; read: number; ms: number; truncated: boolean };
}

export interface DiscoveryOptions {
  /**
   * Folders to look in instead of the system's (and without fontconfig). Tests use it; so does
   * `JIANBAO_FONT_DIRS` (folders separated by the path delimiter).
   */
  folders?: readonly string[];
  /** Ask fontconfig (`fc-list`) too, where installed. Default: true unless `folders` is given. */
  fontconfig?: boolean;
  /** The cache file; null keeps no cache. Default: `installed-fonts.json` in jianbao's cache folder. */
  cacheFile?: string | null;
  limits?: Partial<WalkLimits>;
  /** Time allowed for reading files not in the cache, in ms (cached files are always used). */
  readBudgetMs?: number;
}

/** The folders of `JIANBAO_FONT_DIRS`, if set. */
export function foldersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const v = env.JIANBAO_FONT_DIRS;
  if (v === undefined) return undefined;
  return v.split(path.delimiter).filter(Boolean).map((d) => path.resolve(d));
}

function defaultCacheFile(): string | undefined {
  const dir = cacheDir();
  return dir ? path.join(dir, 'installed-fonts.json') : undefined;
}

export function discoverFaces(options: DiscoveryOptions = {}): Discovery {
  const t0 = performance.now();
  const limits = { ...DEFAULT_WALK_LIMITS, ...options.limits };
  const envFolders = options.folders ? undefined : foldersFromEnv();
  const folders = options.folders ?? envFolders ?? systemFontFolders();
  const useFontconfig = options.fontconfig ?? !(options.folders || envFolders);
  const sources: string[] = [];
  const candidates = new Set<string>();
  if (useFontconfig) {
    const fc = fontconfigFiles();
    if (fc) {
      sources.push('fc-list');
      for (const f of fc) if (candidates.size < limits.maxFiles) candidates.add(path.resolve(f));
    }
  }
  const walked = walkFontFiles(folders, limits);
  sources.push(...folders.filter((d) => fs.existsSync(d)));
  for (const f of walked.files) if (candidates.size < limits.maxFiles) candidates.add(path.resolve(f));

  const cacheFile = options.cacheFile === null ? undefined : (options.cacheFile ?? defaultCacheFile());
  const cache = loadCache(cacheFile);
  const next = new Map<string, CachedFile>();
  const budget = options.readBudgetMs ?? 20_000;
  let cached = 0;
  let read = 0;
  let changed = false;
  const faces: InstalledFace[] = [];
  const skipped: Discovery['skipped'] = [];
  for (const file of [...candidates].sort()) {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch (e) {
      skipped.push({ file, reason: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (!st.isFile()) continue;
    const stamp = stampOf(st);
    let entry = cache.get(file);
    if (entry && entry.stamp === stamp) cached++;
    else if (performance.now() - t0 > budget) {
      skipped.push({ file, reason: `not read: discovery's time budget (${budget} ms) ran out` });
      continue;
    } else {
      entry = readEntry(file, stamp);
      read++;
      changed = true;
    }
    next.set(file, entry);
    if (entry.skipped) skipped.push({ file, reason: entry.skipped });
    for (const f of entry.faces ?? []) faces.push({ ...f, file });
  }
  if (changed || next.size !== cache.size) saveCache(cacheFile, next);
  return { faces, skipped, sources, stats: { files: candidates.size, cached, read, ms: performance.now() - t0, truncated: walked.truncated } };
}

function readEntry(file: string, stamp: string): CachedFile {
  try {
    return { stamp, faces: readFaceInfosOfFile(file) };
  } catch (e) {
    return { stamp, skipped: (e as Error).message };
  }
}

const indexes = new WeakMap<Discovery, Map<string, InstalledFace[]>>();

/** The faces by each name they answer to, made once per discovery (thousands of faces, a few roles). */
function nameIndex(d: Discovery): Map<string, InstalledFace[]> {
  let index = indexes.get(d);
  if (!index) {
    index = new Map();
    for (const face of d.faces) {
      for (const key of faceKeys(face)) {
        const list = index.get(key);
        if (list) list.push(face);
        else index.set(key, [face]);
      }
    }
    indexes.set(d, index);
  }
  return index;
}

/**
 * The installed face answering to the earliest of `names` (a role's names, in the theme's order
 * of preference), the nearest to `weight` among a family's faces.
 */
export function findInstalled(d: Discovery, names: readonly string[], weight = 400): NameMatch<InstalledFace> | undefined {
  const index = nameIndex(d);
  for (const name of names) {
    const faces = index.get(nameKey(name));
    if (faces) return chooseByName(faces, [name], weight);
  }
  return undefined;
}
