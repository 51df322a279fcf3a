import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunOptions } from 'docx';
import { styleByRole as roleStyle, type Doc, type Style } from '../../ir/index.js';
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
export function paragraphStyles(doc: Doc): IParagraphStyleOptions[] {
  return [...Object.values(doc.styles).map((s) => paragraphStyle(doc, s)), ...wordOnlyStyles(doc)];
}

/** Style id of a paragraph that holds a picture (图片): centred, its line as tall as the picture. */
export const PICTURE_STYLE = 'Picture';
/** Style id of a table's header cells (表头): the cell style, bold and centred. */
export const TABLE_HEADING_STYLE = 'TableHeading';

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

function paragraphStyle(doc: Doc, s: Style): IParagraphStyleOptions {
  const firstLine = {
    ...(s.indent ? { firstLineChars: Math.round(s.indent * 100), firstLine: twips(s.indent * s.size) } : {}),
    ...(s.indentRight ? { rightChars: Math.round(s.indentRight * 100), right: twips(s.indentRight * s.size) } : {}),
    ...(s.indentLeft ? { left: twips(s.indentLeft * s.size) } : {}),
  };
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
      bold: s.bold,
      color: hex(s.color),
      language: { value: 'en-US', eastAsia: 'zh-CN' },
    },
    paragraph: {
      alignment: ALIGN[s.align],
      indent: firstLine,
      spacing: { line: twips(s.lineHeight), lineRule: LineRuleType.EXACT, before: twips(s.spaceBefore), after: twips(s.spaceAfter) },
      keepNext: s.keepWithNext,
      ...(s.outlineLevel ? { outlineLevel: s.outlineLevel - 1 } : {}),
    },
  };
}
