import { assertNever, inlineText, type Block, type Doc } from '../../ir/index.js';
import { gridFill, paragraphContent } from './paragraph.js';
import { footToPdf, ruleCanvas } from './foot.js';
import { imageContent } from './image.js';
import { splitLineContent } from './split-line.js';
import { tableContent } from './table.js';

/** Converts IR blocks to pdfmake content; every block kind is handled (the switch is exhaustive). */
export function blocksToPdf(doc: Doc, blocks: readonly Block[], textWidth: number): object[] {
  const out: object[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        out.push(paragraphContent(doc, doc.styles[block.style]!, block.inlines, block.lines));
        break;
      }
      case 'heading': {
        const style = doc.styles[block.style]!;
        const inlines = block.number ? [{ kind: 'text' as const, text: block.number }, ...block.inlines] : block.inlines;
        const content = paragraphContent(doc, style, inlines) as { stack: Record<string, unknown>[] };
        // The bookmark goes on the first line; headlineLevel lets the page-break rule keep it with what follows.
        Object.assign(content.stack[0] ?? {}, { outline: true, outlineText: inlineText(inlines) });
        out.push({ ...content, headlineLevel: block.level, keepWithNext: style.keepWithNext });
        break;
      }
      case 'table': {
        out.push(...tableContent(doc, block, textWidth));
        break;
      }
      case 'image': {
        out.push(...imageContent(doc, block, textWidth));
        break;
      }
      case 'list': {
        const style = doc.styles[block.style]!;
        const items = block.items.map((item, i) => paragraphContent(doc, style, [{ kind: 'text', text: block.ordered ? `${i + 1}. ` : '• ' }, ...item]));
        out.push({ stack: items });
        break;
      }
      case 'rule': {
        // On a grid page the rule takes whole grid lines, the space after it growing to the next
        // one, so the body below the masthead and the contents list stays on the grid.
        const fill = gridFill(doc, block.spaceBefore + block.weight + block.spaceAfter);
        out.push(ruleCanvas(block.color, block.weight, textWidth, block.spaceBefore, block.spaceAfter + fill));
        break;
      }
      case 'splitLine': {
        out.push(splitLineContent(doc, block, textWidth));
        break;
      }
      case 'foot': {
        out.push(...footToPdf(doc, block, textWidth));
        break;
      }
      case 'pageBreak': {
        out.push({ text: '', pageBreak: 'after' });
        break;
      }
      default:
        assertNever(block, 'block');
    }
  }
  return out;
}
