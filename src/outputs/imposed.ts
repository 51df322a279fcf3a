import { outputFormat } from '../render/registry.js';
import type { Imposition } from '../render/writer.js';
import { sha256, type ManifestEntry } from './manifest.js';

/** A manifest entry of a sheets file: the layout's entry, with its own path and `imposed: true`. */
export type ImposedManifestEntry = ManifestEntry & { imposed: true };

/** Whether an output of a layout imposed so (the theme's `layout.imposed`) also gets print sheets: its format can impose. */
export function wantsImposition(format: string, imposed: Imposition | undefined): imposed is Imposition {
  return imposed !== undefined && outputFormat(format).impose !== undefined;
}

/** `bulletins/x/booklet.pdf` → `bulletins/x/booklet-imposed.pdf` */
export function imposedPath(outputPath: string): string {
  return outputPath.replace(/(\.[^./]*)?$/, (ext) => `-imposed${ext}`);
}

/**
 * The print-sheets output of an output: its bytes and its manifest entry. The build calls this
 * after writing an output that `wantsImposition`, writes `bytes` to `entry.path` and lists
 * `entry` in the manifest beside the output's own.
 */
export async function imposedOutput(entry: ManifestEntry, bytes: Uint8Array, scheme: Imposition): Promise<{ entry: ImposedManifestEntry; bytes: Uint8Array }> {
  const format = outputFormat(entry.format);
  const sheets = await (await format.impose!())(bytes, scheme);
  // The sheets share the output's inputs, hence its build key; their page-1 preview is made from them.
  const { preview: _preview, ...rest } = entry;
  const pages = format.pageCount ? (await format.pageCount())(sheets) : undefined;
  const sheetsEntry: ImposedManifestEntry = { ...rest, path: imposedPath(entry.path), bytes: sheets.byteLength, pages, sha256: sha256(sheets), imposed: true };
  if (sheetsEntry.pages === undefined) delete sheetsEntry.pages;
  return { bytes: sheets, entry: sheetsEntry };
}
