import { contentWidths, loadFontMetrics } from '../../compose/index.js';
import { inlineText, styleByRole, type Doc, type Inline, type Style, type TableBlock } from '../../ir/index.js';
import { composedLines } from './paragraph.js';
import type { Break } from './paginate.js';
import type { DrawnBlock } from './flow.js';

/** Width of every rule of a table, in pt. */
const RULE = 1;
/** Space between a cell's rules and its text: left and right, top and bottom. */
const PAD_X = 4;
const PAD_Y = 2;

/**
 * The table's layout for pdfmake, spelled out (these are pdfmake's defaults) because the row
 * heights below are computed from them.
 */
const LAYOUT = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => PAD_Y,
  paddingBottom: () => PAD_Y,
};

/** What a unit of a table is: a caption line, the header row, or line j of body row r. */
type TableUnit = { part: 'caption'; i: number } | { part: 'header' } | { part: 'row'; r: number; j: number };

/** The part of a table a page holds: caption lines, whether the header row is drawn, and body row lines. */
interface Fragment {
  caption: [number, number];
  header: boolean;
  rows: { r: number; from: number; to: number }[];
}

/**
 * A table as a block of the flow, its caption above it. Columns are as wide as their content
 * asks (see columnWidths); every cell is set by the CJK composer (clreq breaks, no first-line
 * indent), the header row in bold, so each row's height is known before layout: its tallest
 * cell's lines × the cell style's line height, plus the paddings and the rule below it.
 *
 * Its units are the caption's lines, the header row, and each line of each body row, so a page
 * may end between rows and, cell by cell, inside a row: a page that opens inside the table
 * repeats the header row. The caption stays with the header and the first row line. A table
 * that fits on a page, and a row that fits on a page, break only where moving them whole would
 * leave too many empty lines (`avoid`); a row taller than a page breaks wherever it must.
 */
export function tableFlow(doc: Doc, block: TableBlock, textWidth: number): DrawnBlock {
  const style = doc.styles[block.style]!;
  const captionStyle = { ...(styleByRole(doc, 'caption') ?? style), align: 'center' as const, indent: 0, indentLeft: 0, indentRight: 0 };
  const caption = block.caption ? composedLines(doc, captionStyle, block.caption, textWidth) : [];
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const headerStyle: Style = { ...style, align: 'center', indent: 0, indentLeft: 0, indentRight: 0, bold: true };
  const bodyStyle: Style = { ...style, indent: 0, indentLeft: 0, indentRight: 0 };
  const widths = columnWidths(doc, headerStyle, bodyStyle, block, columns, textWidth - columns * (2 * PAD_X + RULE) - RULE);
  const cells = (row: readonly Inline[][], s: Style) => Array.from({ length: columns }, (_, c) => composedLines(doc, s, row[c] ?? [], widths[c]!));
  const header = block.header ? cells(block.header, headerStyle) : undefined;
  const rows = block.rows.map((r) => cells(r, bodyStyle));
  const linesOf = (row: object[][]) => Math.max(1, ...row.map((c) => c.length));
  const headerLines = header ? linesOf(header) : 0;
  const rowLines = rows.map(linesOf);

  const units: TableUnit[] = [
    ...caption.map((_, i) => ({ part: 'caption' as const, i })),
    ...(header ? [{ part: 'header' as const }] : []),
    ...rows.flatMap((_, r) => Array.from({ length: rowLines[r]! }, (_, j) => ({ part: 'row' as const, r, j }))),
  ];
  const lh = style.lineHeight;
  const segment = (lines: number) => PAD_Y + lines * lh + PAD_Y + RULE;

  const fragment = (from: number, to: number, opensPage: boolean): Fragment => {
    const f: Fragment = { caption: [0, 0], header: false, rows: [] };
    let firstCaption = -1;
    for (let k = from; k < to; k++) {
      const u = units[k]!;
      if (u.part === 'caption') {
        if (firstCaption < 0) firstCaption = u.i;
        f.caption = [firstCaption, u.i + 1];
      } else if (u.part === 'header') f.header = true;
      else {
        const last = f.rows[f.rows.length - 1];
        if (last && last.r === u.r) last.to = u.j + 1;
        else f.rows.push({ r: u.r, from: u.j, to: u.j + 1 });
      }
    }
    // A page that opens inside the table draws its header row again.
    if (opensPage && header && f.rows.length > 0) f.header = true;
    return f;
  };
  const heightOf = (f: Fragment) => {
    const table = f.header || f.rows.length > 0 ? RULE + (f.header ? segment(headerLines) : 0) + f.rows.reduce((h, s) => h + segment(s.to - s.from), 0) : 0;
    return (f.caption[1] - f.caption[0]) * captionStyle.lineHeight + table;
  };
  const height = (from: number, to: number, opensPage: boolean) => heightOf(fragment(from, to, opensPage));

  const { height: pageHeight, margins } = doc.page;
  const textHeight = pageHeight - margins.top - margins.bottom;
  const fits = height(0, units.length, false) <= textHeight;
  const rowFits = (r: number) => RULE + (header ? segment(headerLines) : 0) + segment(rowLines[r]!) <= textHeight;
  const breakBefore = (k: number): Break => {
    const u = units[k]!;
    const before = units[k - 1]!;
    // The caption's lines, the caption and the header, the header and the first row stay together.
    if (u.part !== 'row' || before.part !== 'row') return 'never';
    if (u.j === 0) return fits ? 'avoid' : 'allow';
    if (!rowFits(u.r)) return 'allow';
    // A row that fits on a page breaks only after its first two lines and before its last two.
    return u.j >= 2 && rowLines[u.r]! - u.j >= 2 ? 'avoid' : 'never';
  };

  const draw = (from: number, to: number, opensPage: boolean): object[] => {
    const f = fragment(from, to, opensPage);
    const out: object[] = caption.slice(f.caption[0], f.caption[1]);
    const body: object[][] = [];
    const heights: number[] = [];
    if (f.header) {
      // A header drawn again on a page the table continues on is a pagination artifact (not read
      // twice as content), with nodes of its own: pdfmake writes its layout into the nodes it lays out.
      const repeated = units[from]?.part === 'row';
      body.push(header!.map((lines) => ({ stack: repeated ? asArtifact(lines) : lines })));
      heights.push(headerLines * lh);
    }
    for (const s of f.rows) {
      body.push(rows[s.r]!.map((lines) => ({ stack: lines.slice(s.from, s.to) })));
      heights.push((s.to - s.from) * lh);
    }
    if (body.length > 0) out.push({ table: { widths, heights, body, dontBreakRows: true }, layout: LAYOUT });
    return out;
  };

  return { units: units.length, height, breakBefore, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter + style.size / 2, keepWithNext: false, draw };
}

/** Copies of composed lines whose runs are drawn as pagination artifacts. */
function asArtifact(lines: readonly object[]): object[] {
  return lines.map((line) => {
    const copy = structuredClone(line) as { text: { draw?: object }[] };
    for (const run of copy.text) run.draw = { ...run.draw, artifact: true };
    return copy;
  });
}

/**
 * Text widths of a table's columns, `available` in all, from their cells' minimum and maximum
 * content widths (the widest unbreakable piece; the whole text on one line), as an automatic
 * table layout takes them: a column whose longest cell fits in its share of the width keeps it on
 * one line (a 4-character first column takes 4 characters, not a quarter of the table); the other
 * columns share what is left, each at least its minimum and the rest in proportion to how much
 * more than that it could use. Room to spare goes to the columns in proportion to their widths.
 */
function columnWidths(doc: Doc, headerStyle: Style, bodyStyle: Style, block: TableBlock, columns: number, available: number): number[] {
  const min = Array<number>(columns).fill(0);
  const max = Array<number>(columns).fill(0);
  const measure = (row: readonly Inline[][], s: Style) => {
    const metrics = loadFontMetrics(doc.fonts[s.font]!.file);
    row.forEach((cell, c) => {
      if (c >= columns) return;
      const w = contentWidths(inlineText(cell), { metrics, size: s.size, punctuation: doc.punctuation, latinGap: doc.latinGap, composition: doc.composition });
      min[c] = Math.max(min[c]!, w.min);
      max[c] = Math.max(max[c]!, w.max);
    });
  };
  if (block.header) measure(block.header, headerStyle);
  for (const row of block.rows) measure(row, bodyStyle);
  // A column is never narrower than one character, so an empty column still shows.
  for (let c = 0; c < columns; c++) {
    min[c] = Math.max(min[c]!, bodyStyle.size);
    max[c] = Math.max(max[c]!, min[c]!);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(max) <= available) {
    const total = sum(max);
    return max.map((m) => m + ((available - total) * m) / total);
  }
  const widths = Array<number>(columns).fill(0);
  const free = new Set(Array.from({ length: columns }, (_, c) => c));
  let left = available;
  // Columns that fit whole in an even share of what is left keep their one line.
  for (let changed = true; changed && free.size > 0; ) {
    changed = false;
    const share = left / free.size;
    for (const c of [...free]) {
      if (max[c]! <= share) {
        widths[c] = max[c]!;
        left -= max[c]!;
        free.delete(c);
        changed = true;
      }
    }
  }
  const cols = [...free];
  const minSum = sum(cols.map((c) => min[c]!));
  const maxSum = sum(cols.map((c) => max[c]!));
  for (const c of cols) {
    widths[c] = minSum <= left ? min[c]! + ((max[c]! - min[c]!) * (left - minSum)) / Math.max(maxSum - minSum, 1e-9) : (left * min[c]!) / minSum;
  }
  return widths;
}
