import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_OK, UsageError, type CliIO } from './command.js';
import { exitFor } from './report.js';

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

/** Flags every command takes. */
const COMMON_OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/**
 * The frame every command runs in: its flags plus --json and --help parsed strictly, --help
 * printing the command's help, and a thrown error turned into its exit code (diagnostics 1,
 * usage 2), printed as JSON when --json was given.
 */
export async function withCommandArgs<O extends Options>(
  command: { name: string; help: string },
  argv: string[],
  io: CliIO,
  options: O,
  body: (args: ReturnType<typeof parseCommandArgs<O & typeof COMMON_OPTIONS>>, json: boolean) => Promise<number>,
): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseCommandArgs(argv, { ...options, ...COMMON_OPTIONS });
    const common = args.values as { json?: boolean; help?: boolean };
    json = common.json ?? false;
    if (common.help) {
      io.stdout(command.help + '\n');
      return EXIT_OK;
    }
    return await body(args, json);
  } catch (e) {
    return exitFor(e, io, json, command.name);
  }
}
