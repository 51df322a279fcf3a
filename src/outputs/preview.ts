import fs from 'node:fs';
import path from 'node:path';
import { outputFormat, type OutputFormat } from '../render/registry.js';
import type { ManifestEntry } from './manifest.js';
import { previewPath } from './names.js';
import type { OutFolder } from './out-folder.js';

export { previewPath } from './names.js';

/**
 * PNG of page 1 for each freshly written output of a format that has previews, and for any
 * up-to-date one whose preview is missing. Sets `preview` on the entries that have one. Without a
 * rasteriser, leaves a note and no previews.
 */
export async function writePreviews(out: OutFolder, all: ManifestEntry[], fresh: ManifestEntry[], concurrency: number, notes: string[], onPreview: (entry: ManifestEntry) => void): Promise<void> {
  const outDir = out.dir;
  const freshPaths = new Set(fresh.map((e) => e.path));
  // Print sheets too: their page 1 is the first sheet side, two pages of the booklet side by side.
  const previewed = all.filter((e) => outputFormat(e.format).preview);
  const todo = previewed.filter((e) => freshPaths.has(e.path) || !fs.existsSync(path.join(outDir, previewPath(e.path))));
  for (const e of previewed) {
    if (todo.includes(e) || e.preview === previewPath(e.path)) continue;
    e.preview = previewPath(e.path);
    onPreview(e);
  }
  const byFormat = new Map<OutputFormat, ManifestEntry[]>();
  for (const e of todo) {
    const format = outputFormat(e.format);
    byFormat.set(format, [...(byFormat.get(format) ?? []), e]);
  }
  for (const [format, entries] of byFormat) await previewsOf(format, entries, out, concurrency, notes, onPreview);
}

async function previewsOf(format: OutputFormat, todo: ManifestEntry[], out: OutFolder, concurrency: number, notes: string[], onPreview: (entry: ManifestEntry) => void): Promise<void> {
  const previewer = await format.preview!.find();
  if (!previewer) {
    for (const e of todo) {
      if (e.preview === undefined) continue;
      delete e.preview;
      onPreview(e);
    }
    notes.push(`no PNG previews: ${format.preview!.unavailable}`);
    return;
  }
  const queue = [...todo];
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
      for (let e = queue.shift(); e; e = queue.shift()) {
        const rel = previewPath(e.path);
        try {
          out.write(rel, await previewer.render(path.join(out.dir, e.path)));
          e.preview = rel;
        } catch (err) {
          delete e.preview;
          failures.push(`${e.path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        }
        onPreview(e);
      }
    }),
  );
  if (failures.length > 0) notes.push(`preview failed (${previewer.name}) for ${failures.join('; ')}`);
}
