import type { z } from 'zod';
import { kindsOf, schemaAt } from './schema-keys.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Puts back the text an author wrote where a field takes text and YAML read a number: `1.50`,
 * `0012`, `1e3` and `12345678901234567890` are numbers to YAML (1.5, 12, 1000, and a rounded
 * 12345678901234567000), and a paragraph, a table cell, a heading or a copy number printing those
 * would lose what was written without a word. Fields that take only numbers (issue, copies) keep
 * the number. Changes `data` in place (it is fresh from the parse) and returns it.
 *
 * Kept as written rather than refused: tables of figures are written unquoted (`rows: [[1, 2]]`
 * in the README), and a number in a text field is never a mistake the author should be stopped for.
 */
export function textAsWritten<T>(data: T, schema: z.ZodType, source: YamlSource, at: readonly PropertyKey[]): T {
  return walk(data, schema, source, [...at]) as T;
}

function walk(value: unknown, schema: z.ZodType | undefined, source: YamlSource, path: PropertyKey[]): unknown {
  if (!schema) return value;
  if (typeof value === 'number') return kindsOf(schema).has('text') ? (source.scalarText(path) ?? String(value)) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], schemaAt(schema, [i]), source, [...path, i]);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const inner = schemaAt(schema, [key]);
      if (inner) record[key] = walk(record[key], inner, source, [...path, key]);
    }
  }
  return value;
}
