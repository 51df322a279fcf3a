import { assertNever, inlineText, type Block, type Doc, type Style } from '../../ir/index.js';
import { gridFill, paragraphContent } from './paragraph.js';
import { footToPdf, ruleCanvas } from './foot.js';
import { imageContent } from './image.js';
import { splitLineContent } from './split-line.js';
import { tableContent } from './table.js';
import { contentsEntryContent, contentsToPdf, withAnchor } from './contents.js';

/** Converts IR blocks to pdfmake content; every block kind is handled (the switch is exhaustive). */
export function blocksToPdf(doc: Doc, blocks: readonly Block[], textWidth: number): object[] {
  const out: object[] = [];
  const kept = new WeakSet<object>();
  const keptWithNext = (style: Style, content: object): object => {
    if (style.keepWithNext) kept.add(content);
    return content;
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        const style = doc.styles[block.style]!;
        out.push(keptWithNext(style, withAnchor(paragraphContent(doc, style, block.inlines, block.lines), block.id)));
        break;
      }
      case 'heading': {
        const style = doc.styles[block.style]!;
        const inlines = block.number ? [{ kind: 'text' as const, text: block.number }, ...block.inlines] : block.inlines;
        const content = withAnchor(paragraphContent(doc, style, inlines), block.id) as { stack: Record<string, unknown>[] };
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
        out.push(...footToPdf(doc, block, textWidth, (inner) => blocksToPdf(doc, inner, textWidth)));
        break;
      }
      case 'pageBreak': {
        out.push({ text: '', pageBreak: 'after' });
        break;
      }
      case 'contents': {
        out.push(...contentsToPdf(block, (inner) => blocksToPdf(doc, inner, textWidth)));
        break;
      }
      case 'contentsEntry': {
        out.push(contentsEntryContent(doc, block, textWidth));
        break;
      }
      default:
        assertNever(block, 'block');
    }
  }
  return withKeptBlocks(out, kept);
}

/** Lines a kept group may hold: at the largest pitch (a 1.5-line title) well under a 22-line page. */
const MAX_KEPT_LINES = 10;

/** Lines (leaf nodes) in pdfmake content. */
function lineCount(nodes: readonly unknown[]): number {
  let n = 0;
  for (const node of nodes) {
    const stack = (node as { stack?: unknown[] } | undefined)?.stack;
    n += Array.isArray(stack) ? lineCount(stack) : 1;
  }
  return n;
}

/**
 * Keep with next: a block whose style says so (headings; an issue's column, title, subtitle and
 * author) never ends a page apart from what follows. It goes into one unbreakable block with the
 * kept blocks after it and the first line of the block they head (all of it when it is one
 * line, a rule or a split line), and pdfmake moves such a block whole to the next page when it
 * does not fit, in the same layout pass. (pdfmake's pageBreakBefore lays the whole document
 * out again for each break it asks for: 14 s instead of 1.7 s for a 300-page bulletin.)
 */
function withKeptBlocks(out: readonly object[], kept: WeakSet<object>): object[] {
  const result: object[] = [];
  for (let i = 0; i < out.length; ) {
    if (!kept.has(out[i]!)) {
      result.push(out[i++]!);
      continue;
    }
    const group: object[] = [];
    while (i < out.length && kept.has(out[i]!)) group.push(out[i++]!);
    const next = i < out.length ? firstLineOf(out[i]!) : undefined;
    // Nothing that can join them (the end, a figure, a table), or a group too tall to be sure it
    // fits a page (pdfmake keeps only the first page of an unbreakable block): set as they are.
    if (!next || lineCount([...group, next.head]) > MAX_KEPT_LINES) {
      result.push(...group);
      continue;
    }
    result.push({ stack: [...group, next.head], unbreakable: true });
    if (next.rest) result.push(next.rest);
    i++;
  }
  return result;

  /**
   * A block cut after its first line: a stack of lines (a paragraph, a list) splits, a rule or a
   * split line joins whole. A figure or a table does not join: it may be nearly a page tall.
   */
  function firstLineOf(node: object): { head: object; rest?: object } | undefined {
    const n = node as { stack?: unknown[]; margin?: number[]; unbreakable?: boolean; columns?: unknown; canvas?: unknown };
    if (n.unbreakable) return undefined;
    if (n.canvas || n.columns) return { head: node };
    if (!Array.isArray(n.stack) || n.stack.length === 0) return undefined;
    if (n.stack.length === 1) return { head: node };
    const [left = 0, top = 0, right = 0, bottom = 0] = n.margin ?? [];
    const nested = firstLineOf(n.stack[0] as object);
    // A list's first item is itself a stack of lines: its first line is what joins.
    if (nested?.rest && typeof n.stack[0] === 'object') {
      return { head: { ...n, stack: [nested.head], margin: [left, top, right, 0] }, rest: { ...n, stack: [nested.rest, ...n.stack.slice(1)], margin: [left, 0, right, bottom] } };
    }
    return { head: { ...n, stack: [n.stack[0]], margin: [left, top, right, 0] }, rest: { ...n, stack: n.stack.slice(1), margin: [left, 0, right, bottom] } };
  }
}
