import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { composeParagraph, loadFontMetrics } from '../compose/index.js';
import { inlineText } from '../ir/index.js';
import { readGlyphRuns } from '../verify/pdf-glyphs.js';
import { drawnLines } from '../verify/line-metrics.js';
import { measureReport } from '../../test/typesetting/measure.js';
import { layOutPdf } from '../render/pdf/laid-out.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { pdfmakeRendererClass } from './pdfmake.js';
import { SEED } from '../../test/support.js';

/** The decompressed content streams of a PDF that draw text. */
function textStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const out: string[] = [];
  for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 1)) {
    const start = at + 'stream\n'.length;
    const end = bytes.indexOf('endstream', start);
    try {
      const text = inflateSync(bytes.subarray(start, end)).toString('latin1');
      if (/\bBT\b/.test(text) && /\bTj\b|\bTJ\b/.test(text)) out.push(text);
    } catch {
      // not a deflated stream
    }
  }
  return out;
}

describe('pdfmake, patched (src/patches/pdfmake.ts)', async () => {
  const { doc, pdf } = await measureReport(SEED);

  it('measures a composed line as wide as the composer set it: each of its runs starts where the composer put it', async () => {
    // The first body paragraph, composed again here, against its lines as pdfmake placed them.
    const first = doc.blocks.find((b) => b.kind === 'paragraph' && b.style === 'body')!;
    const style = doc.styles.body!;
    const text = first.kind === 'paragraph' ? inlineText(first.inlines) : '';
    const composed = composeParagraph(text, {
      metrics: loadFontMetrics(doc.fonts[style.font]!.file),
      size: style.size,
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      firstLineIndent: style.indent,
      punctuation: doc.punctuation,
      latinGap: doc.latinGap,
      composition: doc.composition,
      align: style.align,
      gridCell: doc.page.charPitch!,
    });
    const { runs } = await readGlyphRuns(pdf);
    const lines = drawnLines(runs);
    const start = lines.findIndex((l) => composed[0]!.runs.map((r) => r.text).join('').startsWith(l.text));
    expect(start).toBeGreaterThanOrEqual(0);
    const multiRun = composed.filter((l) => l.runs.length > 1).length;
    expect(multiRun, 'lines of several runs, where a run measured short would shift the next').toBeGreaterThan(0);
    composed.forEach((line, i) => {
      const drawn = lines[start + i]!;
      expect(drawn.text).toBe(line.runs.map((r) => r.text).join(''));
      expect(drawn.left).toBeCloseTo(doc.page.margins.left + line.x, 2);
      expect(drawn.right).toBeCloseTo(doc.page.margins.left + line.x + line.width, 2);
    });
  });

  it('writes no fill operator without a path before the text runs', () => {
    const streams = textStreams(pdf);
    expect(streams.length).toBeGreaterThan(0);
    for (const s of streams) expect(s.match(/(?:^|\s)f(?=\s|$)/g)).toBeNull();
  });

  it('writes pdfkit’s XMP twins of the Info entries escaped, with xmp:ModifyDate (a PDF/A file)', async () => {
    const title = '统战 & <简报>';
    const pdfa = await renderPdf({ ...doc, meta: { ...doc.meta, title }, pdf: { standard: 'PDF/A-2b' } }, { readableRoots: [] });
    const raw = Buffer.from(pdfa).toString('utf8');
    const xmp = raw.slice(raw.indexOf('<?xpacket begin'), raw.indexOf('<?xpacket end'));
    expect(xmp).toContain('<rdf:li xml:lang="x-default">统战 &amp; &lt;简报&gt;</rdf:li>');
    expect(xmp).toMatch(/<xmp:ModifyDate>\d{4}-\d{2}-\d{2}T00:00:00Z<\/xmp:ModifyDate>/);
    expect(xmp).not.toContain('<简报>');
  });

  it('gives pdfmake’s Renderer class and the pages it drew, which the OFD writer draws again', async () => {
    const Renderer = pdfmakeRendererClass();
    for (const m of ['renderPages', 'renderLine', 'renderVector', 'renderImage', 'renderWatermark'] as const) expect(typeof Renderer.prototype[m]).toBe('function');
    const layout = await layOutPdf(doc, { readableRoots: [] });
    expect(layout.pages.length).toBe((await readGlyphRuns(pdf)).pages.length);
    // Every glyph's position against the PDF's: test/ofd/ofd-fidelity.test.ts.
  });
});
