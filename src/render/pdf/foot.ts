import type * as fontkit from 'fontkit';
import { parsedFont } from '../../fonts/font-file.js';
import { mayNotEndLine, mayNotStartLine } from '../../compose/index.js';
import { endBlockLabel, inlineText, type Block, type Doc, type FootBlock, type Style } from '../../ir/index.js';
import { textProps } from './text-style.js';

/**
 * The foot block (版记 / 报尾) at the foot of the page where the content ends, or of a new page
 * when that page has no room left for it.
 *
 * pdfmake cannot anchor a block to the bottom of a page, and the content's end is known only
 * after layout. So the foot's height H is computed here, exactly: its lines are broken here (a
 * greedy break with the clreq rules that matter for lists of names), each line is set as its own
 * unwrapped text, and every style has a fixed line pitch. Two nodes then do the placing:
 *
 * 1. an invisible canvas H tall, in the flow: pdfmake moves a canvas that does not fit to the
 *    next page, so after it the flow is on a page with H free below the content;
 * 2. the foot itself with `absolutePosition` at y = page height − bottom margin − H: a detached
 *    block is drawn on the page the flow is on, so it lands in that free space, flush with the
 *    bottom of the text block.
 *
 * One layout pass, no measuring render, and nothing depends on how the body above was composed.
 * A foot holding anything but paragraphs, split lines and rules is laid out in the flow instead,
 * by the block converter the caller passes in (blocks.ts, which calls this: no import cycle).
 */
export function footToPdf(doc: Doc, block: FootBlock, textWidth: number, blocksToPdf: (blocks: readonly Block[]) => object[]): object[] {
  const measured = block.blocks.map((b) => measureFootBlock(doc, b, textWidth));
  const { height: pageHeight, margins } = doc.page;
  const height = measured.reduce((sum, m) => sum + (m?.height ?? 0), 0);
  if (measured.some((m) => m === undefined) || height > pageHeight - margins.top - margins.bottom) {
    return [{ stack: blocksToPdf(block.blocks), unbreakable: true }];
  }
  return [
    // A zero-length, butt-capped stroke draws nothing; the canvas only reserves its height.
    { canvas: [{ type: 'line', x1: 0, y1: height, x2: 0, y2: height, lineWidth: 0 }] },
    { stack: measured.map((m) => m!.content), absolutePosition: { x: margins.left, y: pageHeight - margins.bottom - height } },
  ];
}

interface Measured {
  content: object;
  height: number;
}

function measureFootBlock(doc: Doc, block: Block, width: number): Measured | undefined {
  switch (block.kind) {
    case 'rule':
      return {
        content: ruleCanvas(block.color, block.weight, width, block.spaceBefore, block.spaceAfter),
        height: block.spaceBefore + block.weight + block.spaceAfter,
      };
    case 'paragraph': {
      const style = doc.styles[block.style]!;
      const lines = breakFootText(doc, style, inlineText(block.inlines), width);
      return stackOf(doc, style, lines.map((l) => lineNode(doc, style, l)));
    }
    case 'splitLine': {
      const style = doc.styles[block.style]!;
      const right = inlineText(block.right);
      const left = inlineText(block.left);
      const lines = left ? breakFootText(doc, style, left, width) : [];
      const gap = style.size;
      const rightWidth = measureText(doc, style, right);
      const last = lines[lines.length - 1];
      const nodes = lines.map((l) => lineNode(doc, style, l));
      if (last && last.indent + last.width + gap + rightWidth <= width) {
        nodes[nodes.length - 1] = {
          columns: [
            { ...lineNode(doc, style, last), width: '*' },
            { text: right, ...textProps(doc, style), alignment: 'right', width: 'auto' },
          ],
          columnGap: gap,
        };
      } else {
        nodes.push({ text: right, ...textProps(doc, style), alignment: 'right' });
      }
      return stackOf(doc, style, nodes);
    }
    default:
      return undefined;
  }
}

function stackOf(doc: Doc, style: Style, lines: object[]): Measured {
  return {
    content: { stack: lines, margin: [0, style.spaceBefore, 0, style.spaceAfter] },
    height: style.spaceBefore + lines.length * style.lineHeight + style.spaceAfter,
  };
}

/**
 * A horizontal rule across the text block, `weight` thick. pdfmake measures a canvas by its
 * coordinates, not its strokes; the second, zero-length segment makes the rule take its full
 * weight in the flow, so the foot's height computed above is exact.
 */
export function ruleCanvas(color: string, weight: number, width: number, before: number, after: number): object {
  return {
    canvas: [
      { type: 'line', x1: 0, y1: weight / 2, x2: width, y2: weight / 2, lineWidth: weight, lineColor: color },
      { type: 'line', x1: 0, y1: weight, x2: 0, y2: weight, lineWidth: 0 },
    ],
    margin: [0, before, 0, after],
  };
}

interface FootLine {
  text: string;
  /** Left indent in pt: continuation lines of `报：…` hang after the label. */
  indent: number;
  width: number;
}

function lineNode(doc: Doc, style: Style, line: FootLine): object {
  return { text: line.text, ...textProps(doc, style), alignment: 'left', margin: [line.indent, 0, 0, 0] };
}

/** Keeps a little room at the right so pdfmake's own measure never wraps a line set here. */
const SLACK = 0.5;

/**
 * Breaks one end-block text into lines no wider than `width`: greedy, one break unit per Han
 * character or Latin word, without a closing mark at a line start or an opening mark at a line
 * end. Lines after the first hang after a leading label (报：), as GB/T 9704 sets 抄送 lines.
 */
export function breakFootText(doc: Doc, style: Style, text: string, width: number): FootLine[] {
  const units = text.match(/[A-Za-z0-9]+|\s+|./gsu) ?? [];
  const label = endBlockLabel(text);
  const hang = label ? measureText(doc, style, label) : 0;
  const lines: FootLine[] = [];
  let start = 0;
  while (start < units.length) {
    const indent = lines.length > 0 && hang < width / 3 ? hang : 0;
    const room = width - indent - SLACK;
    let end = start;
    while (end < units.length && measureText(doc, style, units.slice(start, end + 1).join('').trimEnd()) <= room) end++;
    if (end === start) end = start + 1;
    // Pull a mark that may not start a line back onto this line, or push one that may not end it.
    if (end < units.length) {
      let e = end;
      while (e > start + 1 && (mayNotStartLine(units[e]!) || mayNotEndLine(units[e - 1]!))) e--;
      if (e > start + 1) end = e;
    }
    const lineText = units.slice(start, end).join('').trim();
    if (lineText) lines.push({ text: lineText, indent, width: measureText(doc, style, lineText) });
    start = end;
    while (start < units.length && /^\s+$/.test(units[start]!)) start++;
  }
  return lines;
}

const fonts = new Map<string, fontkit.Font>();

/** Advance width of a text in a style's face, with the same shaping pdfkit applies. */
function measureText(doc: Doc, style: Style, text: string): number {
  if (!text) return 0;
  const file = doc.fonts[style.font]!.file;
  let font = fonts.get(file);
  if (!font) {
    // The process's one parse of the file, shared with the composer and pdfkit.
    const opened = parsedFont(file) as fontkit.Font | fontkit.FontCollection;
    font = 'fonts' in opened ? (opened as fontkit.FontCollection).fonts[0]! : (opened as fontkit.Font);
    fonts.set(file, font);
  }
  return (font.layout(text).advanceWidth / font.unitsPerEm) * style.size;
}
