import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict argument parsing: an unknown flag or a missing value is a usage error (exit 2). */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/^.*?: /, '').split('\n')[0]! : String(e));
  }
}

/** `a,b` or repeated flags → list, validated against what is allowed. */
export function listOption(values: string | string[] | undefined, allowed: readonly string[] | undefined, flag: string): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (Array.isArray(values) ? values : [values]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (list.length === 0) throw new UsageError(`${flag} needs a value`);
  if (allowed) for (const v of list) if (!allowed.includes(v)) throw new UsageError(`${flag}: unknown value \`${v}\`; expected ${allowed.join(', ')}`);
  return [...new Set(list)];
}
