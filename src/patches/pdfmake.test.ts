import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { composeParagraph, loadFontMetrics, pdfFontFeatures } from '../compose/index.js';
import { pdfmake, registerFonts } from '../render/pdf/pdfmake-env.js';
import { readPdfText } from '../verify/pdf-text.js';
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

describe('pdfmake, patched: line boxes and run drawing (src/patches/pdfmake.ts)', async () => {
  const { doc } = await measureReport(SEED);
  registerFonts(doc.fonts);
  const box = { height: 30, ascent: 20 };
  const run = (text: string, extra: object = {}) => ({ text, lineBox: box, fontFeatures: pdfFontFeatures(), ...extra });
  const def = {
    pageSize: { width: 400, height: 400 },
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'body', fontSize: 16 },
    content: [
      // A line mixing two faces of different ascents, then one of a single face: both exactly the box.
      { text: [run('黑体标签', { font: 'hei' }), run('正文')], noWrap: true },
      { text: [run('正文')], noWrap: true },
      { text: [run('加粗', { draw: { stroke: 0.5 } }), run('一', { draw: { scale: 1.25 } }), run('重复', { draw: { artifact: true } })], noWrap: true },
    ],
  };
  const buffer = await pdfmake().createPdf(def).getBuffer();
  const pdf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const { runs } = await readGlyphRuns(pdf);
  const text = (r: (typeof runs)[number]) => r.glyphs.map((g) => g.text).join('');

  it('makes a line exactly its box tall, with its baseline its ascent below the top, whatever faces it mixes', () => {
    const ys = [...new Set(runs.map((r) => r.y))].sort((a, b) => b - a);
    expect(ys).toHaveLength(3);
    expect(ys[0]).toBeCloseTo(400 - 50 - box.ascent, 3);
    expect(ys[0]! - ys[1]!).toBeCloseTo(box.height, 3);
    expect(ys[1]! - ys[2]!).toBeCloseTo(box.height, 3);
    // The two faces of the first line share its baseline.
    expect(runs.filter((r) => r.y === ys[0]).map((r) => r.fontName.replace(/^\w+\+/, ''))).toEqual(expect.arrayContaining([expect.stringMatching(/Sans/), expect.stringMatching(/Serif/)]));
  });

  it('draws a stroked run filled and stroked at its width (synthetic bold), a scaled run scaled, and other runs as they were', () => {
    const bold = runs.find((r) => text(r) === '加粗')!;
    expect(bold.renderMode).toBe(2);
    expect(bold.lineWidth).toBeCloseTo(0.5, 5);
    const scaled = runs.find((r) => text(r) === '一')!;
    expect(scaled.hScale).toBeCloseTo(1.25, 5);
    expect(scaled.renderMode).toBe(0);
    for (const r of runs.filter((x) => !['加粗', '一'].includes(text(x)))) {
      expect(r.renderMode, text(r)).toBe(0);
      expect(r.hScale, text(r)).toBe(1);
    }
  });

  it('puts an artifact run in /Artifact marked content, which text extraction marks and --verify leaves out', async () => {
    const items = (await readPdfText(pdf))[0]!.items.filter((i) => i.str.trim());
    expect(items.filter((i) => i.artifact).map((i) => i.str)).toEqual(['重复']);
    expect(items.filter((i) => !i.artifact).map((i) => i.str).join('')).toContain('加粗');
  });
});
