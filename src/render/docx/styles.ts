import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunOptions } from 'docx';
import { styleByRole as roleStyle, type Doc, type Style } from '../../ir/index.js';
import { condensing, lineTwips, verticalTwips, type WordGrid } from './grid.js';
import { halfPoints, hex, twips } from './units.js';

const ALIGN = {
  justify: AlignmentType.BOTH,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** East Asian and Latin font names of a role, as Word users have them installed. */
export function runFont(doc: Doc, role: string): IRunOptions['font'] {
  const face = doc.fonts[role]!;
  return { ascii: face.latin, hAnsi: face.latin, eastAsia: face.names[0]!, hint: 'eastAsia' };
}

/**
 * IR styles as Word paragraph styles. Title and Heading1…4 keep Word's built-in ids so the
 * navigation pane lists sections; the rest get their own ids and names. Formatting lives in
 * the styles, not on runs, so an editor can restyle the document.
 */
export function paragraphStyles(doc: Doc, grid: WordGrid | undefined): IParagraphStyleOptions[] {
  return [normalStyle(doc), ...Object.values(doc.styles).map((s) => paragraphStyle(doc, s, grid)), ...wordOnlyStyles(doc)];
}

/** Style id of a paragraph that holds a picture (图片): centred, its line as tall as the picture. */
export const PICTURE_STYLE = 'Picture';
/** Style id of a table's header cells (表头): the cell style, bold and centred. */
export const TABLE_HEADING_STYLE = 'TableHeading';

/**
 * Normal, which every style is based on, at the body's size: Word counts the character grid's
 * cells against the Normal font size (ECMA-376 §17.6.5 charSpace), and LibreOffice reads that
 * size from Normal itself, not from the document defaults (without it, 12 pt cells: a 16 pt
 * character took two of them and a line held 18).
 */
function normalStyle(doc: Doc): IParagraphStyleOptions {
  const body = roleStyle(doc, 'body') ?? Object.values(doc.styles)[0]!;
  return {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: runFont(doc, body.font), size: halfPoints(body.size), sizeComplexScript: halfPoints(body.size), language: { value: 'en-US', eastAsia: 'zh-CN' } },
  };
}

/**
 * Paragraphs the theme has no style for, named so that no paragraph of a draft is direct
 * formatting: the picture's own paragraph, and header cells. A picture's line must not have an
 * exact height (Word and LibreOffice would cut the picture to it), so Picture keeps single spacing.
 */
function wordOnlyStyles(doc: Doc): IParagraphStyleOptions[] {
  const out: IParagraphStyleOptions[] = [
    {
      id: PICTURE_STYLE,
      name: '图片',
      basedOn: 'Normal',
      next: roleStyle(doc, 'caption')?.id ?? PICTURE_STYLE,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true },
    },
  ];
  const cell = roleStyle(doc, 'tableText');
  if (cell) {
    out.push({
      id: TABLE_HEADING_STYLE,
      name: '表头',
      basedOn: cell.id,
      next: cell.id,
      quickFormat: true,
      run: { bold: true },
      paragraph: { alignment: AlignmentType.CENTER },
    });
  }
  return out.filter((s) => !Object.values(doc.styles).some((t) => t.id === s.id));
}

function paragraphStyle(doc: Doc, s: Style, grid: WordGrid | undefined): IParagraphStyleOptions {
  // On the character grid a character is one cell wide, so indents in characters are cells.
  const em = s.grid && grid?.chars ? (doc.page.width - doc.page.margins.left - doc.page.margins.right) / grid.chars : s.size;
  // A hanging indent (a contents entry): the first line at `indent`, the lines after it `hanging` further in.
  const hanging = s.hanging ? { left: twips((s.indent + s.hanging) * em), hanging: twips(s.hanging * em) } : undefined;
  const firstLine = {
    ...(hanging ?? (s.indent ? { firstLineChars: Math.round(s.indent * 100), firstLine: twips(s.indent * em) } : {})),
    ...(s.indentRight ? { rightChars: Math.round(s.indentRight * 100), right: twips(s.indentRight * em) } : {}),
    ...(s.indentLeft && !hanging ? { left: twips(s.indentLeft * em) } : {}),
  };
  const vertical = (pt: number) => verticalTwips(grid, pt);
  const tight = s.grid ? condensing(grid, s.size) : 0;
  return {
    id: s.id,
    name: s.name,
    basedOn: s.id === 'Normal' ? undefined : 'Normal',
    next: s.outlineLevel ? (roleStyle(doc, 'body')?.id ?? s.id) : s.id,
    quickFormat: true,
    run: {
      font: runFont(doc, s.font),
      size: halfPoints(s.size),
      sizeComplexScript: halfPoints(s.size),
      // Bold on the style: where the office face has no bold (仿宋_GB2312), Word and WPS embolden it.
      bold: s.bold,
      boldComplexScript: s.bold,
      color: hex(s.color),
      ...(tight ? { characterSpacing: -tight } : {}),
      language: { value: 'en-US', eastAsia: 'zh-CN' },
    },
    paragraph: {
      alignment: ALIGN[s.align],
      indent: firstLine,
      spacing: { line: lineTwips(grid, s.lineHeight), lineRule: LineRuleType.EXACT, before: vertical(s.spaceBefore), after: vertical(s.spaceAfter) },
      keepNext: s.keepWithNext,
      ...(s.outlineLevel ? { outlineLevel: s.outlineLevel - 1 } : {}),
    },
  };
}
