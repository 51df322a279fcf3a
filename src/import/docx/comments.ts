import { diag, type Diagnostic, type SourcePos } from '../../diagnostics/index.js';
import type { RawBlock, RawParagraph } from './read-body.js';
import { descendants, elements, textOf, type XmlElement } from './xml.js';

/** Word comments, reported as `info[comment]` at the text they are anchored to, with that text. */
export function reportComments(comments: XmlElement | undefined, blocks: RawBlock[], locate: (offset: number) => SourcePos): Diagnostic[] {
  if (!comments) return [];
  const anchors = new Map<string, { p: RawParagraph; from: number; to?: number }>();
  const visit = (p: RawParagraph) => {
    for (const c of p.comments) if (!anchors.has(c.id)) anchors.set(c.id, { p, ...c });
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') visit(b);
    else for (const row of b.rows) for (const cell of row.cells) cell.paragraphs.forEach(visit);
  }
  const out: Diagnostic[] = [];
  for (const c of elements(comments, 'w:comment')) {
    const id = c.attrs['w:id'] ?? '';
    const text = descendants(c, 'w:p').map(textOf).join(' ').replace(/\s+/g, ' ').trim();
    const who = c.attrs['w:author'] ? `${c.attrs['w:author']}: ` : '';
    const anchor = anchors.get(id);
    const on = anchor ? anchor.p.text.slice(anchor.from, anchor.to ?? anchor.p.text.length).trim() : '';
    const quoted = on ? ` (on '${[...on].length > 30 ? [...on].slice(0, 30).join('') + '…' : on}')` : '';
    out.push(diag('info', 'comment', `comment ${who}${text || '(empty)'}${quoted}`, anchor ? locate(anchor.p.start + anchor.from) : undefined));
  }
  return out;
}
