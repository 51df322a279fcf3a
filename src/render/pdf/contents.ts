import { loadFontMetrics } from '../../compose/index.js';
import type { ContentsEntryBlock, Doc, Style } from '../../ir/index.js';
import { atomBlock, type DrawnBlock } from './flow.js';
import { composedLines, lineBox } from './paragraph.js';
import { textProps } from './text-style.js';

/** Leader dots: their pitch, radius and the least room kept clear at either end, in em of the entry's style. */
const DOT_PITCH = 0.4;
const DOT_RADIUS = 0.055;
const LEADER_CLEAR = 0.3;

/**
 * One contents entry as a block of the flow, drawn whole: its text set by the composer with a
 * hanging indent (the style's `indent` for the first line, `indent + hanging` for the rest),
 * right-indented by the room the number needs, then a dot leader from the end of the last line
 * and the page number at the right edge of the text block, on the last line. The number sits in
 * a column of fixed width and does not wrap, so the entry's height does not depend on the number
 * pdfmake fills in from its page reference (`pageReference` to the `id` of the title's first
 * line). The list around it (heading, column labels kept with the entry after them, the closing
 * rule with the last) is paginated as any flow is.
 */
export function contentsEntryFlow(doc: Doc, block: ContentsEntryBlock, textWidth: number): DrawnBlock {
  const style = doc.styles[block.style]!;
  const em = style.grid && doc.page.charPitch ? doc.page.charPitch : style.size;
  const numberWidth = digitWidth(doc, style) * 3;
  // The text's right margin: the number's column and the least leader room (the style's 右空 when larger).
  const reserve = Math.max(style.indentRight * em, numberWidth + 2 * LEADER_CLEAR * style.size);
  const hanging = style.hanging ?? 0;
  const left = (style.indent + hanging) * em;
  const boxes: { x: number; width: number }[] = [];
  const set = { ...style, indent: -hanging, indentRight: 0 };
  const lines = (composedLines(doc, set, block.inlines, textWidth - left - reserve, undefined, boxes) as { margin: number[] }[]).map((line) => ({
    ...line,
    margin: [line.margin[0]! + left, ...line.margin.slice(1)],
    linkToDestination: block.target,
  }));
  const last = boxes[boxes.length - 1] ?? { x: -hanging * em, width: 0 };
  const leader = leaderCanvas(doc, style, left + last.x + last.width, textWidth - numberWidth);
  // The number is one line of the entry's box, on the baseline of its last line.
  const number = { text: [{ pageReference: block.target, lineBox: lineBox(doc, style) }], ...textProps(doc, style), alignment: 'right', noWrap: true };
  const node = {
    columns: [
      { stack: [...lines, leader], width: textWidth - reserve },
      { stack: [number], width: reserve, margin: [0, (lines.length - 1) * style.lineHeight, 0, 0] },
    ],
    columnGap: 0,
  };
  return atomBlock(lines.length * style.lineHeight, node, { before: style.spaceBefore, after: style.spaceAfter });
}

/** The first line of an anchored block (an article's title) carries its id: pdfmake's page references point at it, and the PDF gets a named destination there. */
export function withAnchor(lines: object[], id: string | undefined): object[] {
  const first = lines[0] as Record<string, unknown> | undefined;
  if (id !== undefined && first) first.id = id;
  return lines;
}

/**
 * Dots from `from` to `to` (pt from the left of the text block) on the last line, drawn upwards
 * from the end of the entry so the canvas takes no height. The dots stand on one pitch measured
 * from the left of the text block, so those of successive entries line up in columns; they sit
 * at the middle of the ideographic em box, where 中文 leaders (……) sit.
 */
function leaderCanvas(doc: Doc, style: Style, from: number, to: number): object {
  const size = style.size;
  const pitch = DOT_PITCH * size;
  // The baseline of the entry's lines (see lineBox: on the body's where the entry is one pitch tall).
  const baseline = lineBox(doc, style).ascent;
  // The ideographic em box runs from 0.88 em above the baseline to 0.12 em below it.
  const y = -style.lineHeight + baseline - 0.38 * size;
  const dots: object[] = [];
  for (let k = Math.ceil((from + LEADER_CLEAR * size) / pitch); k * pitch <= to - LEADER_CLEAR * size; k++) {
    dots.push({ type: 'ellipse', x: k * pitch, y, r1: DOT_RADIUS * size, r2: DOT_RADIUS * size, color: style.color, lineWidth: 0 });
  }
  return { canvas: dots };
}

/** The advance of a digit in the style's face: page numbers use lining figures of one width. */
function digitWidth(doc: Doc, style: Style): number {
  const metrics = loadFontMetrics(doc.fonts[style.font]!.file);
  return (metrics.advance(0x30) ?? 0.6) * style.size;
}
