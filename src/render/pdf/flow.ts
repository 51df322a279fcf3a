import type { Style } from '../../ir/index.js';
import type { Break, FlowBlock } from './paginate.js';

/** A block of the flow that also draws itself: the pdfmake nodes of units [from, to). */
export interface DrawnBlock extends FlowBlock {
  /** `shrunk`: the height a shrinkable block was given to end its page (see FlowBlock.shrinkTo). */
  draw(from: number, to: number, opensPage: boolean, shrunk?: number): object[];
}

/**
 * A block of lines each `lineHeight` tall (a paragraph, a heading, a list item): a page may end
 * between any two lines of text, but not inside a title or a heading (a balanced or kept style).
 */
export function linesBlock(style: Style, lines: readonly object[]): DrawnBlock {
  const whole = style.balance || style.keepWithNext;
  return {
    units: lines.length,
    height: (from, to) => (to - from) * style.lineHeight,
    breakBefore: (): Break => (whole ? 'never' : 'allow'),
    spaceBefore: style.spaceBefore,
    spaceAfter: style.spaceAfter,
    keepWithNext: style.keepWithNext,
    draw: (from, to) => lines.slice(from, to),
  };
}

/** A block drawn whole, `height` tall: a rule, a split line, a figure. */
export function atomBlock(height: number, node: object, space: { before: number; after: number } = { before: 0, after: 0 }): DrawnBlock {
  return {
    units: 1,
    height: () => height,
    breakBefore: (): Break => 'never',
    spaceBefore: space.before,
    spaceAfter: space.after,
    keepWithNext: false,
    draw: () => [node],
  };
}
