import { diag, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { AFTER_SIGNATURE } from './furniture-data.js';
import { dateOnly } from './furniture.js';
import { headingMarker, headingShape, type HeadingMarker } from './headings.js';
import { concatText, sliceText, startOffset, tidyText, type MappedText } from './mapped-text.js';
import type { SourceLine, SourceList, SourceTable } from './source-blocks.js';

/**
 * The body's structure: paragraphs under numbered headings, nested by level, with the closing
 * paragraphs after the last section lifted back to the top.
 */
export interface OutlineParagraph {
  kind: 'paragraph';
  text: MappedText;
}

export interface OutlineSection {
  kind: 'section';
  heading: MappedText;
  /** The marker's rank (see HeadingMarker); the depth in the tree is what the template numbers. */
  rank: number;
  marker: string;
  at: number;
  body: OutlineBlock[];
}

export type OutlineBlock = OutlineParagraph | OutlineSection | SourceTable | SourceList;

export interface Outline {
  body: OutlineBlock[];
  /** How many paragraphs at the end of `body` are closing paragraphs. */
  closing: number;
  diagnostics: Diagnostic[];
}

type Locate = (offset: number) => SourcePos;

/** The format's deepest section level. */
const MAX_DEPTH = 4;

const TERMINAL = /[。！？；：!?;:…”’」』）)》】]$/;

/** Lines that a hard-wrapped paragraph (text pasted from a PDF) split: joined back. */
export function joinWrapped(
  items: (SourceLine | SourceTable | SourceList)[],
  stop: (text: string) => boolean,
  locate: Locate,
  out: Diagnostic[],
): BodyItem[] {
  const result: (SourceLine | SourceTable | SourceList)[] = [];
  for (const item of items) {
    const prev = result[result.length - 1];
    if (item.kind !== 'line') {
      result.push(item);
      continue;
    }
    const text = tidyText(item.text, true);
    if (
      prev?.kind === 'line' &&
      item.continues &&
      [...prev.text.text].length >= 20 &&
      !TERMINAL.test(prev.text.text) &&
      !headingMarker(prev.text.text) &&
      !headingMarker(text.text) &&
      !stop(text.text) &&
      item.indent <= prev.indent &&
      prev.indent + [...prev.text.text].length >= item.indent + [...text.text].length - 2
    ) {
      const latin = /[A-Za-z0-9]$/.test(prev.text.text) && /^[A-Za-z0-9]/.test(text.text);
      const gap: MappedText = latin ? { text: ' ', offsets: [startOffset(text) - 1] } : { text: '', offsets: [] };
      prev.text = concatText(prev.text, gap, text);
      out.push(diag('info', 'joined', 'joined to the line above, which ends mid-sentence (a hard-wrapped paragraph)', locate(startOffset(text))));
      continue;
    }
    result.push({ ...item, text });
  }
  return result.map((b) => (b.kind === 'line' ? { kind: 'line', text: b.text } : b));
}

export type BodyItem = { kind: 'line'; text: MappedText } | SourceTable | SourceList;

/** Builds the section tree from body lines (already tidy) and the tables and lists between them. */
export function buildOutline(items: BodyItem[], locate: Locate): Outline {
  const diagnostics: Diagnostic[] = [];
  const root: OutlineSection = { kind: 'section', heading: { text: '', offsets: [] }, rank: -1, marker: '', at: 0, body: [] };
  const stack: OutlineSection[] = [root];
  const lastOrdinal = new Map<OutlineSection, Map<number, { ordinal: number; marker: string }>>();
  const current = () => stack[stack.length - 1]!;

  /** Opens a section; false when it would nest deeper than the four levels the format has. */
  const open = (m: HeadingMarker, heading: MappedText, at: number): boolean => {
    while (stack.length > 1 && current().rank >= m.rank) stack.pop();
    const parent = current();
    const depth = stack.length;
    if (depth > MAX_DEPTH) {
      diagnostics.push(diag('warning', 'heading-depth', `'${m.marker.trim()}' heading would be a level-${depth} section; the format has ${MAX_DEPTH}: kept as a paragraph with its number`, locate(at)));
      return false;
    }
    const seen = lastOrdinal.get(parent) ?? new Map<number, { ordinal: number; marker: string }>();
    lastOrdinal.set(parent, seen);
    const previous = seen.get(m.rank);
    const expected = (previous?.ordinal ?? 0) + 1;
    const marker = m.marker.trim();
    if (m.ordinal !== expected) {
      const after = previous ? `it follows '${previous.marker}'` : 'it is the first of its level here';
      diagnostics.push(diag('warning', 'heading-sequence', `heading numbered '${marker}' out of sequence: ${after}`, locate(at), [
        'the template numbers sections itself; check that no heading was missed or mistaken',
      ]));
    }
    seen.set(m.rank, { ordinal: m.ordinal, marker });
    if (depth !== m.level) {
      diagnostics.push(diag('info', 'heading-level', `'${marker}' heading sits at depth ${depth}: the template numbers it as a level-${depth} heading`, locate(at)));
    }
    const section: OutlineSection = { kind: 'section', heading, rank: m.rank, marker, at, body: [] };
    parent.body.push(section);
    stack.push(section);
    return true;
  };

  const runItems = listRuns(items);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'line') {
      current().body.push(item);
      continue;
    }
    const line = item.text;
    const at = startOffset(line);
    const m = headingMarker(line.text);
    if (!m || runItems.has(i)) {
      current().body.push({ kind: 'paragraph', text: line });
      continue;
    }
    const rest = tidyText(sliceText(line, m.marker.length), true);
    if (rest.text === '') {
      // A marker alone on its line: the heading is the next line.
      const next = items[i + 1];
      if (next?.kind === 'line' && !headingMarker(next.text.text) && headingShape(next.text.text).kind === 'heading' && open(m, next.text, at)) {
        i++;
      } else {
        current().body.push({ kind: 'paragraph', text: line });
        diagnostics.push(diag('warning', 'unplaced', `'${m.marker.trim()}' stands alone and no heading follows it: kept as a paragraph`, locate(at)));
      }
      continue;
    }
    const shape = headingShape(rest.text);
    if (shape.kind === 'paragraph') {
      current().body.push({ kind: 'paragraph', text: line });
      diagnostics.push(diag('info', 'numbered-paragraph', `'${m.marker.trim()}' starts a paragraph, not a heading (its first sentence is long): kept as a paragraph with its number`, locate(at)));
      continue;
    }
    if (shape.kind === 'heading') {
      if (!open(m, rest, at)) current().body.push({ kind: 'paragraph', text: line });
      continue;
    }
    if (!open(m, sliceText(rest, 0, shape.headingEnd), at)) {
      current().body.push({ kind: 'paragraph', text: line });
      continue;
    }
    const body = tidyText(sliceText(rest, shape.headingEnd), true);
    current().body.push({ kind: 'paragraph', text: body });
    diagnostics.push(diag('info', 'run-in', `heading '${rest.text.slice(0, shape.headingEnd)}' runs into its paragraph: split after its full stop`, locate(startOffset(body))));
  }

  const closing = liftClosing(root, locate, diagnostics);
  return { body: root.body, closing, diagnostics };
}

/**
 * Numbered lines that are items of a run, not headings: `1.…；` `2.…；` `3.…。`. A run is a few
 * numbered lines of one style with nothing between them; it is a run of items when one of them
 * ends in ；, or when none of them carries text of its own (a heading would be empty).
 * Returns the indices of the items, which stay paragraphs with their numbers.
 */
function listRuns(items: BodyItem[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < items.length) {
    const first = items[i]!;
    const m = first.kind === 'line' ? headingMarker(first.text.text) : undefined;
    if (!m) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < items.length) {
      const next = items[j]!;
      const n = next.kind === 'line' ? headingMarker(next.text.text) : undefined;
      if (!n || n.rank !== m.rank) break;
      j++;
    }
    const run = items.slice(i, j).map((b) => (b as { text: MappedText }).text.text);
    const rest = (t: string) => t.slice(headingMarker(t)!.marker.length);
    const semicolons = run.some((t) => /[；;]$/.test(t));
    const bare = run.every((t) => headingShape(rest(t)).kind === 'heading');
    if (run.length >= 2 && (semicolons || bare)) for (let k = i; k < j; k++) out.add(k);
    i = j;
  }
  return out;
}

/** A document's signature at its end: the issuing body's name, then the date (落款), and 此件公开发布. */
function signatureLength(body: OutlineBlock[]): number {
  let end = body.length;
  while (end > 0 && body[end - 1]!.kind === 'paragraph' && AFTER_SIGNATURE.test((body[end - 1] as OutlineParagraph).text.text)) end--;
  const date = body[end - 1];
  const name = body[end - 2];
  if (date?.kind !== 'paragraph' || name?.kind !== 'paragraph' || !dateOnly(date.text.text)) return 0;
  const n = name.text.text;
  if ([...n].length > 30 || /[，。；：！？,;:!?]/.test(n) || headingMarker(n)) return 0;
  return body.length - (end - 2);
}

/** Openings of a closing paragraph: 总之, 下一步, 2021年，全市…将. */
const CLOSING_CUE = /^(?:总之|综上所述?|总而言之|下一步|今后|展望|面向未来|站在新的(?:历史)?起点|新的一年|(?:\d{4}|今|明)年[^。！？]{0,30}(?:将|要|继续))/;

/**
 * Paragraphs after the last section belong to the whole article, not to that section: those that
 * read like a closing (CLOSING_CUE), or, when every other top-level section has the same number
 * of paragraphs, the ones beyond that number. Each lift is reported.
 */
function liftClosing(root: OutlineSection, locate: Locate, out: Diagnostic[]): number {
  const top = root.body.filter((b): b is OutlineSection => b.kind === 'section');
  const last = root.body[root.body.length - 1];
  if (last?.kind !== 'section') return 0;
  let node: OutlineSection = last;
  while (node.body[node.body.length - 1]?.kind === 'section') node = node.body[node.body.length - 1] as OutlineSection;
  // The signature closes the whole document, whatever the sections before it.
  const signed = signatureLength(node.body);
  const signature = node.body.splice(node.body.length - signed) as OutlineParagraph[];
  for (const p of signature.slice(0, 1)) {
    out.push(diag('info', 'closing', `signature '${p.text.text}' placed after the last section, not inside it`, locate(startOffset(p.text))));
  }
  const lifted = top.length < 2 ? 0 : liftClosingParagraphs(root, node, last, top, locate, out);
  root.body.push(...signature);
  return lifted + signature.length;
}

function liftClosingParagraphs(root: OutlineSection, node: OutlineSection, last: OutlineSection, top: OutlineSection[], locate: Locate, out: Diagnostic[]): number {
  let first = node.body.length;
  while (first > 0 && node.body[first - 1]!.kind === 'paragraph') first--;
  const trailing = node.body.length - first;
  let from = -1;
  // The section keeps at least its first block.
  for (let k = Math.max(first, 1); k < node.body.length; k++) {
    const b = node.body[k] as OutlineParagraph;
    if (CLOSING_CUE.test(b.text.text)) {
      from = k;
      break;
    }
  }
  if (from < 0 && node === last) {
    const counts = top.slice(0, -1).map((s) => s.body.filter((b) => b.kind === 'paragraph').length);
    const usual = counts[0]!;
    if (counts.every((c) => c === usual) && usual > 0 && first === 0 && trailing > usual) from = usual;
  }
  if (from < 0) return 0;
  const lifted = node.body.splice(from) as OutlineParagraph[];
  for (const p of lifted) {
    out.push(diag('info', 'closing', `closing paragraph '${p.text.text.slice(0, 12)}…' placed after the last section, not inside it`, locate(startOffset(p.text))));
  }
  root.body.push(...lifted);
  return lifted.length;
}
