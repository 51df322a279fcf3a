import fs from 'node:fs';
import { diag, DiagnosticError, type Diagnostic } from '../diagnostics/index.js';
import { placeInside } from '../io/inside-root.js';
import { LIMITS } from '../limits.js';
import { fileHash } from './build-key.js';
import { byPath, manifestText, parseManifest, sumsText, type Manifest, type ManifestEntry } from './manifest.js';
import { MANIFEST_FILE, SUMS_FILE } from './names.js';
import type { OutFolder } from './out-folder.js';

/**
 * The manifest of an out folder, kept true while a build writes the folder: manifest.json and
 * SHA256SUMS are rewritten as each output lands, so a build stopped at any moment (Ctrl-C, a
 * full disk, SIGKILL) leaves them listing only files that are what they say. An output that
 * replaces a listed file first leaves both lists (SHA256SUMS first), is renamed into place, then
 * comes back with its new facts (manifest.json first): at every moment SHA256SUMS lists a part of
 * what manifest.json lists, and manifest.json a part of what is on disk.
 *
 * The rewrites in between skip fsync (they guard against a process that stops, which the page
 * cache survives); `finish` writes both once more with fsync, for a machine that stops.
 */
export class ManifestLedger {
  private readonly entries = new Map<string, ManifestEntry>();

  constructor(
    private readonly out: OutFolder,
    kept: readonly ManifestEntry[],
    private readonly generator: string,
  ) {
    for (const e of kept) this.entries.set(e.path, e);
  }

  get(path: string): ManifestEntry | undefined {
    return this.entries.get(path);
  }

  /** Writes an output's bytes and lists it. When the write fails, the file and the lists are as they were. */
  land(entry: ManifestEntry, bytes: Uint8Array): void {
    const before = this.entries.get(entry.path);
    if (before) this.forget(entry.path);
    try {
      this.out.write(entry.path, bytes);
    } catch (e) {
      if (before) this.record(before);
      throw e;
    }
    this.record(entry);
  }

  /** Lists an entry whose file is already in place (a merge's output in its own folder, a preview added). */
  record(entry: ManifestEntry): void {
    this.entries.set(entry.path, entry);
    this.save('grown');
  }

  /** Takes an entry off both lists (its file is about to be replaced or was removed). */
  forget(path: string): void {
    if (!this.entries.delete(path)) return;
    this.save('shrunk');
  }

  manifest(): Manifest {
    return { generator: this.generator, outputs: [...this.entries.values()].sort(byPath) };
  }

  /** Both lists once more, fsynced: what the build leaves. */
  finish(): Manifest {
    const manifest = this.manifest();
    this.out.write(MANIFEST_FILE, manifestText(manifest));
    this.out.write(SUMS_FILE, sumsText(manifest.outputs));
    return manifest;
  }

  private save(change: 'grown' | 'shrunk'): void {
    const manifest = this.manifest();
    const lists: [string, string][] = [
      [MANIFEST_FILE, manifestText(manifest)],
      [SUMS_FILE, sumsText(manifest.outputs)],
    ];
    // SHA256SUMS ⊆ manifest.json at every moment: the shorter list first when shrinking.
    if (change === 'shrunk') lists.reverse();
    for (const [rel, text] of lists) this.out.write(rel, text, { sync: false });
  }
}

/**
 * The entries of the out folder's own manifest that still hold: read through the path policy
 * and checked as a shard's would be (parseManifest), then only those whose file is in place as a
 * regular file with the listed sha256. A manifest that does not read or check is set aside with a
 * warning (the build writes a new one); it is never trusted in part.
 */
export function previousEntries(out: OutFolder): { entries: ManifestEntry[]; warnings: Diagnostic[] } {
  const shown = out.shown(MANIFEST_FILE);
  let manifest: Manifest;
  try {
    const bytes = out.read(MANIFEST_FILE, LIMITS.manifestBytes);
    if (!bytes) return { entries: [], warnings: [] };
    manifest = parseManifest(bytes.toString('utf8'), shown);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const warnings = e.diagnostics.map((d) => ({ ...diag('warning', d.rule, `${d.message}; it is set aside and a new manifest written`, d.pos ?? { file: shown, line: 1, column: 1 }), hints: ['outputs it listed are built again'] }));
    return { entries: [], warnings };
  }
  return { entries: manifest.outputs.filter((e) => fileIsEntry(out.dir, e)), warnings: [] };
}

/** Whether the entry's file is in the folder as a regular file (no link) with the entry's sha256. */
export function fileIsEntry(dir: string, e: Pick<ManifestEntry, 'path' | 'sha256'>): boolean {
  const placed = placeInside(dir, e.path);
  if (!placed.ok || placed.real === undefined) return false;
  try {
    if (!fs.lstatSync(placed.abs).isFile()) return false;
  } catch {
    return false;
  }
  return fileHash(placed.abs) === e.sha256;
}
