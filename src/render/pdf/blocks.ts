import { assertNever, inlineText, type Block, type Doc, type Style } from '../../ir/index.js';
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
        const style = doc.styles[block.style]!;
        out.push(keptWithNext(style, paragraphContent(doc, style, block.inlines, block.lines)));
        break;
      }
      case 'heading': {
        const style = doc.styles[block.style]!;
        const inlines = block.number ? [{ kind: 'text' as const, text: block.number }, ...block.inlines] : block.inlines;
        const content = paragraphContent(doc, style, inlines) as { stack: Record<string, unknown>[] };
        // The bookmark goes on the first line.
        Object.assign(content.stack[0] ?? {}, { outline: true, outlineText: inlineText(inlines) });
        out.push(keptWithNext(style, content));
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

/**
 * A block of a keep-with-next style, marked for the page-break rule in render-pdf.ts: pdfmake
 * passes that rule `headlineLevel` (and no field of its own choosing), which carries the number
 * of the block's lines.
 */
function keptWithNext(style: Style, content: object): object {
  const lines = (content as { stack?: unknown[] }).stack?.length ?? 0;
  return style.keepWithNext && lines > 0 ? { ...content, headlineLevel: lines } : content;
}
