import type { ManifestEntry } from '../build/manifest.js';
import { countPdfPages, sha256 } from '../build/manifest.js';
import { imposeSaddleStitch } from './saddle-stitch.js';

/** Layouts whose PDF also gets print sheets, and how they are imposed. */
export const IMPOSED_LAYOUTS: Readonly<Record<string, 'saddle-stitch'>> = {
  booklet: 'saddle-stitch',
};

/** A manifest entry of a sheets file: the layout's entry, with its own path and `imposed: true`. */
export type ImposedManifestEntry = ManifestEntry & { imposed: true };

/** True when this output should also be written as print sheets. */
export function wantsImposition(entry: Pick<ManifestEntry, 'layout' | 'format'>): boolean {
  return entry.format === 'pdf' && entry.layout in IMPOSED_LAYOUTS;
}

/** `bulletins/x/booklet.pdf` → `bulletins/x/booklet-imposed.pdf` */
export function imposedPath(pdfPath: string): string {
  return pdfPath.replace(/\.pdf$/i, '') + '-imposed.pdf';
}

/**
 * The print-sheets output of a PDF output: its bytes and its manifest entry. The build calls
 * this after writing a PDF whose layout `wantsImposition`, writes `bytes` to `entry.path` and
 * lists `entry` in the manifest beside the PDF's own.
 */
export async function imposedOutput(entry: ManifestEntry, pdf: Uint8Array): Promise<{ entry: ImposedManifestEntry; bytes: Uint8Array }> {
  const bytes = await imposeSaddleStitch(pdf);
  // The sheets share the PDF's inputs, hence its build key; the page-1 preview is the PDF's own.
  const { preview: _preview, ...rest } = entry as ManifestEntry & { preview?: string };
  return {
    bytes,
    entry: { ...rest, path: imposedPath(entry.path), bytes: bytes.byteLength, pages: countPdfPages(bytes), sha256: sha256(bytes), imposed: true },
  };
}
