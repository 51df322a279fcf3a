import { splitByFace } from '../../glyphs/face-runs.js';
import { fontInfo } from '../../fonts/font-file.js';
import { balanceTitle, composeParagraphMemo, loadFontMetrics, pdfFontFeatures, type ComposedLine, type Run } from '../../compose/index.js';
import { styleByRole, type Doc, type Inline, type Style } from '../../ir/index.js';
import type { LineBox } from '../../patches/pdfmake.js';
import { boldRuns } from './faces.js';
import { fallbackFamily } from './pdfmake-env.js';
import { textProps } from './text-style.js';

const LINE_SLACK = 4;

/** Inline runs as plain pdfmake text pieces, for places the composer does not set (a split line off the grid). */
export function inlineRuns(inlines: readonly Inline[]): object[] {
  return inlines.map((i) => (i.kind === 'text' ? { text: i.text } : { text: '\n' }));
}

/** The width a style's lines are set in: the text block less its left and right indents. */
export function lineWidth(doc: Doc, style: Style, width: number): number {
  return width - (style.indentLeft + style.indentRight) * indentUnit(doc, style);
}

/** What one character of indent is in pt: a grid cell for a style on the character grid, else an em. */
function indentUnit(doc: Doc, style: Style): number {
  return style.grid && doc.page.charPitch ? doc.page.charPitch : style.size;
}

/**
 * A line's box: exactly the style's pitch tall, whatever faces its runs use (see LineBox in
 * src/patches/pdfmake.ts). A line one grid pitch tall on a grid page sits on the grid's baseline,
 * the body's, whatever its size (a 14 pt caption or contents entry reads on the same ruled line as
 * the body); any other line has its baseline where its own face puts it, its ascent below the top.
 */
export function lineBox(doc: Doc, style: Style): LineBox {
  const onGrid = doc.page.charPitch !== undefined && Math.abs(style.lineHeight - doc.page.linePitch) < 0.01;
  const body = onGrid ? styleByRole(doc, 'body') : undefined;
  const basis = body ?? style;
  return { height: style.lineHeight, ascent: fontInfo(doc.fonts[basis.font]!.file).ascentEm * basis.size };
}

/**
 * The composed lines of a paragraph of a style, set `width` wide (the text block, or a table
 * cell) less the style's indents, one pdfmake node per line. Each line is exactly
 * `style.lineHeight` tall, so n lines take n × lineHeight: this is what lets the flow be paginated
 * before pdfmake lays it out. The CJK composer breaks and justifies the lines (clreq rules,
 * total-fit, the GB/T 9704 grid when the style is on it); a balanced style (titles) is broken by
 * `balanceTitle`, or at the lines the content fixed. `boxes`, when given, receives each line's
 * left offset and drawn width (a contents entry's dot leader starts where its last line ends).
 */
export function composedLines(doc: Doc, style: Style, inlines: readonly Inline[], width: number, fixedLines?: readonly string[], boxes?: { x: number; width: number }[]): object[] {
  // A bold style is set in its bold face's widths where the role has one (its digits and Latin are wider).
  const face = doc.fonts[style.font]!;
  const metrics = loadFontMetrics(style.bold && face.bold ? face.bold.file : face.file);
  const gridCell = style.grid ? doc.page.charPitch : undefined;
  const setWidth = lineWidth(doc, style, width);
  const base = {
    metrics,
    size: style.size,
    width: setWidth,
    punctuation: doc.punctuation,
    latinGap: doc.latinGap,
    composition: doc.composition,
    ...(gridCell ? { gridCell } : {}),
  };
  const lines: ComposedLine[] = [];
  // A hard line break splits the paragraph into pieces composed separately; only the first is indented.
  const pieces = fixedLines ?? (style.balance ? balanced(doc, style, plainText(inlines), setWidth) : splitAtBreaks(inlines));
  pieces.forEach((piece, i) => {
    // Remembered per process: a rebuild after an edit composes only the paragraphs that changed.
    lines.push(...composeParagraphMemo(piece, { ...base, firstLineIndent: i === 0 ? style.indent : 0, align: style.align }));
  });
  const marks = strongRanges(inlines, fixedLines !== undefined || style.balance);
  let offset = 0;
  const props = textProps(doc, style);
  const box = lineBox(doc, style);
  const left = style.indentLeft * indentUnit(doc, style);
  boxes?.push(...lines.map((l) => ({ x: l.x, width: l.width })));
  return lines.map((line) => {
    const runs = splitRunsAtMarks(doc, line.runs, marks, offset, style, box);
    offset += [...line.runs.map((r) => r.text).join('')].length;
    // A hyphenated line ends with the soft hyphen, in the face (and bold) of the word it ends.
    if (line.hyphen) {
      const end = runs.at(-1) as { font?: string; bold?: boolean; draw?: { stroke?: number } } | undefined;
      runs.push(runNode(line.hyphen.text, 0, box, end?.font, end?.bold, end?.draw?.stroke));
    }
    return {
      text: runs,
      ...props,
      noWrap: true,
      // pdfkit's own measure of the runs may exceed the composer's by float noise; a little slack
      // on the right keeps pdfmake from wrapping a line the composer has already set.
      margin: [left + line.x, 0, -LINE_SLACK, 0],
    };
  });
}

function balanced(doc: Doc, style: Style, text: string, width: number): string[] {
  const metrics = loadFontMetrics(doc.fonts[style.font]!.file);
  return balanceTitle(text, { metrics, size: style.size, width });
}

function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}

function splitAtBreaks(inlines: readonly Inline[]): string[] {
  const pieces = [''];
  for (const i of inlines) {
    if (i.kind === 'lineBreak') pieces.push('');
    else pieces[pieces.length - 1] += i.text;
  }
  return pieces;
}

/** Code-point ranges of strong text in the paragraph's plain text (line breaks removed). */
function strongRanges(inlines: readonly Inline[], spacesDropped: boolean): [number, number][] {
  const ranges: [number, number][] = [];
  let at = 0;
  for (const i of inlines) {
    if (i.kind !== 'text') continue;
    const n = [...(spacesDropped ? i.text.replace(/ /g, '') : i.text)].length;
    if (i.strong) ranges.push([at, at + n]);
    at += n;
  }
  return ranges;
}

/**
 * Cuts composed runs where strong text starts or ends, so it can take its own face. Every
 * character keeps the spacing after it, so the pieces keep the composer's positions exactly.
 * Strong text takes the style's strong face when the theme gives one (编者按： in 黑体), else the
 * bold of the style's face; a bold style (a level-3 heading) is bold throughout.
 */
function splitRunsAtMarks(doc: Doc, runs: readonly Run[], marks: [number, number][], start: number, style: Style, box: LineBox): object[] {
  const out: object[] = [];
  let at = start;
  for (const run of runs) {
    const chars = [...run.text];
    let piece = '';
    let pieceStrong: boolean | undefined;
    const flush = () => {
      if (!piece) return;
      const bold = style.bold || (pieceStrong && !style.strongFont);
      const role = pieceStrong && style.strongFont ? style.strongFont : style.font;
      if (bold) {
        for (const b of boldRuns(doc, role, piece, style.size)) out.push(runNode(b.text, run.characterSpacing, box, b.font, b.bold, b.stroke));
      } else {
        // Characters the role's face lacks go to the first fallback face that has them.
        for (const f of splitByFace(piece, doc.fonts[role]!)) {
          const font = f.index > 0 ? fallbackFamily(role, f.index) : role === style.font ? undefined : role;
          out.push(runNode(f.text, run.characterSpacing, box, font));
        }
      }
      piece = '';
    };
    for (const ch of chars) {
      const strong = marks.some(([a, b]) => at >= a && at < b);
      if (pieceStrong !== undefined && strong !== pieceStrong) flush();
      pieceStrong = strong;
      piece += ch;
      at++;
    }
    flush();
  }
  return out;
}

function runNode(text: string, characterSpacing: number, box: LineBox, font: string | undefined, bold?: boolean, stroke?: number): object {
  return {
    text,
    characterSpacing,
    // See pdfmake-env: measured with the spacing after the last character, as the composer places it.
    spacingAfterLast: true,
    fontFeatures: pdfFontFeatures(),
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
    lineBox: box,
    ...(font ? { font } : {}),
    ...(bold ? { bold: true } : {}),
    ...(stroke ? { draw: { stroke } } : {}),
  };
}
