import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readGlyphRuns, type GlyphRun } from '../../src/verify/pdf-glyphs.js';
import { ROOT } from '../support.js';
import { issue, SAMPLE } from './sample.js';

/**
 * The space between the series name and 第N期 under it, as a reader sees it: from the bottom of the
 * series name's ideographic em box (0.12 em below its baseline) to the top of 第N期's (0.88 em above).
 */
function mastheadGap(runs: readonly GlyphRun[]): { gap: number; seriesSize: number } {
  const text = (r: GlyphRun) => r.glyphs.map((g) => g.text).join('');
  const series = runs.find((r) => r.page === 1 && text(r).includes(issue.bulletin.slice(0, 4)))!;
  const number = runs.find((r) => r.page === 1 && text(r).startsWith(`第${issue.issue}期`))!;
  return { gap: series.y - 0.12 * series.size - (number.y + 0.88 * number.size), seriesSize: series.size };
}

describe('the booklet’s masthead', () => {
  const gaps: Record<string, { gap: number; seriesSize: number }> = {};
  beforeAll(async () => {
    for (const p of plan({ paths: projectPaths(ROOT), inputs: [SAMPLE], layouts: ['bulletin', 'booklet'] })) {
      gaps[p.layout] = mastheadGap((await readGlyphRuns(await renderPdf(p.doc, { readableRoots: [path.dirname(SAMPLE)] }))).runs);
    }
  });

  it('is spaced in proportion to the A4 one: the gap under the series name scales with its size', () => {
    const a4 = gaps.bulletin!;
    const a5 = gaps.booklet!;
    expect(a4.gap).toBeGreaterThan(30);
    // 28 pt against 42 pt: the gap is two thirds of the A4 one, within a tenth.
    expect(a5.gap / a4.gap).toBeGreaterThan((a5.seriesSize / a4.seriesSize) * 0.9);
    expect(a5.gap / a4.gap).toBeLessThan((a5.seriesSize / a4.seriesSize) * 1.1);
  });
});
