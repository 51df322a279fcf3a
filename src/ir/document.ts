import type { SourcePos } from '../diagnostics/index.js';

/**
 * The document IR: the only thing the renderers see. It knows pages and styles but nothing
 * of the content model or of Handlebars. Blocks and inlines are closed unions; renderers
 * switch over them with a `never` check, so a new kind fails to compile until both handle it.
 */
export interface Doc {
  meta: DocMeta;
  page: PageStyle;
  /** Punctuation width scheme for composed lines (as ctex names them). */
  punctuation: 'quanjiao' | 'kaiming' | 'banjiao';
  /** Gap between Han and Latin/digits in em; 0 for none. */
  latinGap: number;
  styles: Record<string, Style>;
  fonts: Record<string, FontFace>;
  blocks: Block[];
}

export interface DocMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** YYYY-MM-DD: the content's date, used for PDF and DOCX dates so output never depends on the clock. */
  date: string;
  lang: string;
  /** Text of the draft mark (header line and watermark), when the output is a draft. */
  draftMark?: string;
}

/** Lengths in the IR are PDF points (1/72 in). */
export interface PageStyle {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
  /** Body line pitch; headings and paragraphs on the grid take whole multiples of it. */
  linePitch: number;
  /** Character cell width for grid composition; absent means no character grid. */
  charPitch?: number;
  pageNumber?: PageNumberStyle;
}

export interface PageNumberStyle {
  /** `{n}` is replaced, e.g. `— {n} —`. */
  format: string;
  style: string;
  /** `outside`: odd pages right, even pages left (GB/T 9704); or always centre. */
  position: 'outside' | 'center';
  /** Inset from the edge of the text block, in pt (one character for GB/T 9704). */
  inset: number;
  /** Distance from the bottom of the text block to the number's top, in pt. */
  below: number;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

/** A named paragraph style, shared by both renderers (the docx renderer writes them as Word styles). */
export interface Style {
  /** Word style id this maps to (Title, Heading1, BodyText, or a custom id). */
  id: string;
  /** Display name in Word's style list. */
  name: string;
  /** Font role (key of Doc.fonts). */
  font: string;
  size: number;
  bold: boolean;
  color: string;
  align: Align;
  /** First-line indent in characters (em of this style). */
  indent: number;
  /** Right indent in characters (右空). */
  indentRight: number;
  /** Line pitch in pt. */
  lineHeight: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Heading outline level 1–9 (PDF bookmarks, Word navigation pane); absent for body styles. */
  outlineLevel?: number;
  /** Set on the character grid (GB/T 9704 body). */
  grid: boolean;
  keepWithNext: boolean;
  /** Balanced lines (titles). */
  balance: boolean;
  /** Font role for strong text; the style's own role when absent. */
  strongFont?: string;
}

/** One face for a role: the file the PDF embeds, and the name Word should ask for. */
export interface FontFace {
  role: string;
  /** Absolute path of the TTF/OTF embedded in the PDF. */
  file: string;
  /** Family name as the PDF font is known (for messages). */
  family: string;
  /** East Asian font name written into the DOCX, as offices have it installed. */
  docxEastAsia: string;
  /** Latin font name written into the DOCX. */
  docxAscii: string;
  /** Further files tried, in order, for characters the main face lacks. */
  fallbacks: string[];
}

export type Inline =
  | { kind: 'text'; text: string; emphasis?: boolean; strong?: boolean }
  | { kind: 'lineBreak' };

interface Located {
  /** Where the content of this node came from, so a render error points back at the YAML. */
  at?: SourcePos;
}

export interface ParagraphBlock extends Located {
  kind: 'paragraph';
  style: string;
  inlines: Inline[];
  /** Lines fixed by the content (titles); the composer then only justifies each. */
  lines?: string[];
}

export interface HeadingBlock extends Located {
  kind: 'heading';
  style: string;
  level: number;
  /** Numbering text emitted by the template, e.g. 一、; kept apart so Word import can strip it. */
  number?: string;
  inlines: Inline[];
}

export interface TableBlock extends Located {
  kind: 'table';
  style: string;
  caption?: Inline[];
  header?: Inline[][];
  rows: Inline[][][];
}

export interface ImageBlock extends Located {
  kind: 'image';
  path: string;
  caption?: Inline[];
  /** Width as a fraction of the text block. */
  width: number;
}

export interface ListBlock extends Located {
  kind: 'list';
  style: string;
  ordered: boolean;
  items: Inline[][];
}

export interface RuleBlock extends Located {
  kind: 'rule';
  color: string;
  /** Stroke weight in pt. */
  weight: number;
  spaceBefore: number;
  spaceAfter: number;
}

/** Text at the left and at the right of one line, e.g. 编印单位 and the date under a masthead. */
export interface SplitLineBlock extends Located {
  kind: 'splitLine';
  style: string;
  left: Inline[];
  right: Inline[];
}

/** Blocks kept together at the foot of the last page (版记 / 报尾). */
export interface FootBlock extends Located {
  kind: 'foot';
  blocks: Block[];
}

export interface PageBreakBlock extends Located {
  kind: 'pageBreak';
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | TableBlock
  | ImageBlock
  | ListBlock
  | RuleBlock
  | SplitLineBlock
  | FootBlock
  | PageBreakBlock;

export type BlockKind = Block['kind'];

/** Compile-time exhaustiveness: call in the default branch of a switch over a closed union. */
export function assertNever(x: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}

/** Plain text of inlines (line breaks become newlines). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');
}
