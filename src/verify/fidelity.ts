import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import { docxParagraphs } from './docx-text.js';
import { textUnits, unitText, type TextUnit } from './ir-text.js';
import { readPdfText } from './pdf-text.js';

/** Options for naming the output in messages. */
export interface VerifyOptions {
  /** The output file, e.g. `out/articles/x/report.pdf`, named in each message. */
  output?: string;
}

/**
 * Checks that the text of every paragraph, heading, cell, caption and list item of the document
 * is in the PDF's text layer, in order. Page furniture (page numbers and the header line, outside
 * the text block; the watermark) is left out of the comparison; whitespace is ignored, as
 * justification and line breaks add and remove it. A difference is `lost-text`, naming the unit.
 */
export async function verifyPdf(doc: Doc, pdf: Uint8Array, options: VerifyOptions = {}): Promise<Diagnostic[]> {
  const pages = await readPdfText(pdf);
  const { top, bottom } = doc.page.margins;
  // The watermark is drawn across the text block: its text is no content either.
  const mark = doc.furniture.watermark ? squash(doc.furniture.watermark.text) : undefined;
  const slack = 4;
  const text = pages
    .map((page) =>
      page.items
        // A table header a page repeats is drawn as an artifact: content once, where the table starts.
        .filter((i) => !i.artifact)
        .filter((i) => i.y >= bottom - slack && i.y <= page.height - top + slack)
        .filter((i) => !mark || squash(i.str) !== mark)
        .map((i) => i.str)
        .join(''),
    )
    .join('');
  return compare(textUnits(doc), squash(text), 'PDF', options);
}

/** Checks that the text of every unit of the document is in the DOCX body, in order. */
export function verifyDocx(doc: Doc, docx: Uint8Array, options: VerifyOptions = {}): Diagnostic[] {
  const text = docxParagraphs(docx)
    .map((p) => p.text)
    .join('');
  return compare(textUnits(doc), squash(text), 'DOCX', options);
}

/** Checks that the text of every unit of the document is in `text`, read back from an output of any format (`label` names it). */
export function verifyText(doc: Doc, text: string, label: string, options: VerifyOptions = {}): Diagnostic[] {
  return compare(textUnits(doc), squash(text), label, options);
}

/**
 * Whitespace carries no content here: the renderers add it (justification) and take it away
 * (line ends). Nor, in the comparison, do hyphens: the composer ends a line with one where it
 * hyphenates a Latin word (Orga- / nization), and the text layer then holds it, as TeX's does.
 * They are dropped from both sides, so every other character is still checked.
 */
function squash(s: string): string {
  return s.replace(/[\s-]+/gu, '');
}

function compare(units: readonly TextUnit[], haystack: string, format: string, options: VerifyOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = options.output ? ` (${options.output})` : '';
  let from = 0;
  for (const unit of units) {
    const needle = squash(unitText(unit));
    if (!needle) continue;
    const at = haystack.indexOf(needle, from);
    if (at >= 0) {
      from = at + needle.length;
      continue;
    }
    out.push(diag('error', 'lost-text', `the ${format}${where} lost text of the ${unit.kind} ${quote(unitText(unit))}: ${difference(needle, haystack, from)}`, unit.at, [
      'a character the font lacks is drawn as an empty box and drops out of the text layer; `jianbao check` reports those as missing-glyph',
    ]));
  }
  return out;
}

/** Where the output first departs from the content: the longest prefix found, then the first character that differs. */
function difference(needle: string, haystack: string, from: number): string {
  let lo = 0;
  let hi = needle.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.indexOf(needle.slice(0, mid), from) >= 0) lo = mid;
    else hi = mid - 1;
  }
  const expected = String.fromCodePoint(needle.codePointAt(lo) ?? 0xfffd);
  if (lo === 0) return `none of it is there (its first character ${describe(expected)} is not found after the text before it)`;
  const p = haystack.indexOf(needle.slice(0, lo), from) + lo;
  const found = p < haystack.length ? String.fromCodePoint(haystack.codePointAt(p)!) : undefined;
  const after = needle.slice(Math.max(0, lo - 8), lo);
  return `after '${after}' the content has ${describe(expected)}, the output ${found ? `has ${describe(found)}` : 'ends'}`;
}

function describe(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  // A control character (pdf.js reads an undrawable glyph as U+0000) would garble the terminal.
  return /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(ch) ? `${code} (not a printable character)` : `'${ch}' (${code})`;
}

function quote(text: string): string {
  const chars = [...text.trim()];
  return `'${chars.slice(0, 12).join('')}${chars.length > 12 ? '…' : ''}'`;
}
