import {
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { endBlockLabel, inlineText, type Block, type Doc, type FootBlock, type RuleBlock } from '../../ir/index.js';
import { runs } from './runs.js';
import { hex, twips } from './units.js';

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/**
 * The foot block (版记 / 报尾) as a floating table anchored to the bottom of the text area: its
 * top and bottom borders are the two rules, each line a row. Word and LibreOffice place a floating
 * table on the page of the paragraph that anchors it (the last of the document), flush with the
 * bottom margin, and wrap the text above around it; so the end block stays at the foot of the last
 * page however the text is edited, and moves on with its anchor when the last page fills up.
 *
 * Not a framed paragraph (framePr): LibreOffice 7.4 drops the frame of a framed paragraph that has
 * a border, and the rules are borders. A foot holding anything but paragraphs, split lines and
 * rules is written in the flow instead, by the block converter the caller passes in (blocks.ts,
 * which calls this: no import cycle).
 */
export function footToDocx(doc: Doc, block: FootBlock, textWidthPt: number, blocksToDocx: (blocks: readonly Block[]) => (Paragraph | Table)[]): (Paragraph | Table)[] {
  if (block.blocks.some((b) => b.kind !== 'rule' && b.kind !== 'paragraph' && b.kind !== 'splitLine')) return blocksToDocx(block.blocks);
  const rules = block.blocks.filter((b): b is RuleBlock => b.kind === 'rule');
  const first = block.blocks[0]?.kind === 'rule' ? (block.blocks[0] as RuleBlock) : undefined;
  const last = block.blocks.length > 1 && block.blocks[block.blocks.length - 1]?.kind === 'rule' ? (block.blocks[block.blocks.length - 1] as RuleBlock) : undefined;
  const border = (b: RuleBlock | undefined): IBorderOptions => (b ? { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(b.weight * 8)), color: hex(b.color) } : NONE);
  const width = twips(textWidthPt);

  const rows: TableRow[] = [];
  for (const b of block.blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'splitLine') continue;
    const style = doc.styles[b.style]!;
    const paragraph =
      b.kind === 'paragraph'
        ? new Paragraph({ style: style.id, indent: hanging(inlineText(b.inlines), style.size), children: runs(b.inlines) })
        : new Paragraph({
            style: style.id,
            indent: hanging(inlineText(b.left), style.size),
            tabStops: [{ type: TabStopType.RIGHT, position: width }],
            children: [...runs(b.left), new TextRun('\t'), ...runs(b.right)],
          });
    rows.push(new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: [paragraph] })] }));
  }
  const gapBefore = first ? first.spaceAfter : 0;
  const gapAfter = last ? last.spaceBefore : 0;
  const table = new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { top: twips(gapBefore), bottom: twips(gapAfter), left: 0, right: 0 },
    borders: { top: border(first), bottom: border(last ?? (rules.length > 1 ? rules[rules.length - 1] : undefined)), left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    float: {
      // From the page edge, not the margin: LibreOffice keeps a table as wide as the text in the
      // flow unless its position is relative to the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: twips(doc.page.margins.left),
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
  });
  // The table's anchor: a floating table belongs to the paragraph after it, and a document must
  // end with a paragraph anyway. It is 1 pt high, so it never pushes a page of its own.
  return [table, new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [] })];
}

/** Continuation lines of `报：…` hang after the label, one full-width character per label character. */
function hanging(text: string, size: number): { left: number; hanging: number } | undefined {
  const label = endBlockLabel(text);
  if (!label) return undefined;
  const width = twips([...label].length * size);
  return { left: width, hanging: width };
}
