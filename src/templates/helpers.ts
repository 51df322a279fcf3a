import { chineseDate, chineseNumeral, sectionNumber } from './chinese-numerals.js';

/** Where in a template a helper was called (Handlebars passes it in the helper's options). */
export interface TemplateLoc {
  start: { line: number; column: number };
}

/** A helper refused its arguments or failed; render-template turns it into a diagnostic at `loc`. */
export class HelperError extends Error {
  override name = 'HelperError';
  constructor(
    readonly helper: string,
    message: string,
    readonly loc: TemplateLoc | undefined,
  ) {
    super(message);
  }
}

type Data = string | number | boolean | null | undefined | readonly Data[] | { readonly [k: string]: Data };

/**
 * Wraps a helper so it receives data only: the Handlebars options object (with its access to
 * the runtime) is taken off, every argument must be text, a number, a boolean or plain lists
 * and mappings of those, and the result must be such a value too (so Handlebars escapes it).
 */
function dataHelper(name: string, fn: (...args: Data[]) => string | number | boolean) {
  return (...args: unknown[]) => {
    const options = args.pop() as { loc?: TemplateLoc } | undefined;
    for (const a of args) {
      const bad = notData(a, 0);
      if (bad) throw new HelperError(name, `helper \`${name}\` takes text, numbers and lists, not ${describe(bad.value)}`, options?.loc);
    }
    let result: unknown;
    try {
      result = fn(...(args as Data[]));
    } catch (e) {
      throw new HelperError(name, `helper \`${name}\`: ${e instanceof Error ? e.message : String(e)}`, options?.loc);
    }
    if (typeof result !== 'string' && typeof result !== 'number' && typeof result !== 'boolean') {
      throw new HelperError(name, `helper \`${name}\` must return text, a number or a boolean`, options?.loc);
    }
    return result;
  };
}

/** The first value inside `v` that is not data (a function, a class instance), if any. */
function notData(v: unknown, depth: number): { value: unknown } | undefined {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return undefined;
  if (depth > 16 || typeof v !== 'object') return { value: v };
  if (Array.isArray(v)) {
    for (const x of v) {
      const bad = notData(x, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return { value: v };
  for (const x of Object.values(v)) {
    const bad = notData(x, depth + 1);
    if (bad) return bad;
  }
  return undefined;
}

function describe(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  if (typeof v !== 'object') return `a ${typeof v}`;
  return `a ${Object.getPrototypeOf(v)?.constructor?.name ?? 'special'} object`;
}

/**
 * Every Handlebars helper the templates may call, in one place. Helpers take data only
 * (strings and numbers) and return strings, which Handlebars then escapes.
 */
export const helpers: Record<string, (...args: unknown[]) => unknown> = {
  cnNumber: dataHelper('cnNumber', (n) => chineseNumeral(Number(n))),
  cnDate: dataHelper('cnDate', (d) => chineseDate(String(d))),
  sectionNumber: dataHelper('sectionNumber', (level, n) => sectionNumber(Number(level), Number(n))),
  /** 第3期 / 总第45期 */
  issueNumber: dataHelper('issueNumber', (n, prefix) => `${typeof prefix === 'string' ? prefix : ''}第${Number(n)}期`),
  eq: dataHelper('eq', (a, b) => a === b),
  inc: dataHelper('inc', (n) => Number(n) + 1),
  join: dataHelper('join', (list, sep) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : '')),
};

/** Handlebars' own block helpers that templates may use; `log` and the rest stay off. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
