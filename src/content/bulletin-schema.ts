import { z } from './zod.js';
import { isoDate } from './schema.js';
import { DISTRIBUTION_LABELS } from './bulletin-model.js';

const text = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');
const optionalText = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty').optional();
/** Issue numbers, totals and copies count from 1: 第0期 and 共印0份 are mistakes. */
const positive = z.number({ error: 'expected a whole number' }).int('must be a whole number').positive('must be 1 or more');

const recipients = z.array(text, { error: 'expected a list of recipients' }).default([]);

export const columnSchema = z.strictObject({
  name: text,
  articles: z.array(text, { error: 'expected a list of article slugs or paths' }).min(1, 'a column needs at least one article'),
});

export const distributionSchema = z.strictObject({
  [DISTRIBUTION_LABELS[0]]: recipients,
  [DISTRIBUTION_LABELS[1]]: recipients,
  [DISTRIBUTION_LABELS[2]]: recipients,
});

/** Fields of a bulletin issue file. Article references are resolved and loaded by the loader. */
export const bulletinSchema = z.strictObject({
  bulletin: text,
  issue: positive,
  totalIssue: positive.optional(),
  supplement: z.boolean({ error: 'expected true or false' }).optional(),
  publisher: text,
  date: isoDate,
  classification: optionalText,
  copyNumber: z.union([text, positive], { error: 'expected a copy number such as 000123' }).optional(),
  editorNote: optionalText,
  columns: z.array(columnSchema, { error: 'expected a list of columns ({name, articles})' }).min(1, 'an issue needs at least one column'),
  distribution: distributionSchema.default({ 报: [], 送: [], 发: [] }),
  copies: positive,
  /** Names of templates/<layout>.hbs: a name, never a path (a path would load a theme from anywhere). */
  layouts: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a layout is a name such as `bulletin`, not a path')).min(1).optional(),
  draft: z.boolean().optional(),
});

export type BulletinFile = z.infer<typeof bulletinSchema>;

export const BULLETIN_KEYS = Object.keys(bulletinSchema.shape);
