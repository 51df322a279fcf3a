import type { Font } from 'fontkit';

/**
 * One line box for every CJK face, placed by the face's ideographic em box.
 *
 * pdfmake sets a line's baseline one ascent below the top of its line box, and the composer sizes
 * grid lines by the face's ascent − descent. Faces disagree on those: Noto Serif SC's hhea ascent
 * is 1.151 em, LXGW WenKai's 0.928, the Windows faces' (simfang, simkai, simhei) 0.859. With each
 * face's own, a 楷体 heading sat 3.6 pt higher on the GB/T 9704 grid than the 仿宋 body around it.
 * What the faces agree on is the ideographic em box (OS/2 typo ascender and descender where they
 * span one em: 0.88 / −0.12 for Noto and WenKai): every face gets the line box Noto Serif SC has
 * around its em box, 0.271 em above it and 0.166 em below, so the same em box sits at the same
 * place in every grid line, whichever face sets it. Noto Serif SC keeps its own metrics exactly.
 */
const ABOVE_EM_BOX = 0.271;
const BELOW_EM_BOX = 0.166;

/** The top and bottom of a face's ideographic em box, in font units. */
function emBox(font: Font): { top: number; bottom: number } {
  const upm = font.unitsPerEm;
  const os2 = (font as unknown as { 'OS/2'?: { typoAscender?: number; typoDescender?: number } })['OS/2'];
  const top = os2?.typoAscender;
  const bottom = os2?.typoDescender;
  if (top !== undefined && bottom !== undefined && Math.abs(top - bottom - upm) <= upm * 0.02) return { top, bottom };
  return { top: 0.88 * upm, bottom: -0.12 * upm };
}

/** Gives a parsed face the shared line box: its `ascent`, `descent` and `lineGap`, as pdfkit and the composer read them. */
export function applyLineBox(font: Font): void {
  const upm = font.unitsPerEm;
  const { top, bottom } = emBox(font);
  const define = (name: string, value: number) => Object.defineProperty(font, name, { value, configurable: true });
  define('ascent', Math.round(top + ABOVE_EM_BOX * upm));
  define('descent', Math.round(bottom - BELOW_EM_BOX * upm));
  define('lineGap', 0);
}
