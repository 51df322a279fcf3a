import { composeParagraphMemo, loadFontMetrics } from '../../compose/index.js';
import type { Doc, Inline, SplitLineBlock, Style } from '../../ir/index.js';
import { composedLines } from './paragraph.js';
import { atomBlock, type DrawnBlock } from './flow.js';

/**
 * Room the right half's column keeps beyond the composer's width of its text, so pdfkit's own
 * measure never finds a composed line wider than its column.
 */
const RIGHT_SLACK = 1;

/**
 * A split line (编印单位 left, date right; 密级 left, 份号 right) as a block of the flow, drawn
 * whole. The right part takes its own width and the left the rest, so a long 编印单位 wraps
 * beside the date instead of both halves splitting the line evenly. Both halves are set by the
 * CJK composer, each line its own node exactly `style.lineHeight` tall, so the block's height is
 * known before layout (and on a grid page the block below starts on the next grid line).
 */
export function splitLineFlow(doc: Doc, block: SplitLineBlock, textWidth: number): DrawnBlock {
  const style = doc.styles[block.style]!;
  // Composed off the character grid: the halves are ragged, not cells of the body's grid.
  const half = { ...style, indent: 0, indentLeft: 0, indentRight: 0, grid: false };
  const gap = style.size;
  const rightWidth = Math.min(naturalWidth(doc, style, block.right, textWidth) + RIGHT_SLACK, textWidth);
  const leftWidth = textWidth - gap - rightWidth;
  let content: object;
  let lineCount: number;
  if (leftWidth >= textWidth / 4 || !hasText(block.left)) {
    const left = hasText(block.left) ? composedLines(doc, { ...half, align: 'left' }, block.left, leftWidth) : [];
    const right = hasText(block.right) ? composedLines(doc, { ...half, align: 'right' }, block.right, rightWidth) : [];
    content = { columns: [{ stack: left, width: Math.max(leftWidth, 0) }, { stack: right, width: rightWidth }], columnGap: gap };
    lineCount = Math.max(left.length, right.length);
  } else {
    // A right half too wide to leave the left a column of its own: the halves go one under the other.
    const left = composedLines(doc, { ...half, align: 'left' }, block.left, textWidth);
    const right = hasText(block.right) ? composedLines(doc, { ...half, align: 'right' }, block.right, textWidth) : [];
    content = { stack: [...left, ...right] };
    lineCount = left.length + right.length;
  }
  return atomBlock(lineCount * style.lineHeight, content, { before: style.spaceBefore, after: style.spaceAfter });
}

function hasText(inlines: readonly Inline[]): boolean {
  return inlines.some((i) => i.kind === 'text' && i.text.trim() !== '');
}

/** The widest line of `inlines` as the composer sets it, flush left, each hard line break its own line. */
function naturalWidth(doc: Doc, style: Style, inlines: readonly Inline[], width: number): number {
  if (!hasText(inlines)) return 0;
  const metrics = loadFontMetrics(doc.fonts[style.font]!.file);
  const pieces = [''];
  for (const i of inlines) {
    if (i.kind === 'lineBreak') pieces.push('');
    else pieces[pieces.length - 1] += i.text;
  }
  let widest = 0;
  for (const piece of pieces) {
    const lines = composeParagraphMemo(piece, { metrics, size: style.size, width, firstLineIndent: 0, punctuation: doc.punctuation, latinGap: doc.latinGap, composition: doc.composition, align: 'left' });
    for (const l of lines) widest = Math.max(widest, l.x + l.width);
  }
  return Math.min(widest, width);
}
