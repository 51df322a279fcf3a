import { importPdfJs } from '../external.js';
/** One text-showing run as drawn: its origin, font size, character spacing and glyphs. */
export interface GlyphRun {
  page: number;
  x: number;
  y: number;
  size: number;
  font: string;
  /** The font's PostScript name as embedded, without the subset tag (`NotoSerifSC-Bold`). */
  fontName: string;
  /** Tc: extra space after every glyph, in pt. */
  charSpacing: number;
  /** Tz as a factor: 1 unless the glyphs are scaled horizontally. */
  hScale: number;
  /** Tr: 0 fill, 1 stroke, 2 fill and stroke (synthetic bold), … */
  renderMode: number;
  /** The stroke width in force (what a fill-and-stroke run is stroked with), in pt. */
  lineWidth: number;
  /** Each glyph's text and advance in em. */
  glyphs: { text: string; advance: number }[];
}

/**
 * Reads the glyphs of a PDF as drawn, from pdf.js operator lists: where each run starts, its
 * font size and character spacing, and each glyph's advance. This is what a typesetting test
 * measures: the positions a reader sees, not what the composer meant.
 */
export async function readGlyphRuns(pdf: Uint8Array): Promise<{ pages: { width: number; height: number }[]; runs: GlyphRun[] }> {
  const pdfjs = await importPdfJs();
  const { OPS } = pdfjs;
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const runs: GlyphRun[] = [];
  const pages: { width: number; height: number }[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      pages.push({ width: vp.width, height: vp.height });
      const ops = await page.getOperatorList();
      let x = 0;
      let y = 0;
      let size = 0;
      let font = '';
      let fontName = '';
      let charSpacing = 0;
      let hScale = 1;
      let renderMode = 0;
      let lineWidth = 1;
      const saved: number[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.beginText) {
          charSpacing = 0;
          hScale = 1;
          renderMode = 0;
        } else if (fn === OPS.save) saved.push(lineWidth);
        else if (fn === OPS.restore) lineWidth = saved.pop() ?? lineWidth;
        else if (fn === OPS.setLineWidth) lineWidth = Number(args[0]);
        else if (fn === OPS.setHScale) hScale = Number(args[0]) / 100;
        else if (fn === OPS.setTextRenderingMode) renderMode = Number(args[0]);
        else if (fn === OPS.setTextMatrix) {
          const m = args[0] as Record<number, number>;
          x = m[4]!;
          y = m[5]!;
        } else if (fn === OPS.setFont) {
          font = String(args[0]);
          size = Number(args[1]);
          fontName = embeddedName(page.commonObjs, font);
        } else if (fn === OPS.setCharSpacing) charSpacing = Number(args[0]);
        else if (fn === OPS.showText) {
          const glyphs = (args[0] as ({ unicode?: string; width?: number } | number | null)[])
            .filter((g): g is { unicode: string; width: number } => typeof g === 'object' && g !== null && typeof g.unicode === 'string')
            .map((g) => ({ text: g.unicode, advance: g.width / 1000 }));
          if (glyphs.length > 0) runs.push({ page: n, x, y, size, font, fontName, charSpacing, hScale, renderMode, lineWidth, glyphs });
        }
      }
    }
  } finally {
    await document.destroy();
  }
  return { pages, runs };
}

/** The PostScript name of a font pdf.js has loaded, without its `ABCDEF+` subset tag ('' if unknown). */
function embeddedName(objs: { has(id: string): boolean; get(id: string): unknown }, id: string): string {
  if (!objs.has(id)) return '';
  const name = (objs.get(id) as { name?: unknown }).name;
  return typeof name === 'string' ? name.replace(/^[A-Z]{6}\+/, '') : '';
}
