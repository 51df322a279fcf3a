import { describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../src/verify/pdf-glyphs.js';
import { measureLines } from '../../src/verify/line-metrics.js';

// The measure on hand-made glyph runs: what counts as extra spacing per character.
const CELL = 15.8;
const SIZE = 16;
const LEFT = 0;
const RIGHT = 10 * CELL;

/** One run of glyphs (advance in em) at x on the first baseline. */
function run(x: number, text: string, charSpacing: number, advance = (ch: string) => (ch === '·' ? 0.33 : 1)): GlyphRun {
  return { page: 1, x, y: 700, size: SIZE, font: 'F', fontName: 'F', charSpacing, hScale: 1, renderMode: 0, lineWidth: 1, glyphs: [...text].map((t) => ({ text: t, advance: advance(t) })) };
}

function measure(runs: GlyphRun[], paragraph: string) {
  return measureLines(runs, { textLeft: LEFT, textRight: RIGHT, bodySize: SIZE, gridCell: CELL, paragraphs: [paragraph] });
}

describe('maxExtraEm / maxTightEm', () => {
  it('measures the pitch from one Han character to the next, across runs as well as inside one', () => {
    // 甲乙丙 at a 16.32 pt pitch (0.52 pt = 0.0325 em over the cell), then 丁 in a run of its own
    const pitch = CELL + 0.52;
    const a = run(0, '甲乙丙', pitch - SIZE);
    const b = run(3 * pitch, '丁', 0);
    const m = measure([a, b], '甲乙丙丁');
    expect(m.maxExtraEm).toBeCloseTo(0.52 / SIZE, 6);
    expect(m.maxTightEm).toBe(0);
    // the last character of a run counts too: 丙 → 丁 is 1 pt wider than the others
    const c = run(3 * pitch + 1, '丁', 0);
    expect(measure([a, c], '甲乙丙丁').maxExtraEm).toBeCloseTo(1.52 / SIZE, 6);
  });

  it('does not count the placement of a centred middle dot or a squeezed opening mark as spacing', () => {
    // 张·三: the dot (0.33 em) is centred in a cell, so 张's spacing holds (cell − dot) / 2
    const dotPre = (CELL - 0.33 * SIZE) / 2;
    const runs = [run(0, '张', CELL - SIZE + dotPre), run(CELL + dotPre, '·', CELL - 0.33 * SIZE - dotPre), run(2 * CELL, '三', 0)];
    expect(measure(runs, '张·三').maxExtraEm).toBe(0);
    // 好“事”: the opening mark gave up its blank left half, taken from 好's spacing
    const squeezed = [run(0, '好', CELL - SIZE - CELL / 2), run(CELL / 2, '“事”', CELL - SIZE)];
    const m = measure(squeezed, '好“事”');
    expect(m.maxTightEm).toBeCloseTo(0, 9);
    expect(m.maxExtraEm).toBeCloseTo(0, 9);
  });

  it('counts a Han character before a closing mark, and tightening', () => {
    const m = measure([run(0, '好，是', CELL - SIZE - 0.16)], '好，是');
    expect(m.maxTightEm).toBeCloseTo(0.01, 6);
    expect(m.maxExtraEm).toBe(0);
  });
});
