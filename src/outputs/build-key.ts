import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedFileHash, PERSIST_MIN_BYTES } from '../fonts/hash-cache.js';
import type { Doc } from '../ir/index.js';
import { packageDir, VERSION } from '../package.js';
import { outputFormats } from '../render/registry.js';

/** Bump when the key's recipe changes, so old manifests never match by accident. */
const KEY_RECIPE = 1;

const hashes = new Map<string, { stamp: string; sha: string }>();

/**
 * sha256 of a file's bytes, cached per process by path, size, mtime and inode: a long-lived
 * process (watch, workers) hashes the 15 MB fonts once, and a changed file is hashed again;
 * big files' hashes are also kept on disk between processes.
 * A missing file hashes as `missing`, so its appearance later changes the key.
 */
export function fileHash(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'missing';
  }
  const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const hit = hashes.get(file);
  if (hit && hit.stamp === stamp) return hit.sha;
  // Fonts (10–15 MB) keep their hash on disk between runs, by path and stat (src/fonts/hash-cache.ts).
  const sha = stat.size >= PERSIST_MIN_BYTES ? cachedFileHash(file, stat) : crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  hashes.set(file, { stamp, sha });
  return sha;
}


/** Every font file a document may embed: each role's face, its bold face and its fallbacks. */
export function fontFiles(doc: Doc): string[] {
  return [...new Set(Object.values(doc.fonts).flatMap((f) => [f.file, ...(f.bold ? [f.bold.file] : []), ...f.fallbacks]))].sort();
}

/**
 * A hash of jianbao's own code: the bundle in dist/ when running from it, else the TypeScript
 * sources. The package version alone would miss a developer's change to a renderer, and the
 * next build would keep outputs the old code made.
 */
function codeHash(): string {
  const root = packageDir();
  const fromSources = /\.ts$/.test(fileURLToPath(import.meta.url));
  const dir = path.join(root, fromSources ? 'src' : 'dist');
  const wanted = fromSources ? (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts') : (f: string) => f.endsWith('.mjs') || f.endsWith('.cjs');
  const files: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (wanted(e.name)) files.push(full);
    }
  };
  walk(dir);
  const hash = crypto.createHash('sha256');
  for (const f of files.sort()) {
    // The bundle (3 MB) by its sha256 kept on disk (src/fonts/hash-cache.ts), not read on every run.
    const stat = fs.statSync(f);
    const bytes = stat.size >= PERSIST_MIN_BYTES ? cachedFileHash(f, stat) : fs.readFileSync(f);
    hash.update(path.relative(dir, f)).update('\0').update(bytes).update('\0');
  }
  return hash.digest('hex');
}

/**
 * jianbao's code and version, and the version of every library a format names (the registry's
 * `libraries`: pdfmake, docx): a new renderer may lay out the same input differently.
 */
export function rendererVersion(): Record<string, string> {
  code ??= codeHash();
  const versions: Record<string, string> = { jianbao: VERSION, code };
  for (const format of outputFormats()) for (const lib of format.libraries) versions[lib] ??= libraryVersion(lib);
  return versions;
}

let code: string | undefined;
const libraryVersions = new Map<string, string>();

/** The installed version of an npm package, from the package.json above its entry point. */
function libraryVersion(name: string): string {
  let version = libraryVersions.get(name);
  if (version === undefined) {
    version = readVersion(name);
    libraryVersions.set(name, version);
  }
  return version;
}

function readVersion(name: string): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve(name));
    for (;;) {
      const pkg = path.join(dir, 'package.json');
      if (fs.existsSync(pkg)) {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return json.version ?? 'unknown';
      }
      const up = path.dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'unknown';
  }
}

export interface KeyInput {
  projectDir: string;
  /** The layout's template, theme and partials, by the name each has under a templates folder (see layoutSourceFiles). */
  layoutFiles: readonly (readonly [string, string])[];
  contentFile: string;
  dependencies: readonly string[];
  layout: string;
  format: string;
  draft: boolean;
  doc: Doc;
  /** The date the renderers stamp (content date, or SOURCE_DATE_EPOCH's). */
  date: string;
}

/**
 * The build key of one output: a hash of everything its bytes depend on: the content file and
 * the files it references, the layout's template, partials and theme, the font files, the
 * renderer (jianbao's code, its formats' libraries' versions), the format, the draft flag and the
 * stamped date. Files count by their bytes, not paths or times: the key does not depend on
 * where the project is, and `touch` changes nothing.
 */
export function buildKey(input: KeyInput): string {
  const rel = (f: string) => path.relative(input.projectDir, f).split(path.sep).join('/');
  const recipe = {
    recipe: KEY_RECIPE,
    renderer: rendererVersion(),
    format: input.format,
    layout: input.layout,
    draft: input.draft,
    date: input.date,
    content: fileHash(input.contentFile),
    dependencies: [...new Set(input.dependencies)].sort().map((f) => [rel(f), fileHash(f)]),
    layoutFiles: input.layoutFiles.map(([name, file]) => [name, fileHash(file)]),
    // Fonts by name and bytes: an npm font and the same face in fonts/ are the same input.
    fonts: fontFiles(input.doc).map((f) => [path.basename(f), fileHash(f)]),
  };
  return crypto.createHash('sha256').update(JSON.stringify(recipe)).digest('hex');
}
