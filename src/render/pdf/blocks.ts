import { assertNever, inlineText, type Block, type Doc } from '../../ir/index.js';
import { composedLines } from './paragraph.js';
import { footFlow, ruleCanvas } from './foot.js';
import { imageFlow } from './image.js';
import { splitLineFlow } from './split-line.js';
import { tableFlow } from './table.js';
import { atomBlock, linesBlock, type DrawnBlock } from './flow.js';
import { paginate } from './paginate.js';
import { contentsEntryFlow, withAnchor } from './contents.js';

/**
 * The IR's blocks as pdfmake content, already paginated: each block becomes a block of the
 * flow (its break units, their exact heights and where a page may end among them), the flow is
 * laid out on pages by `paginate`, and each page's pieces are written with their exact places.
 * Every page but the first opens with `pageBreak: 'before'`, and each piece fits its page, so
 * pdfmake only draws: it never has to break a page itself. `pages` is the page count planned.
 */
export function blocksToPdf(doc: Doc, blocks: readonly Block[], textWidth: number): { content: object[]; pages: number } {
  const flow = flowBlocks(doc, blocks, textWidth);
  const { height, margins, linePitch, charPitch } = doc.page;
  const pages = paginate(flow, { height: height - margins.top - margins.bottom, pitch: linePitch, grid: charPitch !== undefined, rules: doc.flow });
  const content: object[] = [];
  pages.forEach((page, p) => {
    let cursor = 0;
    page.forEach((piece, i) => {
      const nodes = flow[piece.block]!.draw(piece.from, piece.to, piece.opensPage, piece.shrunk);
      content.push({ stack: nodes, margin: [0, piece.top - cursor, 0, 0], ...(i === 0 && p > 0 ? { pageBreak: 'before' } : {}) });
      cursor = piece.top + piece.height;
    });
  });
  return { content, pages: pages.length };
}

/** Converts IR blocks to blocks of the flow; every block kind is handled (the switch is exhaustive). */
function flowBlocks(doc: Doc, blocks: readonly Block[], textWidth: number): DrawnBlock[] {
  const out: DrawnBlock[] = [];
  let newPage = false;
  const push = (block: DrawnBlock) => {
    if (newPage && block.units > 0) {
      block.newPage = true;
      newPage = false;
    }
    out.push(block);
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        const style = doc.styles[block.style]!;
        push(linesBlock(style, withAnchor(composedLines(doc, style, block.inlines, textWidth, block.lines), block.id)));
        break;
      }
      case 'heading': {
        const style = doc.styles[block.style]!;
        const inlines = block.number ? [{ kind: 'text' as const, text: block.number }, ...block.inlines] : block.inlines;
        const lines = withAnchor(composedLines(doc, style, inlines, textWidth), block.id);
        // The bookmark goes on the first line.
        Object.assign(lines[0] ?? {}, { outline: true, outlineText: inlineText(inlines) });
        push(linesBlock(style, lines));
        break;
      }
      case 'table':
        push(tableFlow(doc, block, textWidth));
        break;
      case 'image':
        push(imageFlow(doc, block, textWidth));
        break;
      case 'list': {
        const style = doc.styles[block.style]!;
        block.items.forEach((item, i) => push(linesBlock(style, composedLines(doc, style, [{ kind: 'text', text: block.ordered ? `${i + 1}. ` : '• ' }, ...item], textWidth))));
        break;
      }
      case 'rule':
        // A rule closes what is above it (a masthead, a contents list): it never opens a page.
        push({ ...atomBlock(block.weight, ruleCanvas(block.color, block.weight, textWidth, 0, 0), { before: block.spaceBefore, after: block.spaceAfter }), keepWithPrevious: true });
        break;
      case 'splitLine':
        push(splitLineFlow(doc, block, textWidth));
        break;
      case 'foot': {
        const foot = footFlow(doc, block, textWidth);
        if (foot) push(foot);
        else for (const b of flowBlocks(doc, block.blocks, textWidth)) push(b);
        break;
      }
      case 'pageBreak':
        newPage = out.length > 0;
        break;
      case 'contents':
        // Its heading and column labels are kept with the entry after them (keepWithNext), each
        // entry is whole, and its closing rule never opens a page: between entries the list
        // breaks like any text.
        for (const b of flowBlocks(doc, block.blocks, textWidth)) push(b);
        break;
      case 'contentsEntry':
        push(contentsEntryFlow(doc, block, textWidth));
        break;
      default:
        assertNever(block, 'block');
    }
  }
  return out;
}
