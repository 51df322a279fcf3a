import fs from 'node:fs';
import path from 'node:path';
import { outputFormat, type OutputFormat } from '../render/registry.js';
import type { ManifestEntry } from './manifest.js';
import { writeFileAtomic } from './write-atomic.js';

/** `articles/x/report.pdf` → `articles/x/report.preview.png`. */
export function previewPath(outputPath: string): string {
  return outputPath.replace(/\.[^./]*$/, '') + '.preview.png';
}

/**
 * PNG of page 1 for each freshly written output of a format that has previews, and for any
 * up-to-date one whose preview is missing. Sets `preview` on the entries that have one. Without a
 * rasteriser, leaves a note and no previews.
 */
export async function writePreviews(outDir: string, all: ManifestEntry[], fresh: ManifestEntry[], concurrency: number, notes: string[]): Promise<void> {
  const freshPaths = new Set(fresh.map((e) => e.path));
  // Print sheets too: their page 1 is the first sheet side, two pages of the booklet side by side.
  const previewed = all.filter((e) => outputFormat(e.format).preview);
  const todo = previewed.filter((e) => freshPaths.has(e.path) || !fs.existsSync(path.join(outDir, previewPath(e.path))));
  for (const e of previewed) if (!todo.includes(e)) e.preview = previewPath(e.path);
  const byFormat = new Map<OutputFormat, ManifestEntry[]>();
  for (const e of todo) {
    const format = outputFormat(e.format);
    byFormat.set(format, [...(byFormat.get(format) ?? []), e]);
  }
  for (const [format, entries] of byFormat) await previewsOf(format, entries, outDir, concurrency, notes);
}

async function previewsOf(format: OutputFormat, todo: ManifestEntry[], outDir: string, concurrency: number, notes: string[]): Promise<void> {
  const previewer = await format.preview!.find();
  if (!previewer) {
    for (const e of todo) delete e.preview;
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
          writeFileAtomic(path.join(outDir, rel), await previewer.render(path.join(outDir, e.path)));
          e.preview = rel;
        } catch (err) {
          delete e.preview;
          failures.push(`${e.path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        }
      }
    }),
  );
  if (failures.length > 0) notes.push(`preview failed (${previewer.name}) for ${failures.join('; ')}`);
}
