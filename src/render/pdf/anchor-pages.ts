// First, as in pdfmake-env: the pdfmake internals src/patches/pdfmake.ts imports load pdfkit, which
// must find the shared fontkit (fonts parsed once, subsets without hinting) already there.
import '../../fonts/pdfkit-fontkit.js';
import crypto from 'node:crypto';
import type { Doc } from '../../ir/index.js';
import { anchoredPage } from '../../patches/pdfmake.js';

/**
 * The pages of the blocks with an id (an issue's article titles), as the PDF lays them out: the
 * DOCX writes them into its PAGEREF fields. Each PDF written in this process leaves its pages
 * here, by the document's content, so a DOCX of the same document rendered after it in the same
 * thread needs no second layout.
 */
const remembered = new Map<string, ReadonlyMap<string, number>>();
const KEPT = 8;

/** The content nodes that carry an id (the first line of each anchored block), by id. */
export function anchoredNodes(content: unknown): Map<string, object> {
  const out = new Map<string, object>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const n = node as Record<string, unknown>;
    if (typeof n.id === 'string' && !out.has(n.id)) out.set(n.id, n);
    for (const key of ['stack', 'columns', 'text']) if (Array.isArray(n[key])) visit(n[key], depth + 1);
    const table = n.table as { body?: unknown } | undefined;
    if (table?.body) visit(table.body, depth + 1);
  };
  visit(content, 0);
  return out;
}

/** After pdfmake has laid the document out: where each anchored node went. */
export function rememberAnchorPages(doc: Doc, nodes: ReadonlyMap<string, object>): void {
  if (nodes.size === 0) return;
  const pages = new Map([...nodes].map(([id, node]) => [id, anchoredPage(node)]));
  const key = keyOf(doc);
  remembered.delete(key);
  remembered.set(key, pages);
  while (remembered.size > KEPT) remembered.delete(remembered.keys().next().value!);
}

/** The pages a PDF of this document laid its anchors on, if one was written in this thread. */
export function rememberedAnchorPages(doc: Doc): ReadonlyMap<string, number> | undefined {
  return remembered.get(keyOf(doc));
}

function keyOf(doc: Doc): string {
  return crypto.createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}
