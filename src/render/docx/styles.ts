import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunOptions } from 'docx';
import type { Doc, Style } from '../../ir/index.js';
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
  return { ascii: face.docxAscii, hAnsi: face.docxAscii, eastAsia: face.docxEastAsia, hint: 'eastAsia' };
}

/**
 * IR styles as Word paragraph styles. Title and Heading1…4 keep Word's built-in ids so the
 * navigation pane lists sections; the rest get their own ids and names. Formatting lives in
 * the styles, not on runs, so an editor can restyle the document.
 */
export function paragraphStyles(doc: Doc): IParagraphStyleOptions[] {
  return Object.values(doc.styles).map((s) => paragraphStyle(doc, s));
}

function paragraphStyle(doc: Doc, s: Style): IParagraphStyleOptions {
  const firstLine = {
    ...(s.indent ? { firstLineChars: Math.round(s.indent * 100), firstLine: twips(s.indent * s.size) } : {}),
    ...(s.indentRight ? { rightChars: Math.round(s.indentRight * 100), right: twips(s.indentRight * s.size) } : {}),
  };
  return {
    id: s.id,
    name: s.name,
    basedOn: s.id === 'Normal' ? undefined : 'Normal',
    next: s.outlineLevel ? 'BodyText' : s.id,
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
