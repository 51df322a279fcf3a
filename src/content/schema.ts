import { z } from './zod.js';

/** A calendar date written YYYY-MM-DD that exists (no 2021-02-30). */
export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, e.g. 2021-03-04' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD, e.g. 2021-03-04')
  .refine((s) => {
    // A badly written date already has its error from the pattern; say one thing at a time.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'this date does not exist in the calendar');

const text = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');
const optionalText = z.string({ error: 'expected text' }).optional();

/** Fields of an article file; `body` items are checked one by one by the loader, by shape. */
export const articleSchema = z.strictObject({
  title: text,
  titleLines: z.array(text).min(1).optional(),
  /** 引题: a news title's lead line, printed above it. */
  kicker: optionalText,
  subtitle: optionalText,
  column: optionalText,
  date: isoDate,
  source: optionalText,
  author: optionalText,
  editorNote: optionalText,
  /** 附件说明: the attachments' titles, printed after the body as GB/T 9704 places them. */
  attachments: z.array(text).min(1).optional(),
  /** Names of templates/<layout>.hbs: a name, never a path. */
  layouts: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a layout is a name such as `report`, not a path')).min(1).optional(),
  draft: z.boolean().optional(),
  body: z.array(z.unknown(), { error: 'expected a list of blocks' }),
});

export const sectionSchema = z.strictObject({
  heading: text,
  body: z.array(z.unknown(), { error: 'a section body must be a list of blocks' }).default([]),
});

const cell = z.union([z.string(), z.number()]).transform(String);
export const tableSchema = z.strictObject({
  table: z.strictObject({
    caption: optionalText,
    header: z.array(cell).min(1).optional(),
    rows: z.array(z.array(cell).min(1), { error: 'expected rows: a list of lists of cells' }).min(1),
  }),
});

/** A picture's width as a share of the text block's: 0.6 or '60%'. Absent: the theme sizes it. */
const figureWidth = z
  .union([z.number(), z.string().regex(/^\d{1,3}(\.\d+)?%?$/, 'expected a share of the text width, as 60% or 0.6')])
  .transform((v) => (typeof v === 'number' ? v : v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : Number(v)))
  .refine((v) => v > 0 && v <= 1, 'a picture width is a share of the text width above 0 and at most 1 (100%)');

export const imageSchema = z.strictObject({
  image: z.strictObject({ src: text, caption: optionalText, width: figureWidth.optional() }),
});

export const listSchema = z.strictObject({
  list: z.array(text).min(1),
  ordered: z.boolean().optional(),
});

export const ARTICLE_KEYS = Object.keys(articleSchema.shape);
/** The key that tells which kind of block a mapping is. */
export const BLOCK_KEYS = ['heading', 'table', 'image', 'list'] as const;
