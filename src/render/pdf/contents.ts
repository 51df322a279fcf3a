import { loadFontMetrics } from '../../compose/index.js';
import { fontInfo } from '../../fonts/font-file.js';
import type { Block, ContentsBlock, ContentsEntryBlock, Doc, Style } from '../../ir/index.js';
import { composedLines, gridFill } from './paragraph.js';
import { textProps } from './text-style.js';

/** Leader dots: their pitch, radius and the least room kept clear at either end, in em of the entry's style. */
const DOT_PITCH = 0.4;
const DOT_RADIUS = 0.055;
const LEADER_CLEAR = 0.3;

/**
 * A contents list as pdfmake content, in the flow where the template put it. Its entries are
 * never split (each is one unbreakable block), its heading and each column label go to the page
 * of the entry after them, and the closing rule goes with the last entry; between entries the
 * list breaks like any text, so a list that fits the space left on its page stays on that page
 * and a longer one goes on to the next. The page numbers come from pdfmake's page references
 * (`pageReference` to the `id` of each title's first line), which it fills in after layout, so
 * they stay right when a kept block moves to the next page: one layout pass.
 */
export function contentsToPdf(block: ContentsBlock, blocksToPdf: (blocks: readonly Block[]) => object[]): object[] {
  const groups: object[][] = [];
  let pending: object[] = [];
  const lastEntry = block.blocks.map((b) => b.kind).lastIndexOf('contentsEntry');
  block.blocks.forEach((b, i) => {
    const nodes = blocksToPdf([b]);
    if (b.kind === 'contentsEntry') {
      groups.push([...pending, ...nodes]);
      pending = [];
    } else if (lastEntry >= 0 && i > lastEntry) groups[groups.length - 1]!.push(...nodes);
    else pending.push(...nodes);
  });
  if (pending.length > 0) groups.push(pending);
  return [{ stack: groups.map((g) => (g.length === 1 ? g[0]! : { stack: g, unbreakable: true })) }];
}

/**
 * One contents entry: its text set by the composer with a hanging indent (the style's `indent`
 * for the first line, `indent + hanging` for the rest), right-indented by the room the number
 * needs, then a dot leader from the end of the last line and the page number at the right edge
 * of the text block, on the last line. The number sits in a column of fixed width and does not
 * wrap, so the entry's height does not depend on the number pdfmake fills in. One unbreakable block.
 */
export function contentsEntryContent(doc: Doc, block: ContentsEntryBlock, textWidth: number): object {
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
  const height = style.spaceBefore + lines.length * style.lineHeight + style.spaceAfter;
  return {
    columns: [
      { stack: [...lines, leader], width: textWidth - reserve },
      {
        stack: [{ pageReference: block.target, ...textProps(doc, style), alignment: 'right', noWrap: true }],
        width: reserve,
        margin: [0, (lines.length - 1) * style.lineHeight, 0, 0],
      },
    ],
    columnGap: 0,
    margin: [0, style.spaceBefore, 0, style.spaceAfter + (style.grid ? 0 : gridFill(doc, height))],
    unbreakable: true,
  };
}

/**
 * The first line of an anchored block (an article's title) carries its id: pdfmake's page
 * references point at it, and the PDF gets a named destination there.
 */
export function withAnchor(content: object, id: string | undefined): object {
  const first = (content as { stack?: Record<string, unknown>[] }).stack?.[0];
  if (id !== undefined && first) first.id = id;
  return content;
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
  const baseline = fontInfo(doc.fonts[style.font]!.file).ascentEm * size;
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
