import { z } from '../content/zod.js';
import { STYLE_ROLES } from '../ir/index.js';

const length = z.union([z.number(), z.string()]);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #RRGGBB');

/**
 * A font role: the face of, say, body text (仿宋). Nothing here is per format: a format that
 * names fonts (DOCX) names `names[0]`, one that embeds them (PDF) embeds the first of `files`.
 */
export const fontRoleSchema = z.strictObject({
  /**
   * Family names of the face, in order of preference (仿宋_GB2312, 仿宋, FangSong): the first is
   * the one documents ask for, as offices have it installed; installed faces are matched by them.
   */
  names: z.array(z.string().min(1)).min(1),
  /** Font files tried in order: `fonts/…` (the project's folder) or `npm:<package>/<path>`. */
  files: z.array(z.string()).min(1),
  /** Files tried for characters the chosen face lacks. */
  fallback: z.array(z.string()).default([]),
  /** Family name of the Latin face set beside it. */
  latin: z.string().default('Times New Roman'),
  /**
   * The role's bold: a face of its own, found as the role's face is (`files`, then a face answering
   * to `names` or to the role's own names, at bold weight) and used only if it is a bold of the
   * role's face; where there is none, or it lacks a character, bold is drawn synthetically, the
   * regular glyphs filled and stroked `stroke` em wide (as Word and WPS bold 仿宋_GB2312).
   */
  bold: z
    .strictObject({
      names: z.array(z.string().min(1)).default([]),
      files: z.array(z.string()).default([]),
      stroke: z.number().min(0).max(0.2).default(0.03),
    })
    .default({ names: [], files: [], stroke: 0.03 }),
});

export const styleSchema = z.strictObject({
  /** What the style is for (body, caption, tableText, heading…): renderers and Word import find it by this. Absent: layout furniture. */
  role: z.enum(STYLE_ROLES).optional(),
  /** Its id in a document's style list (Word's Title, Heading1, BodyText…); the key when absent. */
  id: z.string().optional(),
  /** Its name in an editor's style list; the key when absent. */
  name: z.string().optional(),
  font: z.string(),
  size: z.number().positive(),
  bold: z.boolean().default(false),
  color: color.optional(),
  align: z.enum(['justify', 'left', 'center', 'right']).default('justify'),
  indent: z.number().default(0),
  /** Right indent in characters (右空: GB/T 9704 sets the date four characters in from the right). */
  indentRight: z.number().min(0).default(0),
  /** Left indent of every line in characters (左空: GB/T 9704 indents a 版记 line one character at each end). */
  indentLeft: z.number().min(0).default(0),
  lineHeight: length.optional(),
  spaceBefore: length.default(0),
  spaceAfter: length.default(0),
  outlineLevel: z.number().int().min(1).max(9).optional(),
  grid: z.boolean().default(false),
  keepWithNext: z.boolean().default(false),
  /** Balance a multi-line paragraph's lines (titles): break at a space or mark, no short last line. */
  balance: z.boolean().default(false),
  /** Font role for <strong> text in this style (e.g. 编者按： in 黑体). */
  strongFont: z.string().optional(),
  /** A hanging indent in characters: a long contents entry's further lines start this much further in than its first. */
  hanging: z.number().min(0).max(10).optional(),
});

/** Whether an issue opens with a contents list (本期目录), and what it shows. */
export const contentsSchema = z.strictObject({
  /** Off: no contents list, however many articles. */
  show: z.boolean().default(true),
  /** The list appears from this many articles on. */
  minArticles: z.number().int().min(1).default(3),
  /** The column labels (【工作动态】) above their entries. */
  columnLabels: z.boolean().default(true),
});

/** What a layout is: what it lays out, whether it is built by default, how it is imposed. */
export const layoutSchema = z.strictObject({
  /** The content it lays out: an article, or a bulletin issue. Any, when absent. */
  content: z.enum(['article', 'bulletin']).optional(),
  /** Built for content of its kind that names no `layouts` of its own. */
  default: z.boolean().default(false),
  /** Its output also goes out as print sheets, imposed so (a booklet's saddle stitch). */
  imposed: z.enum(['saddle-stitch']).optional(),
  /** The formats built of it when a build names none (`--format`), e.g. [pdf, docx, ofd]; the default formats when absent. */
  formats: z.array(z.string().min(1)).min(1).optional(),
});

/** What a PDF of the layout conforms to: PDF/A-2b for archives (also `jianbao build --pdfa`). */
export const pdfSettingsSchema = z.strictObject({
  standard: z.enum(['PDF/A-2b']),
});

export const themeSchema = z.strictObject({
  description: z.string().optional(),
  layout: layoutSchema.default({ default: false }),
  page: z.strictObject({
    size: z.enum(['A4', 'A5', 'A3']),
    margins: z.strictObject({ top: length, right: length, bottom: length, left: length }),
    /** GB/T 9704 grid: line pitch = text height / lines, character pitch = text width / chars. */
    grid: z.strictObject({ lines: z.number().int().positive(), chars: z.number().int().positive().optional() }).optional(),
    linePitch: length.optional(),
  }),
  /** The look of the page furniture a template emits (`<pagenumber/>`, `<header>`, `<watermark>`). */
  furniture: z
    .strictObject({
      pageNumber: z
        .strictObject({
          format: z.string().default('— {n} —'),
          style: z.string(),
          position: z.enum(['outside', 'center']).default('outside'),
          inset: length.default('1em'),
          /** From the bottom of the text block to the top of the dashes' ink (GB/T 9704: 7 mm). */
          below: length.default('7mm'),
          /** Width of each dash's ink (GB/T 9704's 一字线: one character); absent, as the font draws it. */
          dash: length.optional(),
        })
        .optional(),
      /** A line at the top of every page, in a style of `styles`. */
      header: z.strictObject({ style: z.string() }).optional(),
      /** Large faint text across every page. */
      watermark: z
        .strictObject({
          font: z.string(),
          size: z.number().positive().default(80),
          color: color.default('#C00000'),
          opacity: z.number().min(0).max(1).default(0.08),
          /** Degrees, clockwise on the page: −45 rises from lower left to upper right. */
          angle: z.number().min(-360).max(360).default(-45),
        })
        .optional(),
    })
    .default({}),
  colors: z.record(z.string(), color).default({}),
  /** The contents list of an issue (its template decides where it goes). */
  contents: contentsSchema.default({ show: true, minArticles: 3, columnLabels: true }),
  /** Punctuation width scheme for the composer (as ctex names them). */
  punctuation: z.enum(['quanjiao', 'kaiming', 'banjiao']).default('quanjiao'),
  /** Gap between Han and Latin/digits, in em; 0 for none. */
  latinGap: z.number().min(0).max(0.5).default(0),
  /** How blocks go onto pages (see FlowRules in src/ir/document.ts). */
  flow: z
    .strictObject({
      /** Lines of a block's text kept on the page of the heading(s) above it. */
      headingLines: z.number().int().min(1).max(5).default(2),
      /** Lines of text the end block (版记 / 报尾) shares its page with, at least. */
      endBlockLines: z.number().int().min(1).max(5).default(2),
      /** The most empty grid lines a kept-together block (a table, a table row) leaves at a page foot by moving whole; more, and it breaks after its first two lines. */
      maxEmptyLines: z.number().int().min(0).max(20).default(2),
      /** A picture's largest height as a share of the text block's, unless the content sets its width. */
      figureHeight: z.number().gt(0).max(1).default(0.5),
      /** The smallest share of its size a picture may be drawn at to end its page rather than leave it emptier; 1: never. */
      figureShrink: z.number().gt(0).max(1).default(0.7),
    })
    .default({ headingLines: 2, endBlockLines: 2, maxEmptyLines: 2, figureHeight: 0.5, figureShrink: 0.7 }),
  /** How the composer adjusts lines where house styles differ (src/compose/composition.ts). */
  composition: z
    .strictObject({
      /** URLs, e-mail addresses, paths and compound Latin words may break after / . ? & = - _ */
      breakInsideWords: z.boolean().default(true),
      /** The share of a loose line's slack a Han–Latin/digit edge takes, in Han gaps. */
      wordEdgeStretch: z.number().int().min(1).max(4).default(2),
      /** What a full-width mark inside a tight line gives up before the gaps tighten, in em (¼: jlreq; ½: half width). */
      markSqueeze: z.number().min(0).max(0.5).default(0.25),
      /** Centre lines on their ink, not their advance boxes. */
      centreByInk: z.boolean().default(true),
    })
    .prefault({}),
  fonts: z.record(z.string(), fontRoleSchema),
  styles: z.record(z.string(), styleSchema),
  pdf: pdfSettingsSchema.optional(),
});

export type ThemeFile = z.infer<typeof themeSchema>;
export type LayoutFacts = z.infer<typeof layoutSchema>;
export type ContentsSettings = z.infer<typeof contentsSchema>;
