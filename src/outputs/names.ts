/**
 * The names jianbao gives the files of an out folder, in one place: a manifest entry is
 * accepted only with the names these functions give, so a planted or damaged manifest cannot
 * point a merge, a release or a removal anywhere else.
 */

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const INDEX_FILE = 'index.html';
export const RELEASE_DIR = 'release';
/** The lock a build holds on its out folder (src/outputs/out-folder.ts). */
export const LOCK_FILE = '.jianbao-lock';

/** Names at the top of the out folder that are not outputs. */
export const RESERVED_NAMES: readonly string[] = [MANIFEST_FILE, SUMS_FILE, INDEX_FILE, RELEASE_DIR];

/** `articles/x/report.pdf` → `articles/x/report.preview.png`. */
export function previewPath(outputPath: string): string {
  return outputPath.replace(/\.[^./]*$/, '') + '.preview.png';
}

/** `bulletins/x/booklet.pdf` → `bulletins/x/booklet-imposed.pdf`; a draft's keeps `.draft` last: `booklet-imposed.draft.pdf`. */
export function imposedPath(outputPath: string): string {
  return outputPath.replace(/((?:\.draft)?\.[^./]*)?$/, (ext) => `-imposed${ext}`);
}

/** A layout's file name: `report.pdf`, and a draft's own beside it, `report.draft.pdf`, so a draft never replaces the final. */
export function outputFileName(layout: string, extension: string, draft: boolean): string {
  return `${layout}${draft ? '.draft' : ''}.${extension}`;
}
