import { fontInfo } from '../../fonts/font-file.js';
import type { Doc } from '../../ir/index.js';
import { fallbackFamily } from './pdfmake-env.js';

/** A stretch of bold text as pdfmake draws it: a family, its bold variant (a real bold face) or a stroke (synthetic bold). */
export interface BoldRun {
  text: string;
  font: string;
  bold?: boolean;
  /** Stroke width in pt (synthetic bold). */
  stroke?: number;
}

/**
 * Bold text of a font role at `size`: in the role's own bold face where the theme gives one and
 * it has the character; else in the role's face (or the fallback that has the character) filled
 * and stroked `boldStroke` em wide, as Word and WPS draw a face without a bold (仿宋_GB2312).
 */
export function boldRuns(doc: Doc, role: string, text: string, size: number): BoldRun[] {
  const face = doc.fonts[role]!;
  const stroke = face.boldStroke * size;
  // Files in the order tried: the bold face (drawn as is), then the regular face and its fallbacks (stroked).
  const files = [...(face.bold ? [face.bold.file] : []), face.file, ...face.fallbacks];
  const covers = files.map(fontInfo);
  const runOf = (index: number): Omit<BoldRun, 'text'> => {
    if (face.bold && index === 0) return { font: role, bold: true };
    const regular = index - (face.bold ? 1 : 0);
    return { font: regular === 0 ? role : fallbackFamily(role, regular), ...(stroke > 0 ? { stroke } : {}) };
  };
  const out: (BoldRun & { index: number })[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let index = covers.findIndex((c) => c.hasGlyph(cp));
    // A character no face has stays in the first (the glyph check has reported it); a space goes with the run before it.
    if (index < 0 || (/\s/u.test(ch) && out.length > 0)) index = out.length > 0 ? out[out.length - 1]!.index : Math.max(index, 0);
    const last = out[out.length - 1];
    if (last && last.index === index) last.text += ch;
    else out.push({ text: ch, index, ...runOf(index) });
  }
  return out.map(({ index: _, ...run }) => run);
}
