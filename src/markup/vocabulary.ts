/**
 * The document markup: a small XML vocabulary that templates emit and the parser turns
 * into the IR. Each element lists its attributes; `required` ones must be present.
 */
export interface ElementSpec {
  attrs: readonly string[];
  required?: readonly string[];
  /** What may appear inside: blocks, inline text, or specific child elements. */
  content: 'blocks' | 'inline' | 'empty' | readonly string[];
}

export const BLOCK_ELEMENTS = ['p', 'heading', 'table', 'image', 'list', 'rule', 'split', 'foot', 'pagebreak', 'contents', 'entry'] as const;
export type BlockElement = (typeof BLOCK_ELEMENTS)[number];
export const INLINE_ELEMENTS = ['em', 'strong', 'br'] as const;
/** Page furniture: directly inside <doc>, each at most once; the theme's `furniture` gives its look. */
export const FURNITURE_ELEMENTS = ['pagenumber', 'header', 'watermark'] as const;
export type FurnitureElement = (typeof FURNITURE_ELEMENTS)[number];

export const VOCABULARY: Record<string, ElementSpec> = {
  doc: { attrs: ['title', 'author', 'subject', 'keywords', 'date', 'lang'], required: ['title', 'date'], content: 'blocks' },
  pagenumber: { attrs: [], content: 'empty' },
  header: { attrs: [], content: 'inline' },
  watermark: { attrs: [], content: 'inline' },
  // `id` names a block that page references (`<entry ref>`) point at: unique in the document.
  p: { attrs: ['style', 'id', 'at'], required: ['style'], content: 'inline' },
  line: { attrs: [], content: 'inline' },
  heading: { attrs: ['style', 'level', 'number', 'id', 'at'], required: ['style', 'level'], content: 'inline' },
  table: { attrs: ['style', 'at'], required: ['style'], content: ['caption', 'tr'] },
  tr: { attrs: ['header'], content: ['td'] },
  td: { attrs: [], content: 'inline' },
  caption: { attrs: [], content: 'inline' },
  image: { attrs: ['path', 'width', 'at'], required: ['path'], content: ['caption'] },
  list: { attrs: ['style', 'ordered', 'at'], required: ['style'], content: ['item'] },
  item: { attrs: [], content: 'inline' },
  rule: { attrs: ['color', 'weight', 'before', 'after'], content: 'empty' },
  split: { attrs: ['style', 'at'], required: ['style'], content: ['left', 'right'] },
  left: { attrs: [], content: 'inline' },
  right: { attrs: [], content: 'inline' },
  foot: { attrs: ['at'], content: 'blocks' },
  pagebreak: { attrs: [], content: 'empty' },
  // A contents list, directly inside <doc>: its heading and labels (<p>), entries and rules.
  contents: { attrs: ['at'], content: 'blocks' },
  // A contents entry, only inside <contents>: its text, and the page of the block whose id is `ref`.
  entry: { attrs: ['style', 'ref', 'at'], required: ['style', 'ref'], content: 'inline' },
  em: { attrs: [], content: 'inline' },
  strong: { attrs: [], content: 'inline' },
  br: { attrs: [], content: 'empty' },
};
