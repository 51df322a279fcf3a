import type { Article, Block } from '../content/index.js';
import { formatPos } from '../diagnostics/index.js';

/**
 * What a template sees of an article: plain data, positions as `file:line:col` strings,
 * and each section's ordinal among its sibling sections so the template can number it.
 */
export interface ArticleView {
  slug: string;
  title: string;
  titleLines?: string[];
  kicker?: string;
  subtitle?: string;
  column?: string;
  date: string;
  source?: string;
  author?: string;
  editorNote?: string;
  /** 附件说明, each attachment with its number (`1.`), none when there is only one. */
  attachments?: { number: string; name: string }[];
  at: string;
  fieldAt: Record<string, string>;
  body: BlockView[];
}

export type BlockView =
  | { kind: 'paragraph'; text: string; at: string }
  | { kind: 'section'; heading: string; level: number; n: number; at: string; body: BlockView[] }
  | { kind: 'table'; caption?: string; header?: string[]; rows: string[][]; at: string }
  | { kind: 'image'; path: string; caption?: string; width?: number; at: string }
  | { kind: 'list'; ordered: boolean; items: string[]; at: string };

export function articleView(a: Article): ArticleView {
  const fieldAt: Record<string, string> = {};
  for (const [k, p] of Object.entries(a.fieldPos)) if (p) fieldAt[k] = formatPos(p);
  const view: ArticleView = { slug: a.slug, title: a.title, date: a.date, at: formatPos(a.pos), fieldAt, body: blocksView(a.body) };
  for (const key of ['titleLines', 'kicker', 'subtitle', 'column', 'source', 'author', 'editorNote'] as const) {
    if (a[key] !== undefined) (view as unknown as Record<string, unknown>)[key] = a[key];
  }
  if (a.attachments) {
    // GB/T 9704 numbers attachments only when there are several: 附件：1.… / 2.….
    const several = a.attachments.length > 1;
    view.attachments = a.attachments.map((name, i) => ({ number: several ? `${i + 1}.` : '', name }));
  }
  return view;
}

function blocksView(blocks: Block[]): BlockView[] {
  let sections = 0;
  return blocks.map((b): BlockView => {
    const at = formatPos(b.pos);
    switch (b.kind) {
      case 'paragraph':
        return { kind: 'paragraph', text: b.text, at };
      case 'section':
        return { kind: 'section', heading: b.heading, level: b.level, n: ++sections, at, body: blocksView(b.body) };
      case 'table': {
        const t: BlockView = { kind: 'table', rows: b.rows, at };
        if (b.caption !== undefined) t.caption = b.caption;
        if (b.header !== undefined) t.header = b.header;
        return t;
      }
      case 'image': {
        const i: BlockView = { kind: 'image', path: b.path, at };
        if (b.caption !== undefined) i.caption = b.caption;
        if (b.width !== undefined) i.width = b.width;
        return i;
      }
      case 'list':
        return { kind: 'list', ordered: b.ordered, items: b.items, at };
    }
  });
}
