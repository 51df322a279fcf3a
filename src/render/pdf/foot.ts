import type * as fontkit from 'fontkit';
import { parsedFont } from '../../fonts/font-file.js';
import { mayNotEndLine, mayNotStartLine } from '../../compose/index.js';
import { endBlockLabel, inlineText, type Block, type Doc, type FootBlock, type Style } from '../../ir/index.js';
import { textProps } from './text-style.js';
import { lineBox } from './paragraph.js';
import { atomBlock, type DrawnBlock } from './flow.js';

/**
 * The foot block (版记 / 报尾) as a block of the flow that the paginator sets at the foot of the
 * page where the flow ends, with the last lines of text (see FlowBlock.atFoot): its height is
 * computed here, exactly, so its lines are broken here (a greedy break with the clreq rules that
 * matter for lists of names), each line set as its own unwrapped text, every style at a fixed
 * line pitch. Its lines keep the style's left and right indents (GB/T 9704 indents 版记 lines
 * one character at each end). Undefined when the foot holds anything but paragraphs, split lines
 * and rules, or is taller than a page: it is then laid out in the flow like any other blocks.
 */
export function footFlow(doc: Doc, block: FootBlock, textWidth: number): DrawnBlock | undefined {
  const measured = block.blocks.map((b) => measureFootBlock(doc, b, textWidth));
  const { height: pageHeight, margins } = doc.page;
  const height = measured.reduce((sum, m) => sum + (m?.height ?? 0), 0);
  if (measured.some((m) => m === undefined) || height > pageHeight - margins.top - margins.bottom) return undefined;
  return { ...atomBlock(height, { stack: measured.map((m) => m!.content) }), atFoot: true };
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
      const inner = indented(style, width);
      const lines = breakFootText(doc, style, inlineText(block.inlines), inner.width);
      return stackOf(doc, style, lines.map((l) => lineNode(doc, style, l, inner)));
    }
    case 'splitLine': {
      const style = doc.styles[block.style]!;
      const inner = indented(style, width);
      const right = inlineText(block.right);
      const left = inlineText(block.left);
      const lines = left ? breakFootText(doc, style, left, inner.width) : [];
      const gap = style.size;
      const rightWidth = measureText(doc, style, right);
      const last = lines[lines.length - 1];
      const nodes = lines.map((l) => lineNode(doc, style, l, inner));
      const rightNode = { text: [{ text: right, lineBox: lineBox(doc, style) }], ...textProps(doc, style), alignment: 'right', margin: [0, 0, inner.right, 0] };
      if (last && last.indent + last.width + gap + rightWidth <= inner.width) {
        nodes[nodes.length - 1] = { columns: [{ ...lineNode(doc, style, last, inner), width: '*' }, { ...rightNode, width: 'auto' }], columnGap: gap };
      } else {
        nodes.push(rightNode);
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

/** The width a foot style's lines are broken in, and its left and right indents in pt (characters of its size). */
function indented(style: Style, width: number): { width: number; left: number; right: number } {
  const left = style.indentLeft * style.size;
  const right = style.indentRight * style.size;
  return { width: width - left - right, left, right };
}

function lineNode(doc: Doc, style: Style, line: FootLine, inner: { left: number }): object {
  return { text: [{ text: line.text, lineBox: lineBox(doc, style) }], ...textProps(doc, style), alignment: 'left', margin: [inner.left + line.indent, 0, 0, 0] };
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
