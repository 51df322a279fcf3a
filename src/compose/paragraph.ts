import { buildLine, type ComposedLine } from './justify.js';
import { GRID_SHRINK_MAX, SHRINK_MAX, chooseBreaks, fitLine, type BreakOptions, type Fit } from './linebreak.js';
import type { FontMetrics } from './metrics.js';
import { buildModel, type Model } from './model.js';
import { SQUEEZE_TIERS } from './paragraph-model.js';
import type { PunctuationScheme } from './punctuation.js';
import { compositionOf, type Composition } from './composition.js';

/** How to compose one paragraph. */
export interface ComposeOptions {
  metrics: FontMetrics;
  size: number;            // font size in pt
  width: number;           // available line width in pt
  /** first-line indent in em (2 for body paragraphs), applied to first line; in grid mode
   *  counted in grid cells, so that the indent stays on the grid */
  firstLineIndent: number;
  /** grid mode: every Han char and full-width mark takes exactly one cell of this width (pt);
   *  GB/T 9704 = (156mm/28) = 15.7899 pt with 16 pt glyphs; line holds exactly floor(width/cell) cells */
  gridCell?: number;
  punctuation: PunctuationScheme;
  /** gap in em inserted between Han and Latin/digits; 0 = none (default 0) */
  latinGap?: number;
  align: 'justify' | 'left' | 'center' | 'right';
  /** House-style settings (theme `composition`); DEFAULT_COMPOSITION where absent. */
  composition?: Partial<Composition>;
}

/** A composed line with the facts tests and diagnostics need (not drawn). */
export interface LineDetail {
  /** code-point index range [start, end) of the line in the paragraph */
  start: number;
  end: number;
  /** justification added per stretchable gap, in em (negative: tightened) */
  extraEm: number;
  /** the line-end closing mark gave up some of its blank half (as much as the line needed) */
  endCompressed: boolean;
  /** width the marks inside the line gave up to tighten it, in em (0 on most lines) */
  squeezeEm: number;
}

/** Compose a paragraph into lines (total-fit breaking, clreq rules, justification as runs). */
export function composeParagraph(text: string, opts: ComposeOptions): ComposedLine[] {
  return composeDetailed(text, opts).lines;
}

/** composeParagraph, plus per-line details (break positions, spacing) for tests and reports. */
export function composeDetailed(text: string, opts: ComposeOptions): { lines: ComposedLine[]; details: LineDetail[] } {
  const { metrics, size, width, align } = opts;
  const grid = opts.gridCell !== undefined && opts.gridCell > 0;
  // Measure in the same units the line must fill; the 1e-6 keeps a line of exactly N cells
  // from being rejected by float noise.
  const composition = compositionOf(opts.composition);
  const m = buildModel(text, metrics, {
    size,
    punctuation: opts.punctuation,
    ...(grid ? { gridCell: opts.gridCell! } : {}),
    latinGap: opts.latinGap ?? 0,
    composition,
  });
  const indent = opts.firstLineIndent * (grid ? opts.gridCell! : size);
  const bo: BreakOptions = {
    width: width + 1e-6,
    indent,
    justify: align === 'justify',
    // On the grid a line is barely tightened below its cells (a 29th character never squeezes in).
    shrinkMax: grid ? GRID_SHRINK_MAX : SHRINK_MAX,
  };
  const starts = chooseBreaks(m, bo);
  const lines: ComposedLine[] = [];
  const details: LineDetail[] = [];
  for (let t = 0; t < starts.length; t++) {
    const i = starts[t]!;
    const j = t + 1 < starts.length ? starts[t + 1]! : m.n;
    const f = fitLine(m, i, j, bo);
    const last = j === m.n;
    lines.push(buildLine(m, i, j, f, { width, indent, align, last, centreByInk: composition.centreByInk }));
    details.push({
      start: i,
      end: j,
      extraEm: (align === 'justify' || f.r < 0 ? f.r : 0) / size,
      endCompressed: f.endCut > 1e-6,
      squeezeEm: squeezed(m, i, f) / size,
    });
  }
  return { lines, details };
}

/** Width the marks inside the line [i, f.e) gave up (see fitLine: its first and last character excepted). */
function squeezed(m: Model, i: number, f: Fit): number {
  const a = i + 1;
  const b = f.e - 1;
  if (b <= a) return 0;
  let w = 0;
  for (let t = 1; t <= SQUEEZE_TIERS; t++) w += f.t[t]! * (m.Q[t]![b]! - m.Q[t]![a]!);
  return w;
}
