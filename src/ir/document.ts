import type { SourcePos } from '../diagnostics/index.js';

/**
 * The document IR: the only thing the renderers see. It knows pages and styles but nothing
 * of the content model or of Handlebars. Blocks and inlines are closed unions; renderers
 * switch over them with a `never` check, so a new kind fails to compile until both handle it.
 */
export interface Doc {
  meta: DocMeta;
  page: PageStyle;
  /** What every page carries besides the flow: page numbers, a draft's header line and watermark. */
  furniture: Furniture;
  /** Punctuation width scheme for composed lines (as ctex names them). */
  punctuation: 'quanjiao' | 'kaiming' | 'banjiao';
  /** Gap between Han and Latin/digits in em; 0 for none. */
  latinGap: number;
  /** How blocks go onto pages: what is kept together, and how large a picture may be. */
  flow: FlowRules;
  /** How composed lines are adjusted where house styles differ (the theme's `composition`). */
  composition: Composition;
  styles: Record<string, Style>;
  fonts: Record<string, FontFace>;
  blocks: Block[];
  /** What a PDF of it conforms to (the theme's `pdf:`, or the build's `--pdfa`); plain PDF when absent. */
  pdf?: PdfSettings;
}

/** PDF/A-2b: sRGB output intent, XMP twin of every Info entry, embedded fonts, no CMYK or 16-bit images. */
export interface PdfSettings {
  standard: 'PDF/A-2b';
}

/**
 * The theme's `composition`: how composed lines are adjusted where house styles differ (the
 * composer's own options, src/compose/composition.ts, say what each does).
 */
export interface Composition {
  breakInsideWords: boolean;
  wordEdgeStretch: number;
  markSqueeze: number;
  centreByInk: boolean;
}

export interface DocMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** YYYY-MM-DD: the content's date, used for PDF and DOCX dates so output never depends on the clock. */
  date: string;
  lang: string;
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
}

/**
 * How the flow goes onto pages, as a theme sets it (defaults after GB/T 9704 and common practice
 * in Chinese offices).
 */
export interface FlowRules {
  /** Lines of a block's text that stay on the page of the heading(s) above it (a heading never ends a page alone). */
  headingLines: number;
  /** Lines of text the end block (版记 / 报尾) shares its page with, at least: lines are carried over from the page before when needed. */
  endBlockLines: number;
  /**
   * The most empty grid lines a kept-together block (a table with its caption, a table row) may
   * leave at a page foot by moving whole to the next page; when it would leave more, it breaks
   * there instead, after its first two lines.
   */
  maxEmptyLines: number;
  /** A picture's largest height, as a share of the text block's height (unless the content sets its width). */
  figureHeight: number;
  /**
   * The smallest a picture may be drawn, as a share of its size, to end the page it starts on
   * when moving it whole to the next page would leave more than `maxEmptyLines` empty; 1: never.
   */
  figureShrink: number;
}

/**
 * Page furniture: what the template asked for (`<pagenumber/>`, `<header>`, `<watermark>`),
 * with the look the theme's `furniture` gives it.
 */
export interface Furniture {
  pageNumber?: PageNumberStyle;
  /** A line of text at the top of every page (a draft's 征求意见稿), in a named style. */
  header?: { text: string; style: string };
  watermark?: Watermark;
}

/** Text drawn large, faint and turned across every page (a draft's mark). */
export interface Watermark {
  text: string;
  /** Font role (key of Doc.fonts). */
  font: string;
  size: number;
  color: string;
  /** 0 (invisible) to 1 (opaque). */
  opacity: number;
  /** Degrees, clockwise on the page: −45 turns the text to rise 45° from lower left to upper right. */
  angle: number;
}

/** The look of each kind of furniture, as a theme gives it; the markup adds the text. */
export interface FurnitureLooks {
  pageNumber?: PageNumberStyle;
  header?: { style: string };
  watermark?: Omit<Watermark, 'text'>;
}

export interface PageNumberStyle {
  /** `{n}` is replaced, e.g. `— {n} —`. */
  format: string;
  style: string;
  /** `outside`: odd pages right, even pages left (GB/T 9704); or always centre. */
  position: 'outside' | 'center';
  /** Inset from the edge of the text block, in pt (one character for GB/T 9704). */
  inset: number;
  /** Distance from the bottom of the text block to the top of the dashes' ink (GB/T 9704: 一字线上距版心下边缘 7 mm), or of the number's when the format has no dash, in pt. */
  below: number;
  /** Width of each dash's ink in pt (GB/T 9704's 一字线 is one character wide); absent: as the font draws it. */
  dash?: number;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

/**
 * What a style is for, as the theme declares it: renderers ask for the style of a role (the body
 * text, captions, table text), and Word import maps a draft's paragraphs back to content by it.
 * A style without a role is layout furniture (a masthead, an end block, page numbers).
 */
export const STYLE_ROLES = ['kicker', 'title', 'subtitle', 'column', 'editorNote', 'issueNote', 'author', 'heading', 'body', 'listItem', 'caption', 'tableText', 'source', 'date', 'attachments'] as const;
export type StyleRole = (typeof STYLE_ROLES)[number];

/** A named paragraph style, shared by every renderer (those of formats with named styles write them out). */
export interface Style {
  /** The style's identifier in a document's list of styles (Title, Heading1, BodyText, or its own). */
  id: string;
  /** Its name as an editor's style list shows it. */
  name: string;
  /** What it is for; absent for layout furniture. A heading's level is its outlineLevel. */
  role?: StyleRole;
  /** Font role (key of Doc.fonts). */
  font: string;
  size: number;
  bold: boolean;
  color: string;
  align: Align;
  /** First-line indent in characters (em of this style). */
  indent: number;
  /** Left indent of every line in characters (左空: a 版记 line is indented one character at each end). */
  indentLeft: number;
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
  /** A hanging indent in characters: lines after the first start this much further in than the first (a contents entry's). */
  hanging?: number;
}

/**
 * The face of a font role: what it is, not what a format does with it. A format that embeds
 * fonts embeds `file`; one that names fonts names `names[0]` (and `latin` for Latin text).
 */
export interface FontFace {
  role: string;
  /**
   * Absolute path of the face's font file: a plain font of this one face (a collection's face or
   * a WOFF is read from a font derived from it, see src/fonts/derived.ts).
   */
  file: string;
  /** The face's family name, as the face gives it (Chinese first): for messages. */
  family: string;
  /** Where the face came from: `fonts/` of the project, installed on the machine, or bundled. */
  origin: 'project' | 'installed' | 'bundled';
  /** Where it came from as a user would name it: `fonts/kai.ttf`, an installed file's path, `npm:…`. */
  from: string;
  /** Its index in the collection named by `from`, when that is a collection. */
  index?: number;
  /** The face may not be subset (OS/2 fsType bit 8): a format that embeds it embeds it whole. */
  embedWhole?: boolean;
  /** Family names of the role, in order of preference: the first is the one documents ask for. */
  names: string[];
  /** Family name of the role's Latin face (Times New Roman). */
  latin: string;
  /** Further files tried, in order, for characters the face lacks. */
  fallbacks: string[];
  /** The role's own bold face, when the theme names one that is found: bold text is set in it. */
  bold?: { file: string; family: string; embedWhole?: boolean };
  /**
   * Synthetic bold, for a role without a bold face (or a character its bold face lacks): the
   * glyphs are filled and stroked this many em wide, as Word and WPS draw 仿宋_GB2312 bold.
   */
  boldStroke: number;
}

export type Inline =
  | { kind: 'text'; text: string; emphasis?: boolean; strong?: boolean }
  | { kind: 'lineBreak' };

interface Located {
  /** Where the content of this node came from, so a render error points back at the YAML. */
  at?: SourcePos;
}

/** A block a page reference can name (an article's title): its `id` is unique in the document. */
interface Anchored {
  id?: string;
}

export interface ParagraphBlock extends Located, Anchored {
  kind: 'paragraph';
  style: string;
  inlines: Inline[];
  /** Lines fixed by the content (titles); the composer then only justifies each. */
  lines?: string[];
}

export interface HeadingBlock extends Located, Anchored {
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
  /**
   * Width as a fraction of the text block, when the content sets it; absent: as wide as the text
   * block, but no taller than the theme's share of its height (`flow.figureHeight`).
   */
  width?: number;
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

/** A label such as `报：` or `抄送：` at the start of an end-block line: its continuation lines hang after it (GB/T 9704 版记). */
export function endBlockLabel(text: string): string | undefined {
  return /^[^：:\s]{1,4}[：:]/u.exec(text)?.[0];
}

export interface PageBreakBlock extends Located {
  kind: 'pageBreak';
}

/**
 * A contents list (本期目录): its heading, column labels, entries and closing rule, which the
 * renderers keep together: on one page when it fits there, an entry never split, a label with
 * its first entry.
 */
export interface ContentsBlock extends Located {
  kind: 'contents';
  blocks: Block[];
}

/**
 * A line of a contents list: the text (an article's title) and the number of the page on which
 * the block with the id `target` starts, which each renderer fills in (PDF: a dot leader and the
 * number; DOCX: a dot-leader tab and a PAGEREF field to a bookmark on that block).
 */
export interface ContentsEntryBlock extends Located {
  kind: 'contentsEntry';
  style: string;
  inlines: Inline[];
  target: string;
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
  | PageBreakBlock
  | ContentsBlock
  | ContentsEntryBlock;

export type BlockKind = Block['kind'];

/** The key of the style that has this role (the first, when several have it), or undefined. */
export function styleOfRole(doc: Pick<Doc, 'styles'>, role: StyleRole): string | undefined {
  for (const [key, style] of Object.entries(doc.styles)) if (style.role === role) return key;
  return undefined;
}

/** The style that has this role, or undefined. */
export function styleByRole(doc: Pick<Doc, 'styles'>, role: StyleRole): Style | undefined {
  const key = styleOfRole(doc, role);
  return key === undefined ? undefined : doc.styles[key];
}

/** Compile-time exhaustiveness: call in the default branch of a switch over a closed union. */
export function assertNever(x: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(x)}`);
}

/** Plain text of inlines (line breaks become newlines). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');
}
