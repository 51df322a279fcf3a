import { strFromU8, unzipSync } from 'fflate';
import type { PdfPageText, PdfTextItem } from '../../src/verify/pdf-text.js';

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** One line of text as a reader sees it: the items on one baseline of a page, left to right. */
export interface ReadLine {
  page: number;
  y: number;
  items: PdfTextItem[];
  text: string;
}

/** A contents entry read back from a PDF: its text, its number, where its lines are. */
export interface ReadEntry {
  text: string;
  number: number;
  /** The number's right edge, in pt from the left of the page. */
  numberRight: number;
  lines: ReadLine[];
}

/** The lines of the text set in `size` pt on each page, top to bottom, above `bottom` (the page number below the text block is not one). */
export function linesOfSize(pages: readonly PdfPageText[], size: number, bottom: number): ReadLine[] {
  const out: ReadLine[] = [];
  pages.forEach((page, i) => {
    const byY = new Map<number, PdfTextItem[]>();
    for (const item of page.items) {
      if (!item.str.trim() || Math.abs(item.height - size) > 0.05 || item.y < bottom) continue;
      const y = Math.round(item.y * 10) / 10;
      byY.set(y, [...(byY.get(y) ?? []), item]);
    }
    for (const [y, items] of [...byY].sort((a, b) => b[0] - a[0])) {
      items.sort((a, b) => a.x - b.x);
      out.push({ page: i + 1, y, items, text: squeeze(items.map((it) => it.str).join('')) });
    }
  });
  return out;
}

/**
 * The contents entries of a PDF, in order, below its heading: lines in the entries' size whose last
 * item is a page number at the right end of the line (after leader dots, when they are text); the
 * lines above it since the last such line (column labels, 【…】, apart) are the entry's further text.
 */
export function readContents(pages: readonly PdfPageText[], entrySize: number, bottom: number, lastPage: number, heading = '本期目录'): ReadEntry[] {
  const entries: ReadEntry[] = [];
  let pending: ReadLine[] = [];
  const start = pages.findIndex((p) => p.items.some((i) => squeeze(i.str) === heading));
  const headingY = pages[start]?.items.find((i) => squeeze(i.str) === heading)?.y ?? Infinity;
  for (const line of linesOfSize(pages.slice(0, lastPage), entrySize, bottom)) {
    if (line.page < start + 1 || (line.page === start + 1 && line.y > headingY)) continue;
    if (/^【.*】$/.test(line.text)) {
      pending = [];
      continue;
    }
    const last = line.items[line.items.length - 1]!;
    // The number alone (as pdfmake draws it), or after leader characters in one item (as LibreOffice writes its tab leader).
    const number = line.items.length > 1 ? /^(?:[·.…]*)(\d+)$/.exec(last.str.trim())?.[1] : undefined;
    pending.push(line);
    if (number === undefined) continue;
    const text = pending.map((l) => l.text).join('').replace(/[·.…]*\d+$/, '');
    entries.push({ text, number: Number(number), numberRight: last.x + last.width, lines: pending });
    pending = [];
  }
  return entries;
}

/** The page (from 1) on which each title is printed: the first page, from the previous title's on, whose text in the title size holds it whole. */
export function titlePages(pages: readonly PdfPageText[], titleSize: number, titles: readonly string[]): number[] {
  const onPage = pages.map((p) => squeeze(p.items.filter((i) => Math.abs(i.height - titleSize) < 0.05).map((i) => i.str).join('')));
  let from = 0;
  return titles.map((title) => {
    const at = onPage.findIndex((text, i) => i >= from && text.includes(squeeze(title)));
    if (at < 0) throw new Error(`title not printed in ${titleSize} pt: ${title}`);
    from = at;
    return at + 1;
  });
}

/** The page number printed on a page (`— 7 —`), or undefined. */
export function printedPageNumber(page: PdfPageText): number | undefined {
  const item = page.items.find((i) => /^—\s*\d+\s*—$/.test(i.str.trim()));
  return item ? Number(/\d+/.exec(item.str)![0]) : undefined;
}

/** A DOCX's contents entries: the text, the bookmark their PAGEREF names and its cached result; and the text of the paragraph each bookmark is on. */
export function docxPageReferences(docx: Uint8Array): { entries: { text: string; bookmark: string; result: string; instruction: string }[]; bookmarked: Map<string, { style: string; text: string }> } {
  const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  const entries: { text: string; bookmark: string; result: string; instruction: string }[] = [];
  const bookmarked = new Map<string, { style: string; text: string }>();
  for (const [p] of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? '';
    const instruction = /<w:instrText[^>]*>([^<]*)<\/w:instrText>/.exec(p)?.[1];
    const beforeField = p.split('<w:fldChar w:fldCharType="begin"/>')[0]!;
    const texts = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    if (instruction !== undefined) {
      const result = texts(p.slice(p.indexOf('<w:fldChar w:fldCharType="separate"/>'), p.indexOf('<w:fldChar w:fldCharType="end"/>')));
      entries.push({ text: texts(beforeField), bookmark: /PAGEREF\s+(\S+)/.exec(instruction)?.[1] ?? '', result, instruction: instruction.trim() });
    }
    for (const [, name] of p.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]*)"/g)) bookmarked.set(name!, { style, text: texts(p) });
  }
  return { entries, bookmarked };
}
