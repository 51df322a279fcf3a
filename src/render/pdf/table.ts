import { styleByRole, type Doc, type Inline, type TableBlock } from '../../ir/index.js';
import { composedLines, gridFill, paragraphContent } from './paragraph.js';

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

/**
 * A table as pdfmake content, its caption above it. Every cell is set by the CJK composer (clreq
 * breaks, no first-line indent) at its column's width, so each row's height is known before
 * layout: its tallest cell's lines × the cell style's line height, plus the cell paddings and
 * the rule below it. On a grid page the space after the table then grows to the next grid line,
 * as `paragraphContent` does for a title, so the body below stays on the grid.
 */
export function tableContent(doc: Doc, block: TableBlock, textWidth: number): object[] {
  const style = doc.styles[block.style]!;
  // The caption is set like a paragraph of its own (and padded to whole grid lines by it), so a
  // caption parted from a table too long for one page still leaves both on the grid.
  const captionStyle = { ...(styleByRole(doc, 'caption') ?? style), align: 'center' as const, indent: 0 };
  const caption = block.caption ? (paragraphContent(doc, captionStyle, block.caption) as { stack: object[]; margin: number[] }) : undefined;
  const columns = block.header?.length ?? block.rows[0]?.length ?? 1;
  // Fixed, equal column widths: with '*' pdfmake widens a column to fit an unbreakable run of
  // CJK punctuation and pushes the last column off the page. Each column's text width is what is
  // left of the text block after every cell's paddings and the rules (one more rule than columns).
  const width = (textWidth - columns * (2 * PAD_X + RULE) - RULE) / columns;
  const header = { ...style, align: 'center' as const, indent: 0 };
  const body = { ...style, indent: 0 };
  const cell = (inlines: readonly Inline[], isHeader: boolean) => {
    // Header text is strong: it takes the style's strong face when the theme gives one.
    const stack = isHeader ? composedLines(doc, header, inlines.map((i) => (i.kind === 'text' ? { ...i, strong: true } : i)), width) : composedLines(doc, body, inlines, width);
    return { node: { stack }, lines: stack.length };
  };
  const rows = [...(block.header ? [block.header.map((c) => cell(c, true))] : []), ...block.rows.map((r) => r.map((c) => cell(c, false)))];
  // A row is as tall as its tallest cell, and an empty row one line tall; pdfmake is given these
  // heights too, so a row can be no shorter than computed.
  const heights = rows.map((r) => Math.max(1, ...r.map((c) => c.lines)) * style.lineHeight);
  const tableHeight = RULE + heights.reduce((sum, h) => sum + PAD_Y + h + PAD_Y + RULE, 0);
  const after = style.spaceAfter + style.size / 2;
  const fill = gridFill(doc, style.spaceBefore + tableHeight + after);
  const table = {
    table: { headerRows: block.header ? 1 : 0, widths: Array(columns).fill(width), heights, body: rows.map((r) => r.map((c) => c.node)), dontBreakRows: true },
    layout: LAYOUT,
    margin: [0, style.spaceBefore, 0, after + fill],
  };
  if (!caption) return [table];
  // A table that fits on a page is kept on one page with its caption, so the caption never ends
  // a page above it. (pdfmake keeps only the first page of an unbreakable block, so a longer
  // table is left to break, its caption free to stay behind.)
  const captionHeight = caption.margin[1]! + caption.stack.length * captionStyle.lineHeight + caption.margin[3]!;
  const textHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  const total = captionHeight + style.spaceBefore + tableHeight + after + fill;
  return total <= textHeight ? [{ stack: [caption, table], unbreakable: true }] : [caption, table];
}
