import { z } from '../content/zod.js';
import { fieldPath } from '../content/zod-diagnostics.js';
import { didYouMean, UsageError } from '../diagnostics/index.js';

/**
 * The library's options, checked before anything runs: an option of the wrong type or an unknown
 * one is a UsageError that names the function, the option and what was given, with a
 * did-you-mean, never a TypeError from deep inside.
 */

export const pathList = z.array(z.string({ error: 'expected a path' }).min(1, 'a path must not be empty'), { error: 'expected a list of paths, e.g. [\'content/articles/a.yaml\']' });
export const nameList = (what: string) => z.array(z.string({ error: `expected a ${what} name` }).min(1, `a ${what} name must not be empty`), { error: `expected a list of ${what} names, e.g. ['${what === 'format' ? 'pdf' : 'report'}']` });
export const folder = z.string({ error: 'expected a folder path' }).min(1, 'must not be empty');
export const callback = <T extends (...args: never[]) => unknown>() => z.custom<T>((v) => typeof v === 'function', { error: 'expected a function' });
export const abortSignal = z.custom<AbortSignal>((v) => typeof AbortSignal !== 'undefined' && v instanceof AbortSignal, { error: 'expected an AbortSignal' });

/** Where every command works: the folder relative paths start from, and the project's root when it is not to be searched for. */
export const whereSchema = {
  /** The working folder (default: the process's). */
  cwd: folder.optional(),
  /** The project's root; found from `cwd` (or the first input) upwards by default. */
  root: folder.optional(),
};

/** Checks a function's options against its schema; throws UsageError naming what is wrong. */
export function checkOptions<S extends z.ZodType>(fn: string, schema: S, value: unknown): z.infer<S> {
  if (value === undefined) value = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${fn}(): expected an options object, found ${describe(value)}`);
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data as z.infer<S>;
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, issue.path);
    const key = issue.keys[0]!;
    const near = didYouMean(key, known);
    throw new UsageError(`${fn}(): unknown option \`${fieldPath([...issue.path, key])}\``, [near ? `did you mean \`${near}\`?` : `options: ${known.join(', ')}`]);
  }
  const given = valueAt(value, issue.path);
  throw new UsageError(`${fn}(): \`${fieldPath(issue.path)}\`: ${issue.message.replace(/^Invalid input: /, '')}, found ${describe(given)}`);
}

function knownKeys(schema: z.ZodType, at: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  for (const k of at) {
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    s = shape?.[String(k)];
    while (s && typeof s === 'object' && 'unwrap' in s && typeof (s as { unwrap: unknown }).unwrap === 'function') s = (s as { unwrap(): unknown }).unwrap();
  }
  return Object.keys((s as { shape?: object })?.shape ?? {});
}

function valueAt(value: unknown, at: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of at) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** What a reader would call a JavaScript value. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `\`${String(v)}\``;
  if (typeof v === 'function') return 'a function';
  return `a ${typeof v}`;
}
