import { formatCount, LIMITS } from '../limits.js';
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
    /** Rule id of the diagnostic: `template`, or the limit's when a bound was passed. */
    readonly rule = 'template',
  ) {
    super(message);
  }
}

/** Iterations of `{{#each}}` left in one render of a template; reset by the renderer. */
export interface IterationBudget {
  left: number;
}

type BlockHelper = (this: unknown, context: unknown, options: { fn: (...a: unknown[]) => string; loc?: TemplateLoc }) => string;

/**
 * Handlebars' `each`, counting the iterations of one render against a budget: a template that
 * nests `{{#each}}` over the content multiplies it (1,000 paragraphs into a million blocks) and
 * is stopped while it runs, at the `each` that passed the bound, rather than after building
 * gigabytes of markup.
 */
export function countingEach(each: BlockHelper, budget: IterationBudget): BlockHelper {
  return function (this: unknown, context, options) {
    const fn = options.fn;
    const counted = { ...options, fn: (...a: unknown[]) => {
      if (--budget.left < 0) {
        throw new HelperError('each', `the template repeats blocks more than ${formatCount(LIMITS.templateIterations.value)} times in one document`, options.loc, LIMITS.templateIterations.rule);
      }
      return fn(...a);
    } };
    return each.call(this, context, counted);
  };
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
  cnNumber: dataHelper('cnNumber', (n) => chineseNumeral(wholeNumber(n))),
  cnDate: dataHelper('cnDate', (d) => chineseDate(textOf(d, 'a date'))),
  sectionNumber: dataHelper('sectionNumber', (level, n) => sectionNumber(wholeNumber(level), wholeNumber(n))),
  /** 第3期 / 总第45期 */
  issueNumber: dataHelper('issueNumber', (n, prefix) => `${prefix === undefined ? '' : textOf(prefix, 'a prefix')}第${wholeNumber(n)}期`),
  eq: dataHelper('eq', (a, b) => a === b),
  inc: dataHelper('inc', (n) => wholeNumber(n) + 1),
  /** Whether a ≥ b: `{{#if (atLeast articleCount @root.theme.contents.minArticles)}}`. */
  atLeast: dataHelper('atLeast', (a, b) => wholeNumber(a) >= wholeNumber(b)),
  join: dataHelper('join', (list, sep) => {
    if (!Array.isArray(list)) throw new TypeError(`takes a list, got ${kindOf(list)}`);
    return list.map((x) => (typeof x === 'number' ? String(x) : textOf(x, 'text'))).join(sep === undefined ? '、' : textOf(sep, 'a separator'));
  }),
};

/**
 * A whole number from a helper argument: a number, or text of digits. Anything else is an error
 * of the template, reported where it calls the helper: `Number({})` would print 第NaN期.
 */
function wholeNumber(v: Data): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new TypeError(`takes a whole number, got ${kindOf(v)}`);
  return n;
}

function textOf(v: Data, what: string): string {
  if (typeof v !== 'string') throw new TypeError(`takes ${what} as text, got ${kindOf(v)}`);
  return v;
}

/** What a helper argument is, for its error: `the number 1.5`, `a list`, `nothing`. */
function kindOf(v: Data): string {
  if (v === undefined || v === null) return 'nothing (is the field name right?)';
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'boolean') return `\`${v}\``;
  return Array.isArray(v) ? 'a list' : 'a mapping';
}

/** Handlebars' own block helpers that templates may use; `log` and the rest stay off. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
