import { ATTACHMENT_EXTENSIONS, ATTACHMENT_LABELS } from './furniture-data.js';
import { sliceText, tidyText, type MappedText } from './mapped-text.js';

/**
 * An attachments list (附件说明): `附件：1.….docx 2.….pdf` on one line, or `附件：` and a line per
 * attachment, numbered or named as files. Each attachment is its title: the number and the file
 * extension go, as GB/T 9704 prints 附件说明.
 */
const LABEL = new RegExp(`^(?:${ATTACHMENT_LABELS.join('|')})\\s*(?:[\\d一二三四五六七八九十]{1,2})?\\s*[:：]\\s*`);
/** An item's number: 1. 1、 1． （1） (1) 附件1：. */
const NUMBER = /^(?:附件\s*)?(?:\d{1,2}\s*[.．、:：]|[（(]\s*\d{1,2}\s*[)）])\s*/;
/** Where a one-line list starts its next item: a space, then a number. */
const NEXT = /[\s\u3000]+(?=(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[)）])\s*\S)/g;

const looksLikeFile = (t: string) => ATTACHMENT_EXTENSIONS.test(t.trim());

/** The attachments' titles in one line's text (after its label). */
function itemsOf(rest: MappedText): MappedText[] {
  const out: MappedText[] = [];
  let start = 0;
  const cut = (end: number) => {
    const part = tidyText(sliceText(rest, start, end), true);
    if (part.text !== '') out.push(part);
  };
  // Split only where numbers follow: a title may hold spaces of its own.
  if (NUMBER.test(rest.text)) {
    for (const m of rest.text.matchAll(NEXT)) {
      cut(m.index);
      start = m.index + m[0].length;
    }
  }
  cut(rest.text.length);
  return out.map(clean).filter((t) => t.text !== '');
}

/** An attachment's title: without its number and its file extension. */
function clean(item: MappedText): MappedText {
  let t = item;
  const n = NUMBER.exec(t.text);
  if (n) t = sliceText(t, n[0].length);
  const ext = ATTACHMENT_EXTENSIONS.exec(t.text);
  if (ext) t = sliceText(t, 0, ext.index);
  return tidyText(t, true);
}

/**
 * The attachments' titles in one 附件说明 line, whatever reads it (a Word draft's 附件说明
 * paragraph, say): `附件：1.示例一` or `2.示例二` or a bare title, without label, number or extension.
 */
export function attachmentItems(line: MappedText): MappedText[] {
  const label = LABEL.exec(line.text);
  return itemsOf(label ? sliceText(line, label[0].length) : line);
}

export interface AttachmentList {
  /** Indices of the lines that made the list, in `lines`. */
  lines: number[];
  items: MappedText[];
}

/**
 * Finds an attachments list among `lines` (each the text of a line or undefined for a table):
 * a label line, then the item lines that follow it.
 */
export function findAttachments(lines: (MappedText | undefined)[]): AttachmentList | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || [...line.text].length > 120) continue;
    const label = LABEL.exec(line.text);
    if (!label) continue;
    const rest = sliceText(line, label[0].length);
    const items = itemsOf(rest);
    const used = [i];
    for (let k = i + 1; k < lines.length; k++) {
      const next = lines[k];
      if (!next) break;
      const t = next.text.trim();
      const numbered = NUMBER.test(t) && [...t].length <= 80 && !/[。；;]$/.test(t);
      if (!numbered && !looksLikeFile(t)) break;
      items.push(...itemsOf(next));
      used.push(k);
    }
    // A label with nothing named after it is prose that happens to start with 附件.
    if (items.length === 0) continue;
    if (used.length === 1 && !looksLikeFile(rest.text) && !NUMBER.test(rest.text.trim()) && [...rest.text].length > 40) continue;
    return { lines: used, items };
  }
  return undefined;
}
