import type { SourcePos } from '../diagnostics/index.js';
import { styleOfRole, type Block, type Doc, type Inline, type Style } from '../ir/index.js';

/** A run of IR text with the style that sets it; `strong` may switch the style's font role. */
export interface TextPiece {
  text: string;
  style: string;
  strong: boolean;
}

/**
 * One unit a reader sees as a whole: a paragraph, a heading (with its number), a table cell,
 * a caption, a list item, one side of a split line. Its pieces, in order, are all its text.
 */
export interface TextUnit {
  kind: 'paragraph' | 'heading' | 'cell' | 'caption' | 'item' | 'split';
  at?: SourcePos;
  pieces: TextPiece[];
}

/** The text of a unit, as one string. */
export function unitText(u: TextUnit): string {
  return u.pieces.map((p) => p.text).join('');
}

/** Every text unit of a document's blocks, in reading order. Renderer decorations (list markers, page numbers) are not in it. */
export function textUnits(doc: Doc): TextUnit[] {
  const out: TextUnit[] = [];
  walk(doc, doc.blocks, out);
  return out;
}

function walk(doc: Doc, blocks: readonly Block[], out: TextUnit[]): void {
  const caption = styleOfRole(doc, 'caption');
  const captionStyle = (fallback: string) => caption ?? fallback;
  for (const b of blocks) {
    const at = b.at ? { at: b.at } : {};
    switch (b.kind) {
      case 'paragraph':
        out.push({ kind: 'paragraph', ...at, pieces: pieces(b.inlines, b.style) });
        break;
      case 'heading':
        out.push({ kind: 'heading', ...at, pieces: [...(b.number ? [{ text: b.number, style: b.style, strong: false }] : []), ...pieces(b.inlines, b.style)] });
        break;
      case 'table':
        if (b.caption) out.push({ kind: 'caption', ...at, pieces: pieces(b.caption, captionStyle(b.style)) });
        for (const row of [...(b.header ? [b.header] : []), ...b.rows]) for (const cell of row) out.push({ kind: 'cell', ...at, pieces: pieces(cell, b.style) });
        break;
      case 'image':
        if (b.caption) out.push({ kind: 'caption', ...at, pieces: pieces(b.caption, captionStyle(Object.keys(doc.styles)[0] ?? '')) });
        break;
      case 'list':
        for (const item of b.items) out.push({ kind: 'item', ...at, pieces: pieces(item, b.style) });
        break;
      case 'splitLine':
        out.push({ kind: 'split', ...at, pieces: pieces(b.left, b.style) });
        out.push({ kind: 'split', ...at, pieces: pieces(b.right, b.style) });
        break;
      case 'foot':
      case 'contents':
        walk(doc, b.blocks, out);
        break;
      case 'contentsEntry':
        // The page number is the renderer's, like a list marker: only the entry's text is the document's.
        out.push({ kind: 'paragraph', ...at, pieces: pieces(b.inlines, b.style) });
        break;
      case 'rule':
      case 'pageBreak':
        break;
      default: {
        // A new block kind: its text is not checked until it is listed here.
        const never: never = b;
        void never;
      }
    }
  }
}

function pieces(inlines: readonly Inline[], style: string): TextPiece[] {
  return inlines.flatMap((i) => (i.kind === 'text' ? [{ text: i.text, style, strong: Boolean(i.strong) }] : []));
}

/** The font role a piece is set in: the style's, or its `strongFont` for strong text. */
export function roleOf(doc: Doc, piece: TextPiece): string | undefined {
  const style: (Style & { strongFont?: string }) | undefined = doc.styles[piece.style];
  if (!style) return undefined;
  return piece.strong && style.strongFont ? style.strongFont : style.font;
}
