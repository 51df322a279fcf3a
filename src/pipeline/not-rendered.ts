import type { Block as ContentBlock } from '../content/index.js';
import { diag, formatPos, type Diagnostic } from '../diagnostics/index.js';
import { inlineText, type Block, type Doc, type Inline } from '../ir/index.js';

/** Whitespace is layout, not content: templates indent, the markup parser folds it. */
const squash = (s: string): string => s.replace(/\s+/gu, '');

/**
 * Every content block, and every text in it (a paragraph, a heading, each table cell and the
 * caption, each list item), must reach the document: an IR block at the block's YAML position
 * holding each of its texts. A layout whose template does not handle a block kind, or drops the
 * cells of a table, would otherwise lose content without a word; this is pandoc's
 * `BlockNotRendered`, as `error[not-rendered]` at the YAML position.
 */
export function notRendered(content: readonly ContentBlock[], doc: Doc, layout: string): Diagnostic[] {
  const rendered = new Map<string, string>();
  const collect = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'foot' || b.kind === 'contents') collect(b.blocks);
      if (!b.at) continue;
      const key = formatPos(b.at);
      rendered.set(key, (rendered.get(key) ?? '') + squash(irText(b)));
    }
  };
  collect(doc.blocks);

  const out: Diagnostic[] = [];
  const check = (blocks: readonly ContentBlock[]) => {
    for (const b of blocks) {
      const text = rendered.get(formatPos(b.pos));
      const texts = contentTexts(b).map(squash).filter(Boolean);
      if (text === undefined) {
        out.push(
          diag('error', 'not-rendered', `the layout \`${layout}\` renders nothing of this ${describe(b)}`, b.pos, [
            `its template must handle every kind of block (paragraph, section, table, image, list): see templates/partials/blocks.hbs`,
          ]),
        );
      } else {
        const lost = texts.find((t) => !text.includes(t));
        if (lost !== undefined) out.push(diag('error', 'not-rendered', `the layout \`${layout}\` drops text of this ${describe(b)}: '${[...lost].slice(0, 12).join('')}${[...lost].length > 12 ? '…' : ''}'`, b.pos));
      }
      if (b.kind === 'section') check(b.body);
    }
  };
  check(content);
  return out;
}

function describe(b: ContentBlock): string {
  return b.kind === 'section' ? 'section heading' : b.kind;
}

/** The texts of a content block that a reader must find in the output (a section's own heading; its body is checked block by block). */
function contentTexts(b: ContentBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text];
    case 'section':
      return [b.heading];
    case 'table':
      return [...(b.caption !== undefined ? [b.caption] : []), ...(b.header ?? []), ...b.rows.flat()];
    case 'image':
      return b.caption !== undefined ? [b.caption] : [];
    case 'list':
      return b.items;
  }
}

/** All the text of an IR block (a foot's and a contents list's blocks are collected on their own). */
function irText(b: Block): string {
  const all = (list: readonly (readonly Inline[])[]) => list.map(inlineText).join('');
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
    case 'contentsEntry':
      return inlineText(b.inlines);
    case 'table':
      return all([...(b.caption ? [b.caption] : []), ...(b.header ?? []), ...b.rows.flat()]);
    case 'image':
      return b.caption ? inlineText(b.caption) : '';
    case 'list':
      return all(b.items);
    case 'splitLine':
      return all([b.left, b.right]);
    case 'rule':
    case 'foot':
    case 'contents':
    case 'pageBreak':
      return '';
  }
}
