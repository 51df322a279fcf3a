import fs from 'node:fs';
import { imageSize } from 'image-size';
import {
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { assertNever, styleOfRole, type Block, type Doc, type Inline } from '../../ir/index.js';
import { verticalTwips, wordGrid } from './grid.js';
import { hex } from './units.js';
import { PICTURE_STYLE, TABLE_HEADING_STYLE } from './styles.js';
import { footToDocx } from './foot.js';
import { runs } from './runs.js';
import { figureSize } from '../../images/figure-size.js';
import { bookmarked, contentsEntryToDocx } from './contents.js';

/** Converts IR blocks to docx paragraphs and tables; every kind is handled (exhaustive switch). */
export function blocksToDocx(doc: Doc, blocks: readonly Block[], textWidthPt: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const styleId = (name: string) => doc.styles[name]!.id;
  const caption = styleOfRole(doc, 'caption');
  const tableText = styleOfRole(doc, 'tableText');
  const grid = wordGrid(doc);
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        const children = block.lines ? block.lines.flatMap((l, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), new TextRun(l)]) : runs(block.inlines);
        out.push(new Paragraph({ style: styleId(block.style), children: bookmarked(doc, block.id, children) }));
        break;
      }
      case 'heading': {
        const number = block.number ? [new TextRun(block.number)] : [];
        out.push(new Paragraph({ style: styleId(block.style), children: bookmarked(doc, block.id, [...number, ...runs(block.inlines)]) }));
        break;
      }
      case 'table': {
        if (block.caption) out.push(new Paragraph({ style: caption ? styleId(caption) : styleId(block.style), children: runs(block.caption) }));
        const cell = (c: Inline[], header: boolean) =>
          // Header cells take the TableHeading style (bold, centred) rather than direct formatting.
          new TableCell({ children: [new Paragraph({ style: header && tableText ? TABLE_HEADING_STYLE : styleId(block.style), children: runs(c) })] });
        const rows = [
          ...(block.header ? [new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((c) => cell(c, true)) })] : []),
          ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
        ];
        out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
        break;
      }
      case 'image': {
        const data = fs.readFileSync(block.path);
        const size = imageSize(data);
        const type = size.type === 'jpg' ? 'jpg' : size.type === 'gif' ? 'gif' : size.type === 'bmp' ? 'bmp' : 'png';
        // Sized as in the PDF: from the aspect ratio, no taller than the theme's share of the text block.
        const { margins, height: pageHeight } = doc.page;
        const fig = figureSize(
          { width: size.width ?? 1, height: size.height ?? 1 },
          { textWidth: textWidthPt, textHeight: pageHeight - margins.top - margins.bottom, maxHeightShare: doc.flow.figureHeight, ...(block.width !== undefined ? { width: block.width } : {}) },
        );
        const widthPx = (fig.width * 96) / 72;
        const heightPx = (fig.height * 96) / 72;
        out.push(new Paragraph({ style: PICTURE_STYLE, children: [new ImageRun({ type, data, transformation: { width: Math.round(widthPx), height: Math.round(heightPx) } })] }));
        if (block.caption) out.push(new Paragraph({ style: caption ? styleId(caption) : undefined, children: runs(block.caption) }));
        break;
      }
      case 'list': {
        block.items.forEach((item, i) => {
          const marker = new TextRun(block.ordered ? `${i + 1}. ` : '• ');
          out.push(new Paragraph({ style: styleId(block.style), children: [marker, ...runs(item)] }));
        });
        break;
      }
      case 'rule': {
        out.push(
          new Paragraph({
            spacing: { before: verticalTwips(grid, block.spaceBefore), after: verticalTwips(grid, block.spaceAfter), line: 20, lineRule: 'exact' },
            border: { bottom: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(block.weight * 8)), color: hex(block.color), space: 0 } },
            children: [],
          }),
        );
        break;
      }
      case 'splitLine': {
        out.push(
          new Paragraph({
            style: styleId(block.style),
            tabStops: [{ type: TabStopType.RIGHT, position: Math.round(textWidthPt * 20) }],
            children: [...runs(block.left), new TextRun('\t'), ...runs(block.right)],
          }),
        );
        break;
      }
      case 'foot': {
        out.push(...footToDocx(doc, block, textWidthPt, (inner) => blocksToDocx(doc, inner, textWidthPt)));
        break;
      }
      case 'pageBreak': {
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
      }
      case 'contents': {
        out.push(...blocksToDocx(doc, block.blocks, textWidthPt));
        break;
      }
      case 'contentsEntry': {
        out.push(contentsEntryToDocx(doc, block, textWidthPt));
        break;
      }
      default:
        assertNever(block, 'block');
    }
  }
  return out;
}
