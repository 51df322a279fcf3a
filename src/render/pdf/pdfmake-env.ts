// First: pdfkit must load the shared fontkit (fonts parsed once per process, read lazily).
import '../../fonts/pdfkit-fontkit.js';
import { createRequire } from 'node:module';
import path from 'node:path';
// Static imports, so the bundle (scripts/bundle.mjs) carries pdfmake and pdfkit in one file.
import pdfmakeModule from 'pdfmake';
import type { FontFace } from '../../ir/index.js';
import { fontBytes, parsedFont, sharedFontkit } from '../../fonts/font-file.js';
import { wholeFontProgram } from '../../fonts/opentype/face-program.js';
import { embedWhole, patchPdfmake } from '../../patches/pdfmake.js';

const require = createRequire(import.meta.url);

/** pdfmake's server build: a singleton; we register fonts and access policies on it. */
export interface PdfMake {
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: object): { getBuffer(): Promise<Buffer>; getStream(): Promise<object> };
}

let instance: PdfMake | undefined;
let allowedRoots: string[] = [];

function fontkitInstalled(): boolean {
  try {
    require.resolve('fontkit');
    return true;
  } catch {
    return false;
  }
}

/** Loads pdfmake once, with network access off and file access limited to allowed folders. */
export function pdfmake(): PdfMake {
  if (!instance) {
    // pdfkit must have the memoised fontkit (fonts parsed once per process, and read lazily:
    // a font parsed by another fontkit would see no glyph outlines). Checked, not assumed, where
    // pdfkit requires fontkit from node_modules; the CLI bundle gives it the shared one itself and
    // an install of the package has no fontkit to require (scripts/bundle.mjs).
    if (fontkitInstalled() && require('fontkit') !== sharedFontkit()) throw new Error('pdfkit would load its own fontkit: import src/fonts/pdfkit-fontkit.js before pdfmake');
    instance = pdfmakeModule as unknown as PdfMake;
    patchPdfmake();
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy((p) => {
      const abs = path.resolve(p);
      return allowedRoots.some((root) => abs === root || abs.startsWith(root + path.sep));
    });
  }
  return instance;
}

/** Limits pdfmake's file reads to the font files and the content folder of this document. */
export function allowFiles(roots: string[]): void {
  allowedRoots = roots.map((r) => path.resolve(r));
}

/** The pdfmake family of a role's face: index 0 is the role's own face, n its n-th fallback. */
export function fallbackFamily(role: string, index: number): string {
  return index === 0 ? role : `${role}~${index}`;
}

/**
 * Registers each font role as its own pdfmake family: its face, and as its bold variant the
 * role's bold face where the theme gives one (else the face itself: bold is then drawn stroked,
 * see faces.ts); italics are never asked for. The file
 * is read once per process into pdfmake's virtual file system under its path, so every later
 * document gets the same bytes object, and with it the already parsed font (see sharedFontkit).
 */
const wholeFaces = new Set<string>();

export function registerFonts(fonts: Record<string, FontFace>): void {
  const pm = pdfmake();
  const families: Record<string, Record<string, string>> = {};
  for (const [role, face] of Object.entries(fonts)) {
    // The role's own face, then its fallbacks as `<role>~1`, `<role>~2`… (see fallbackFamily).
    const keyOf = (file: string): string => {
      const key = `font${file}`;
      if (!pm.virtualfs.existsSync(key)) pm.virtualfs.writeFileSync(key, fontBytes(file));
      return key;
    };
    [face.file, ...face.fallbacks].forEach((file, i) => {
      const key = keyOf(file);
      // A face that may not be subset goes into the PDF whole (its OS/2 fsType; the build warned).
      if (i === 0 && face.embedWhole && !wholeFaces.has(file)) {
        embedWhole(parsedFont(file), wholeFontProgram(file));
        wholeFaces.add(file);
      }
      if (i === 0 && face.bold?.embedWhole && !wholeFaces.has(face.bold.file)) {
        embedWhole(parsedFont(face.bold.file), wholeFontProgram(face.bold.file));
        wholeFaces.add(face.bold.file);
      }
      const bold = i === 0 && face.bold ? keyOf(face.bold.file) : key;
      families[fallbackFamily(role, i)] = { normal: key, bold, italics: key, bolditalics: bold };
    });
  }
  pm.setFonts(families);
}
