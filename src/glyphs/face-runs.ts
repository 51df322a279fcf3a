import type { FontFace } from '../ir/index.js';
import { fontInfo } from '../fonts/font-file.js';
import { joinsPrevious } from './coverage.js';

/** A stretch of text set in one file of a role: the main face (index 0) or a fallback (1, 2, …). */
export interface FaceRun {
  text: string;
  /** 0 for the role's own face, n for `face.fallbacks[n - 1]`. */
  index: number;
  /** The font file that sets this run. */
  file: string;
}

/** The files a role may set text in, in the order they are tried. */
export function faceFiles(face: FontFace): string[] {
  return [face.file, ...face.fallbacks];
}

/**
 * Splits text into runs by the face that has each character: the role's own face where it can,
 * else the first fallback that can. A character no face has stays in the main face (the glyph
 * check has already reported it); combining marks and variation selectors stay with their base.
 */
export function splitByFace(text: string, face: FontFace): FaceRun[] {
  const files = faceFiles(face);
  if (files.length === 1) return text ? [{ text, index: 0, file: face.file }] : [];
  const covers = files.map(fontInfo);
  const runs: FaceRun[] = [];
  for (const ch of text) {
    const last = runs[runs.length - 1];
    let index: number;
    if (last && joinsPrevious(ch)) index = last.index;
    else {
      const cp = ch.codePointAt(0)!;
      index = covers.findIndex((c) => c.hasGlyph(cp));
      if (index < 0) index = 0;
      // Spaces and the like go with the run before them when its face has them: fewer switches.
      if (last && last.index !== index && covers[last.index]!.hasGlyph(cp) && /\s/u.test(ch)) index = last.index;
    }
    if (last && last.index === index) last.text += ch;
    else runs.push({ text: ch, index, file: files[index]! });
  }
  return runs;
}
