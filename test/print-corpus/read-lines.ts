import path from 'node:path';
import { inlineText, type Block, type Doc } from '../../src/ir/index.js';
import { loadFontMetrics, type FontMetrics } from '../../src/compose/index.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { plan } from '../../src/pipeline/build.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { comparable, drawnLines, linesByParagraph, measureLines, type DrawnLine, type LineMetrics } from '../../src/verify/line-metrics.js';
import { auditLine, type LineAudit } from '../../src/verify/line-audit.js';
import { ROOT } from '../support.js';

/** A paragraph as the reader meets it, with the drawn lines that spell it and each line's audit. */
export interface ReadParagraph {
  text: string;
  style: string;
  align: string;
  /** A balanced (title) paragraph: its lines are chosen by the title breaker. */
  balance: boolean;
  lines: DrawnLine[];
  audits: LineAudit[];
}

export interface ReadDocument {
  doc: Doc;
  pdf: Uint8Array;
  /** The metric table of test/typesetting (body lines on a report page); undefined when not asked for. */
  metrics: LineMetrics | undefined;
  paragraphs: ReadParagraph[];
  textLeft: number;
  textRight: number;
}

/**
 * Lays out one content file with a layout, renders its PDF and reads every line back from the
 * drawn glyphs: the metric table of test/typesetting, and an audit of each line of every
 * paragraph set by the composer (body, headings, titles, notes; the foot and furniture excepted).
 */
export async function readDocument(file: string, layout = 'report', opts: { metrics?: boolean; /** read this PDF of the file (built elsewhere) instead of rendering it */ pdf?: Uint8Array } = {}): Promise<ReadDocument> {
  const [planned] = plan({ paths: projectPaths(ROOT), inputs: [file], layouts: [layout] });
  const doc = planned!.doc;
  const pdf = opts.pdf ?? (await renderPdf(doc, { readableRoots: [path.dirname(file)] }));
  return readLines(doc, pdf, opts);
}

/** Every line of a PDF of `doc`, read back and matched to the paragraphs it spells, as readDocument does. */
export async function readLines(doc: Doc, pdf: Uint8Array, opts: { metrics?: boolean } = {}): Promise<ReadDocument> {
  const { runs } = await readGlyphRuns(pdf);
  const bodySize = doc.styles.body!.size;
  const paragraphs: Omit<ReadParagraph, 'lines' | 'audits'>[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph' || b.kind === 'heading') {
        const style = doc.styles[b.style]!;
        const text = b.kind === 'heading' ? (b.number ?? '') + inlineText(b.inlines) : b.lines ? b.lines.join('') : inlineText(b.inlines);
        paragraphs.push({ text, style: b.style, align: style.align, balance: !!style.balance });
      } else if (b.kind === 'list') {
        const style = doc.styles[b.style]!;
        b.items.forEach((item, i) => paragraphs.push({ text: (b.ordered ? `${i + 1}. ` : '• ') + inlineText(item), style: b.style, align: style.align, balance: false }));
      } else if (b.kind === 'foot') visit(b.blocks);
    }
  };
  visit(doc.blocks);
  const { margins, width } = doc.page;
  const textLeft = margins.left;
  const textRight = width - margins.right;
  const big = paragraphs.flatMap((p, i) => (doc.styles[p.style]!.size >= bodySize ? [i] : []));
  const unjustified = new Set(big.flatMap((i, k) => (paragraphs[i]!.align !== 'justify' || paragraphs[i]!.balance ? [k] : [])));
  const metrics = opts.metrics === false ? undefined : measureLines(runs, {
    textLeft,
    textRight,
    bodySize,
    ...(doc.page.charPitch ? { gridCell: doc.page.charPitch } : {}),
    paragraphs: big.map((i) => paragraphs[i]!.text),
    unjustified,
  });
  // Lines of every size, matched to paragraphs in reading order; lines that spell no paragraph
  // (masthead, page numbers, the end block) are passed over.
  const all = drawnLines(runs);
  const ink = inkLookup(doc);
  const out: ReadParagraph[] = [];
  let from = 0;
  for (const p of paragraphs) {
    const size = doc.styles[p.style]!.size;
    const start = all.findIndex((l, k) => k >= from && Math.abs(l.size - size) < 0.01 && comparable(p.text).startsWith(comparable(l.text)) && l.text.trim() !== '');
    if (start < 0) throw new Error(`no drawn line starts paragraph ${p.text.slice(0, 20)}…`);
    const candidates = all.slice(start).filter((l) => Math.abs(l.size - size) < 0.01);
    const [lines] = linesByParagraph(candidates, [p.text]);
    from = all.indexOf(lines![lines!.length - 1]!) + 1;
    const audits = lines!.map((l) => auditLine(l, { bodySize, ...(doc.page.charPitch ? { gridCell: doc.page.charPitch } : {}), latinGap: doc.latinGap, ink }));
    out.push({ ...p, lines: lines!, audits });
  }
  return { doc, pdf, metrics, paragraphs: out, textLeft, textRight };
}

/** Ink boxes of the glyphs of the document's fonts, by the PostScript name the PDF embeds them under. */
function inkLookup(doc: Doc): (fontName: string, cp: number) => readonly [number, number] | undefined {
  const byName = new Map<string, FontMetrics>();
  for (const face of Object.values(doc.fonts)) {
    const m = loadFontMetrics(face.file);
    byName.set(m.name, m);
  }
  return (name, cp) => byName.get(name)?.ink?.(cp);
}
