import crypto from 'node:crypto';
import { parseYamlSource } from '../content/yaml-source.js';
import { diag, DiagnosticError, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { notPlainRelative } from '../io/inside-root.js';
import { TEMP_NAME } from './write-atomic.js';
import { LOCK_FILE, previewPath, RESERVED_NAMES } from './names.js';

export { MANIFEST_FILE, SUMS_FILE } from './names.js';

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
  /** A draft (`--draft` or the content's `draft: true`), written to its own path (`report.draft.pdf`). */
  draft?: true;
}

export interface Manifest {
  generator: string;
  outputs: ManifestEntry[];
}

export function sha256(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** The manifest as written: two-space JSON and a final newline, so equal manifests are equal bytes. */
export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
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

/**
 * `sha256sum` format (`<hex>  <path>`), sorted by path, so `sha256sum -c` passes in the folder.
 * Paths are plain (see notPlainRelative): no newline or backslash that would need sha256sum's
 * escapes, so no name can forge a line.
 */
export function sumsText(files: readonly { path: string; sha256: string }[]): string {
  return [...files].sort(byPath).map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Why `rel` cannot be an output's path, or undefined: plain, not one of the folder's own files, not in release/. */
export function notOutputPath(rel: string): string | undefined {
  const plain = notPlainRelative(rel);
  if (plain) return plain;
  const first = rel.split('/')[0]!;
  if (RESERVED_NAMES.includes(first) || first === LOCK_FILE) return `names the out folder's own ${first}`;
  if (TEMP_NAME.test(rel.split('/').pop()!)) return 'names a temporary file';
  return undefined;
}

/**
 * Reads a manifest (a previous build's, a shard's) and checks every entry before anything trusts
 * it: JSON of the shape jianbao writes; every `path` a plain relative name that is no file of
 * the folder's own (see notOutputPath), each path once; `preview` exactly the name jianbao gives
 * that output's preview; a sha256 and a byte count; a plain relative `source`. The first
 * problem is an `error[manifest]` at its place in the file.
 */
export function parseManifest(text: string, file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DiagnosticError([diag('error', 'manifest', `not JSON: ${e instanceof Error ? e.message : String(e)}`, { file, line: 1, column: 1 })]);
  }
  const fail = (at: (string | number)[], message: string): never => {
    throw new DiagnosticError([diag('error', 'manifest', message, jsonPos(file, text, at), ['a manifest is the manifest.json a jianbao build writes; build again to make a new one'])]);
  };
  if (!isRecord(data) || !Array.isArray(data.outputs)) fail([], 'not a jianbao manifest: it needs a list `outputs`');
  const m = data as { generator?: unknown; outputs: unknown[] };
  const seen = new Set<string>();
  const outputs = m.outputs.map((e, i): ManifestEntry => {
    const at = (key?: string) => (key === undefined ? ['outputs', i] : ['outputs', i, key]);
    if (!isRecord(e)) return fail(at(), `outputs[${i}] is not an entry`);
    const text = (key: string, required: boolean) => {
      const v = e[key];
      if (v === undefined && !required) return;
      if (typeof v !== 'string') fail(at(key), `outputs[${i}].${key} must be text`);
    };
    for (const key of ['path', 'source', 'layout', 'format', 'sha256']) text(key, true);
    for (const key of ['kind', 'title', 'key', 'preview']) text(key, false);
    const path = e.path as string;
    const why = notOutputPath(path);
    if (why) fail(at('path'), `outputs[${i}].path ${JSON.stringify(path)} ${why}`);
    if (seen.has(path)) fail(at('path'), `outputs[${i}].path ${JSON.stringify(path)} is listed twice`);
    seen.add(path);
    const sourceWhy = notPlainRelative(e.source as string);
    if (sourceWhy) fail(at('source'), `outputs[${i}].source ${JSON.stringify(e.source)} ${sourceWhy}`);
    if (!HEX64.test(e.sha256 as string)) fail(at('sha256'), `outputs[${i}].sha256 is not a sha256 (64 hex digits)`);
    if (e.key !== undefined && !HEX64.test(e.key as string)) fail(at('key'), `outputs[${i}].key is not a build key (64 hex digits)`);
    if (e.preview !== undefined && e.preview !== previewPath(path)) fail(at('preview'), `outputs[${i}].preview must be ${JSON.stringify(previewPath(path))}, the preview of its path`);
    for (const key of ['bytes', 'pages'] as const) {
      const v = e[key];
      if ((key === 'bytes' || v !== undefined) && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) fail(at(key), `outputs[${i}].${key} must be a whole number`);
    }
    for (const key of ['imposed', 'draft', 'defaultLayout'] as const) if (e[key] !== undefined && e[key] !== true) fail(at(key), `outputs[${i}].${key} can only be true`);
    return e as unknown as ManifestEntry;
  });
  return { generator: typeof m.generator === 'string' ? m.generator : 'jianbao', outputs };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where the value at `at` is in a JSON text (JSON is YAML), for a located error; the file's start when not found. */
function jsonPos(file: string, text: string, at: (string | number)[]): SourcePos {
  try {
    const { source } = parseYamlSource(file, text);
    if (source) return source.posOf(at);
  } catch {
    // a text JSON.parse takes and YAML does not: the start will do
  }
  return { file, line: 1, column: 1 };
}

