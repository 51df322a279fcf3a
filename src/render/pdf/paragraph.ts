import { splitByFace } from '../../glyphs/face-runs.js';
import { fallbackFamily } from './pdfmake-env.js';
import { balanceTitle, composeParagraphMemo, loadFontMetrics, pdfFontFeatures, type ComposedLine, type Run } from '../../compose/index.js';
import type { Doc, Inline, Style } from '../../ir/index.js';
import { textProps } from './text-style.js';

const LINE_SLACK = 4;

/** Inline runs as plain pdfmake text pieces, for places the composer does not set (a split line, the foot). */
export function inlineRuns(inlines: readonly Inline[]): object[] {
  return inlines.map((i) => (i.kind === 'text' ? { text: i.text, ...(i.strong ? { bold: true } : {}) } : { text: '\n' }));
}

/**
 * One paragraph of a style as pdfmake content: the CJK composer breaks and justifies the lines
 * (clreq rules, total-fit, the GB/T 9704 grid when the style is on it), and each composed line
 * goes to pdfmake as one unbreakable line of runs with their own character spacing.
 * A balanced style (titles) is broken by `balanceTitle`, or at the lines the content fixed.
 */
export function paragraphContent(doc: Doc, style: Style, inlines: readonly Inline[], fixedLines?: readonly string[]): object {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - style.indentRight * (style.grid && doc.page.charPitch ? doc.page.charPitch : style.size);
  const stack = composedLines(doc, style, inlines, width, fixedLines);
  return { stack, margin: [0, style.spaceBefore, 0, style.spaceAfter + gridPadding(doc, style, stack.length)] };
}

/**
 * The composed lines of a paragraph set `width` wide, one pdfmake node per line, without the
 * block's spacing. Each line is exactly `style.lineHeight` tall, so n lines take n × lineHeight:
 * this is what lets a table cell or a caption be measured before pdfmake lays it out.
 * `boxes`, when given, receives each line's left offset and drawn width (a contents entry's dot
 * leader starts where its last line ends).
 */
export function composedLines(doc: Doc, style: Style, inlines: readonly Inline[], width: number, fixedLines?: readonly string[], boxes?: { x: number; width: number }[]): object[] {
  const metrics = loadFontMetrics(doc.fonts[style.font]!.file);
  const gridCell = style.grid ? doc.page.charPitch : undefined;
  const base = {
    metrics,
    size: style.size,
    width,
    punctuation: doc.punctuation,
    latinGap: doc.latinGap,
    composition: doc.composition,
    ...(gridCell ? { gridCell } : {}),
  };
  const lines: ComposedLine[] = [];
  // A hard line break splits the paragraph into pieces composed separately; only the first is indented.
  const pieces = fixedLines ?? (style.balance ? balanced(doc, style, plainText(inlines), width) : splitAtBreaks(inlines));
  pieces.forEach((piece, i) => {
    // Remembered per process: a rebuild after an edit composes only the paragraphs that changed.
    lines.push(...composeParagraphMemo(piece, { ...base, firstLineIndent: i === 0 ? style.indent : 0, align: style.align }));
  });
  const marks = strongRanges(inlines, fixedLines !== undefined || style.balance);
  let offset = 0;
  const props = textProps(doc, style);
  boxes?.push(...lines.map((l) => ({ x: l.x, width: l.width })));
  return lines.map((line) => {
    const runs = splitRunsAtMarks(doc, line.runs, marks, offset, style);
    offset += [...line.runs.map((r) => r.text).join('')].length;
    // A hyphenated line ends with the soft hyphen, in the face of the word it ends.
    if (line.hyphen) runs.push(runNode(line.hyphen.text, 0, (runs.at(-1) as { font?: string } | undefined)?.font));
    return {
      text: runs,
      ...props,
      noWrap: true,
      // pdfkit's own measure of the runs may exceed the composer's by float noise; a little slack
      // on the right keeps pdfmake from wrapping a line the composer has already set.
      margin: [line.x, 0, -LINE_SLACK, 0],
    };
  });
}

/**
 * On a grid page every block takes whole grid lines, so the body below a 22 pt title or a
 * loosely set heading stays on the grid: the space after it grows to the next line.
 */
function gridPadding(doc: Doc, style: Style, lineCount: number): number {
  if (style.grid) return 0;
  return gridFill(doc, style.spaceBefore + lineCount * style.lineHeight + style.spaceAfter);
}

/**
 * What a block `height` pt tall needs below it to end on a grid line, on a grid page (GB/T 9704,
 * where `doc.page.charPitch` is set): the space up to the next whole line pitch. 0 off the grid.
 */
export function gridFill(doc: Doc, height: number): number {
  if (!doc.page.charPitch) return 0;
  const pitch = doc.page.linePitch;
  const lines = Math.ceil(height / pitch - 1e-6);
  return lines * pitch - height;
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
 * Cuts composed runs where strong text starts or ends, so it can take its own font. Every
 * character keeps the spacing after it, so the pieces keep the composer's positions exactly.
 */
function splitRunsAtMarks(doc: Doc, runs: readonly Run[], marks: [number, number][], start: number, style: Style): object[] {
  const out: object[] = [];
  let at = start;
  for (const run of runs) {
    const chars = [...run.text];
    let piece = '';
    let pieceStrong: boolean | undefined;
    const flush = () => {
      if (!piece) return;
      // Characters the role's face lacks go to the first fallback face that has them.
      const role = pieceStrong && style.strongFont ? style.strongFont : style.font;
      for (const f of splitByFace(piece, doc.fonts[role]!)) {
        const font = f.index > 0 ? fallbackFamily(role, f.index) : role === style.font ? undefined : role;
        out.push(runNode(f.text, run.characterSpacing, font));
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

function runNode(text: string, characterSpacing: number, font: string | undefined): object {
  return {
    text,
    characterSpacing,
    // See pdfmake-env: measured with the spacing after the last character, as the composer places it.
    spacingAfterLast: true,
    fontFeatures: pdfFontFeatures(),
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
    ...(font ? { font } : {}),
  };
}
