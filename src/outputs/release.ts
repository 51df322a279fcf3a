import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError } from '../diagnostics/index.js';
import { indexPage, INDEX_FILE, type ReleaseFile } from './index-page.js';
import { MANIFEST_FILE, manifestText, sha256, SUMS_FILE, sumsText, type Manifest, type ManifestEntry } from './manifest.js';
import { zipTime } from './reproducible.js';
import { writeFileAtomic } from './write-atomic.js';
import { isFormat } from '../render/registry.js';
import { writeZip, type ZipEntry } from '../zip/write-zip.js';

export const RELEASE_DIR = 'release';

export interface ReleaseOptions {
  /** Release name (a tag such as v2021.3): also write out/release/ with zips and flat assets. */
  release?: string;
  /** SOURCE_DATE_EPOCH, for zip entry times. */
  epoch?: number;
}

/** A release name becomes a file name: letters, digits, `.`, `_`, `-`, not starting with a dot. */
export function isReleaseName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/.test(name);
}

/**
 * Writes the files that describe a finished out folder: manifest.json, SHA256SUMS and index.html;
 * with a release name also out/release/: each output under a flat unique name (release assets
 * have no folders), one zip per bulletin issue, the archive NAME.zip of the whole out folder, and
 * release/SHA256SUMS for those. Everything is derived from the manifest and the files, so a
 * build and a shard merge write the same bytes.
 */
export function writeReleaseFiles(outDir: string, manifest: Manifest, options: ReleaseOptions = {}): { releaseFiles: string[] } {
  writeFileAtomic(path.join(outDir, MANIFEST_FILE), manifestText(manifest));
  writeFileAtomic(path.join(outDir, SUMS_FILE), sumsText(manifest.outputs));
  if (!options.release) {
    writeFileAtomic(path.join(outDir, INDEX_FILE), indexPage(manifest));
    return { releaseFiles: [] };
  }
  const name = options.release;
  if (!isReleaseName(name)) throw new DiagnosticError([diag('error', 'release', `bad release name ${JSON.stringify(name)}: use letters, digits, ., _ and -`)]);
  const mtime = zipTime(options.epoch);
  const releaseDir = path.join(outDir, RELEASE_DIR);
  fs.rmSync(releaseDir, { recursive: true, force: true });
  const read = (rel: string) => new Uint8Array(fs.readFileSync(path.join(outDir, rel)));

  const assets: { path: string; sha256: string }[] = [];
  const addAsset = (fileName: string, bytes: Uint8Array) => {
    writeFileAtomic(path.join(releaseDir, fileName), bytes);
    assets.push({ path: fileName, sha256: sha256(bytes) });
  };

  const flat = flatNames(manifest.outputs);
  for (const e of manifest.outputs) addAsset(flat.get(e.path)!, read(e.path));

  const issueZips: ReleaseFile[] = [];
  for (const [source, entries] of groupIssues(manifest.outputs)) {
    const slug = path.posix.basename(source).replace(/\.ya?ml$/i, '');
    const fileName = `${slug}.zip`;
    if (fileName === `${name}.zip` || issueZips.some((z) => z.path === `${RELEASE_DIR}/${fileName}`)) {
      throw new DiagnosticError([diag('error', 'release', `two release zips would be named ${fileName}`, undefined, ['rename the release or the issue file'])]);
    }
    const zip = writeZip(
      entries.map((e) => ({ name: `${slug}/${path.posix.basename(e.path)}`, data: read(e.path), deflate: false })),
      mtime,
    );
    addAsset(fileName, zip);
    issueZips.push({ path: `${RELEASE_DIR}/${fileName}`, bytes: zip.byteLength, source });
  }

  writeFileAtomic(path.join(outDir, INDEX_FILE), indexPage(manifest, { name, files: issueZips }));

  // The archive: the out folder as a reader unpacks it (outputs, previews, index, checksums, issue zips).
  const archive: ZipEntry[] = [];
  const put = (rel: string, compress: boolean) => archive.push({ name: `${name}/${rel}`, data: read(rel), deflate: compress });
  const members = new Set<string>([MANIFEST_FILE, SUMS_FILE, INDEX_FILE]);
  for (const e of manifest.outputs) {
    members.add(e.path);
    if (e.preview && fs.existsSync(path.join(outDir, e.preview))) members.add(e.preview);
  }
  for (const z of issueZips) members.add(z.path);
  for (const rel of [...members].sort()) put(rel, /\.(json|html)$|SHA256SUMS$/.test(rel));
  addAsset(`${name}.zip`, writeZip(archive, mtime));

  writeFileAtomic(path.join(releaseDir, SUMS_FILE), sumsText(assets));
  return { releaseFiles: [...assets.map((a) => `${RELEASE_DIR}/${a.path}`), `${RELEASE_DIR}/${SUMS_FILE}`].sort() };
}

/** Outputs of each bulletin issue (any source that is not a lone article), by content file. */
function groupIssues(outputs: readonly ManifestEntry[]): Map<string, ManifestEntry[]> {
  const groups = new Map<string, ManifestEntry[]>();
  for (const e of outputs) {
    if (!e.kind || e.kind === 'article') continue;
    if (!isFormat(e.format)) continue;
    groups.set(e.source, [...(groups.get(e.source) ?? []), e]);
  }
  return groups;
}

/**
 * Release asset names: `<slug>.<file>` (`changzhou-united-front-2020.report.pdf`), or the whole
 * path joined with dots when two slugs in different folders would collide.
 */
export function flatNames(outputs: readonly ManifestEntry[]): Map<string, string> {
  const short = (p: string) => p.split('/').slice(-2).join('.');
  const counts = new Map<string, number>();
  for (const e of outputs) counts.set(short(e.path), (counts.get(short(e.path)) ?? 0) + 1);
  return new Map(outputs.map((e) => [e.path, counts.get(short(e.path))! > 1 ? e.path.split('/').join('.') : short(e.path)]));
}
