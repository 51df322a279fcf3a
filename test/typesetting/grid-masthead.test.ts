import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../src/ir/index.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { plan } from '../../src/pipeline/build.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { drawnLines, type DrawnLine } from '../../src/verify/line-metrics.js';
import { ROOT } from '../support.js';
import { SAMPLE } from '../bulletin/sample.js';

/** Body-size lines inside the text block, with their offset below its top in line pitches. */
function bodyLines(doc: Doc, lines: readonly DrawnLine[]): { text: string; page: number; offset: number }[] {
  const { linePitch, height, margins } = doc.page;
  const top = height - margins.top;
  return lines
    .filter((l) => Math.abs(l.size - doc.styles.body!.size) < 0.01 && l.y > margins.bottom)
    .map((l) => ({ text: l.text, page: l.page, offset: (top - l.y) / linePitch }));
}

const frac = (x: number) => x - Math.floor(x);
/** How far `offset` is from `phase` on the grid, in pitches, wrapped to [-0.5, 0.5). */
const drift = (offset: number, phase: number) => frac(offset - phase + 0.5) - 0.5;

/**
 * The masthead (报头) of an issue, its red rule and the rule after the contents list, on a grid
 * page: the body lines on page 1 sit on the same line grid as the body of every later page.
 */
describe.each(['bulletin', 'booklet'])('the body after the masthead of the sample issue (%s layout)', (layout) => {
  let doc: Doc;
  let body: { text: string; page: number; offset: number }[];
  beforeAll(async () => {
    const paths = projectPaths(ROOT);
    const [planned] = plan({ paths, inputs: [SAMPLE], layouts: [layout] });
    doc = planned!.doc;
    expect(doc.page.charPitch, 'a grid layout').toBeTruthy();
    const pdf = await renderPdf(doc, { readableRoots: [paths.contentDir, path.dirname(SAMPLE)] });
    body = bodyLines(doc, drawnLines((await readGlyphRuns(pdf)).runs));
  });

  it('sets every body line on page 1 on the grid of the later pages', () => {
    // Pages are numbered from 1.
    const first = body.filter((l) => l.page === 1);
    const later = body.filter((l) => l.page > 1);
    expect(later.length, 'body lines after page 1').toBeGreaterThan(0);
    // The first body line of page 2 starts the grid; the later pages are on it already.
    const phase = frac(later[0]!.offset);
    expect(first.length, 'body lines on page 1').toBeGreaterThanOrEqual(3);
    const off = [...first, ...later].filter((l) => Math.abs(drift(l.offset, phase)) >= 0.02);
    expect(off.map((l) => `p${l.page} ${(drift(l.offset, phase) * doc.page.linePitch).toFixed(2)} pt: ${l.text.slice(0, 12)}`)).toEqual([]);
  });
});
