import { z } from '../content/zod.js';

const length = z.union([z.number(), z.string()]);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #RRGGBB');

export const fontRoleSchema = z.strictObject({
  /** Files tried in order for the PDF: `fonts/…` (the user's folder) or `npm:<package>/<path>`. */
  pdf: z.array(z.string()).min(1),
  /** Files tried for characters the chosen face lacks. */
  fallback: z.array(z.string()).default([]),
  /** East Asian font name written into Word files. */
  docx: z.string(),
  /** Latin font name written into Word files. */
  latin: z.string().default('Times New Roman'),
});

export const styleSchema = z.strictObject({
  word: z.string().optional(),
  name: z.string().optional(),
  font: z.string(),
  size: z.number().positive(),
  bold: z.boolean().default(false),
  color: color.optional(),
  align: z.enum(['justify', 'left', 'center', 'right']).default('justify'),
  indent: z.number().default(0),
  /** Right indent in characters (右空: GB/T 9704 sets the date four characters in from the right). */
  indentRight: z.number().min(0).default(0),
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
});

/** What a layout is: what it lays out, whether it is built by default, how it is imposed. */
export const layoutSchema = z.strictObject({
  /** The content it lays out: an article, or a bulletin issue. Any, when absent. */
  content: z.enum(['article', 'bulletin']).optional(),
  /** Built for content of its kind that names no `layouts` of its own. */
  default: z.boolean().default(false),
  /** Its output also goes out as print sheets, imposed so (a booklet's saddle stitch). */
  imposed: z.enum(['saddle-stitch']).optional(),
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
    pageNumber: z
      .strictObject({
        format: z.string().default('— {n} —'),
        style: z.string(),
        position: z.enum(['outside', 'center']).default('outside'),
        inset: length.default('1em'),
        below: length.default('7mm'),
      })
      .optional(),
  }),
  colors: z.record(z.string(), color).default({}),
  /** Punctuation width scheme for the composer (as ctex names them). */
  punctuation: z.enum(['quanjiao', 'kaiming', 'banjiao']).default('quanjiao'),
  /** Gap between Han and Latin/digits, in em; 0 for none. */
  latinGap: z.number().min(0).max(0.5).default(0),
  draftMark: z.string().default('征求意见稿'),
  fonts: z.record(z.string(), fontRoleSchema),
  styles: z.record(z.string(), styleSchema),
});

export type ThemeFile = z.infer<typeof themeSchema>;
export type LayoutFacts = z.infer<typeof layoutSchema>;
