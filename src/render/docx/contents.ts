import { Bookmark, LeaderType, PageReference, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild, type PageNumberEstimator } from 'docx';
import type { Block, ContentsEntryBlock, Doc } from '../../ir/index.js';
import { runs } from './runs.js';
import { twips } from './units.js';

/**
 * A contents entry as Word writes one: the entry's text, a tab to a right tab stop at the right
 * edge of the text block with a dot leader, and a PAGEREF field (`\h`, a link) to the bookmark on
 * the block it names. The first-line and hanging indents are the style's, as in the PDF. The
 * field's result is the page the PDF prints (see `pageNumbersOf`), and Word's "update field"
 * works it out again after an edit.
 */
export function contentsEntryToDocx(doc: Doc, block: ContentsEntryBlock, textWidthPt: number): Paragraph {
  const style = doc.styles[block.style]!;
  return new Paragraph({
    style: style.id,
    // No right indent: LibreOffice (7.4, Word 2013 mode) drops text set at a tab stop beyond the
    // right indent, and the number with it. Word and LibreOffice then wrap a long entry at the
    // margin, where the PDF keeps room for the number: its left and hanging indents are the same.
    ...(style.indentRight ? { indent: { right: 0 } } : {}),
    tabStops: [{ type: TabStopType.RIGHT, position: twips(textWidthPt), leader: LeaderType.MIDDLE_DOT }],
    children: [...runs(block.inlines), new TextRun({ children: [new Tab()] }), new PageReference(bookmarkName(doc, block.target), { hyperlink: true })],
  });
}

/** A paragraph's children, inside a bookmark when the block has an id (an article's title). */
export function bookmarked(doc: Doc, id: string | undefined, children: ParagraphChild[]): ParagraphChild[] {
  return id === undefined ? children : [new Bookmark({ id: bookmarkName(doc, id), children })];
}

/**
 * The results of the document's PAGEREF fields: the page each bookmark's block starts on, from
 * `pages` (by the block's id), given to the docx library as its page-number estimator, so the
 * fields are written with those numbers rather than left for Word to fill in on opening.
 */
export function pageNumbersOf(doc: Doc, pages: ReadonlyMap<string, number>): PageNumberEstimator {
  const bookmarks = new Map<string, string>();
  for (const [id, page] of pages) if (namesOf(doc).has(id)) bookmarks.set(bookmarkName(doc, id), String(page));
  return () => ({ bookmarks, bookmarkPageNumbers: new Map([...bookmarks].map(([name, page]) => [name, Number(page)])) });
}

/** Whether the document has contents entries, whose fields need page numbers. */
export function hasPageReferences(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.kind === 'contentsEntry' || ((b.kind === 'contents' || b.kind === 'foot') && hasPageReferences(b.blocks)));
}

/**
 * Word's name of the bookmark of a block id: `_Ref_` and the id with `-` as `_` (Word's names
 * hold letters, digits and `_`; a leading `_` hides them from the Bookmark dialog, as Word's own
 * cross-reference bookmarks are), or `_Ref` and its place in the document when that name would be
 * taken or longer than Word's 40 characters.
 */
export function bookmarkName(doc: Doc, id: string): string {
  return namesOf(doc).get(id) ?? `_Ref_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

const names = new WeakMap<Doc, Map<string, string>>();

function namesOf(doc: Doc): Map<string, string> {
  let byId = names.get(doc);
  if (byId) return byId;
  byId = new Map();
  const taken = new Set<string>();
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if ((b.kind === 'paragraph' || b.kind === 'heading') && b.id !== undefined && !byId!.has(b.id)) {
        let name = `_Ref_${b.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
        if (name.length > 40 || taken.has(name)) name = `_Ref${byId!.size + 1}`;
        taken.add(name);
        byId!.set(b.id, name);
      } else if (b.kind === 'foot' || b.kind === 'contents') visit(b.blocks);
    }
  };
  visit(doc.blocks);
  names.set(doc, byId);
  return byId;
}

/**
 * Numbers the bookmarks of a document part 0, 1, 2… in order. The docx library counts bookmark
 * ids across every document of the process, so the same document would get other ids (and other
 * bytes) after another one; a start and its end keep sharing their number.
 */
export function renumberBookmarks(xml: string): string {
  if (!xml.includes('<w:bookmarkStart')) return xml;
  const ids = new Map<string, number>();
  return xml.replace(/<w:bookmark(Start|End)\b([^>]*?)\bw:id="([^"]*)"/g, (_, kind: string, before: string, id: string) => {
    let n = ids.get(id);
    if (n === undefined) ids.set(id, (n = ids.size));
    return `<w:bookmark${kind}${before}w:id="${n}"`;
  });
}
