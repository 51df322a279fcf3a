import path from 'node:path';
import { diag, DiagnosticError, type Diagnostic } from '../diagnostics/index.js';
import { notPlainRelative } from '../io/inside-root.js';
import { indexPage, type ReleaseFile } from './index-page.js';
import { sha256, sumsText, type Manifest, type ManifestEntry } from './manifest.js';
import { INDEX_FILE, MANIFEST_FILE, RELEASE_DIR, SUMS_FILE } from './names.js';
import type { OutFolder } from './out-folder.js';
import { zipTime } from './reproducible.js';
import { isFormat } from '../render/registry.js';
import { writeZip, type ZipEntry } from '../zip/write-zip.js';

export { RELEASE_DIR } from './names.js';

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

/** A release name without the `.zip` a user may give it: the archive is always NAME.zip. */
export function releaseBaseName(name: string): string {
  return name.replace(/\.zip$/i, '');
}

/**
 * Writes what describes a finished out folder besides its manifest and SHA256SUMS (the ledger
 * keeps those): index.html; with a release name also out/release/: each output under a flat
 * unique name (release assets have no folders), one zip per bulletin issue, the archive NAME.zip
 * of the whole out folder, and release/SHA256SUMS for those. Everything is derived from the
 * manifest (whose paths parseManifest or the build checked) and read through the out folder's
 * path policy, so a build and a shard merge write the same bytes and nothing from outside.
 */
export function writeReleaseFiles(out: OutFolder, manifest: Manifest, options: ReleaseOptions = {}): { releaseFiles: string[]; warnings: Diagnostic[] } {
  if (!options.release) {
    out.write(INDEX_FILE, indexPage(manifest));
    return { releaseFiles: [], warnings: [] };
  }
  // `--release v1.zip` names the archive v1.zip, not v1.zip.zip.
  const name = releaseBaseName(options.release);
  if (!isReleaseName(name)) throw new DiagnosticError([diag('error', 'release', `bad release name ${JSON.stringify(name)}: use letters, digits, ., _ and -`)]);
  const time = zipTime(options.epoch);
  const warnings = time.warning ? [time.warning] : [];
  const read = (rel: string): Uint8Array => {
    const bytes = out.read(rel);
    if (!bytes) throw new DiagnosticError([diag('error', 'io', `${out.shown(rel)} is listed in the manifest but not there`, { file: out.shown(MANIFEST_FILE), line: 1, column: 1 }, ['build again'])]);
    return new Uint8Array(bytes);
  };
  // Last release's files go first: a release lists exactly this manifest's outputs.
  for (const rel of previousReleaseFiles(out)) out.remove(rel);

  const assets: { path: string; sha256: string }[] = [];
  const addAsset = (fileName: string, bytes: Uint8Array) => {
    out.write(`${RELEASE_DIR}/${fileName}`, bytes);
    assets.push({ path: fileName, sha256: sha256(bytes) });
  };

  const flat = flatNames(manifest.outputs);
  for (const e of manifest.outputs) addAsset(flat.get(e.path)!, read(e.path));

  const issueZips: ReleaseFile[] = [];
  for (const [source, entries] of groupIssues(manifest.outputs)) {
    const slug = path.posix.basename(source).replace(/\.ya?ml$/i, '');
    if (slug === '' || slug.startsWith('.')) throw new DiagnosticError([diag('error', 'release', `the issue file ${source} gives no name for its zip`, undefined, ['name the issue file with letters or digits before .yaml'])]);
    const fileName = `${slug}.zip`;
    if (fileName === `${name}.zip` || issueZips.some((z) => z.path === `${RELEASE_DIR}/${fileName}`)) {
      throw new DiagnosticError([diag('error', 'release', `two release zips would be named ${fileName}`, undefined, ['rename the release or the issue file'])]);
    }
    const zip = writeZip(
      entries.map((e) => ({ name: `${slug}/${path.posix.basename(e.path)}`, data: read(e.path), deflate: false })),
      time.date,
    );
    addAsset(fileName, zip);
    issueZips.push({ path: `${RELEASE_DIR}/${fileName}`, bytes: zip.byteLength, source });
  }

  out.write(INDEX_FILE, indexPage(manifest, { name, files: issueZips }));

  // The archive: the out folder as a reader unpacks it (outputs, previews, index, checksums, issue zips).
  const archive: ZipEntry[] = [];
  const members = new Set<string>([MANIFEST_FILE, SUMS_FILE, INDEX_FILE]);
  for (const e of manifest.outputs) {
    members.add(e.path);
    if (e.preview && out.read(e.preview)) members.add(e.preview);
  }
  for (const z of issueZips) members.add(z.path);
  for (const rel of [...members].sort()) archive.push({ name: `${name}/${rel}`, data: read(rel), deflate: /\.(json|html)$|SHA256SUMS$/.test(rel) });
  addAsset(`${name}.zip`, writeZip(archive, time.date));

  out.write(`${RELEASE_DIR}/${SUMS_FILE}`, sumsText(assets));
  return { releaseFiles: [...assets.map((a) => `${RELEASE_DIR}/${a.path}`), `${RELEASE_DIR}/${SUMS_FILE}`].sort(), warnings };
}

/** The files of the last release, as its release/SHA256SUMS lists them (the only files of release/ jianbao removes). */
function previousReleaseFiles(out: OutFolder): string[] {
  let text: string;
  try {
    text = out.read(`${RELEASE_DIR}/${SUMS_FILE}`)?.toString('utf8') ?? '';
  } catch {
    return [];
  }
  const names = [...text.matchAll(/^[0-9a-f]{64} {2}(.+)$/gm)].map((m) => m[1]!).filter((n) => !n.includes('/') && !notPlainRelative(n)).map((n) => `${RELEASE_DIR}/${n}`);
  return [...names, `${RELEASE_DIR}/${SUMS_FILE}`];
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
