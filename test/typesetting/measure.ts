import path from 'node:path';
import { inlineText, type Block, type Doc } from '../../src/ir/index.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { plan } from '../../src/pipeline/build.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { drawnLines, measureLines, type LineMetrics } from '../../src/verify/line-metrics.js';
import { ROOT } from '../support.js';

/** Lays out one content file with `report`, renders the PDF and measures its lines from the drawn glyphs. */
export async function measureReport(file: string): Promise<{ doc: Doc; metrics: LineMetrics; pdf: Uint8Array; lines: ReturnType<typeof drawnLines> }> {
  const [planned] = plan({ paths: projectPaths(ROOT), inputs: [file], layouts: ['report'] });
  const doc = planned!.doc;
  const pdf = await renderPdf(doc, { readableRoots: [path.dirname(file)] });
  const { runs } = await readGlyphRuns(pdf);
  const texts: string[] = [];
  const unjustified = new Set<number>();
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph' || b.kind === 'heading') {
        const style = doc.styles[b.style]!;
        if (style.size < doc.styles.body!.size) continue;
        if (style.align !== 'justify' || style.balance) unjustified.add(texts.length);
        texts.push(b.kind === 'heading' ? (b.number ?? '') + inlineText(b.inlines) : b.lines ? b.lines.join('') : inlineText(b.inlines));
      } else if (b.kind === 'foot') visit(b.blocks);
    }
  };
  visit(doc.blocks);
  const { margins, width } = doc.page;
  const metrics = measureLines(runs, {
    textLeft: margins.left,
    textRight: width - margins.right,
    bodySize: doc.styles.body!.size,
    ...(doc.page.charPitch ? { gridCell: doc.page.charPitch } : {}),
    paragraphs: texts,
    unjustified,
  });
  return { doc, metrics, pdf, lines: drawnLines(runs) };
}
