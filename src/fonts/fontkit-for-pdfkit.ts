/**
 * What pdfkit's `require('fontkit')` gives inside the CLI bundle (scripts/bundle.mjs): the
 * process's shared fontkit, so pdfkit embeds the very font objects the composer measured,
 * parsed once and read lazily (src/fonts/font-file.ts). pdfkit calls only `create`.
 */
import type { Font } from 'fontkit';
import { sharedFontkit } from './font-file.js';

export function create(buf: Uint8Array, postscriptName?: string): Font {
  return sharedFontkit().create(buf, postscriptName);
}
