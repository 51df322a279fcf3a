import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../diagnostics/index.js';
import { EXIT_OK, UsageError, type CliIO } from './command.js';
import { exitFor } from './report.js';

type Options = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs gives for a command's options. */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/**
 * Strict argument parsing: an unknown flag or a missing value is a usage error (exit 2), in our
 * words, with the nearest flag the command has (`--formt` → did you mean `--format`?).
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, allowPositionals = true): ParsedArgs<O> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (e) {
    throw usageErrorOf(e, options);
  }
}

/** Node's parseArgs error as our own message. */
function usageErrorOf(e: unknown, options: Options): UsageError {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const flags = Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const flag = quoted.split('=')[0]!;
    const near = didYouMean(flag.replace(/^-+/, ''), Object.keys(options));
    return new UsageError(`unknown option \`${flag}\``, [near ? `did you mean \`--${near}\`?` : `options: ${flags.filter((f) => f.startsWith('--')).join(', ')}`]);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const long = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
    if (/argument missing/.test(message)) return new UsageError(`\`${long}\` needs a value`);
    if (/does not take an argument/.test(message)) return new UsageError(`\`${long}\` takes no value`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return new UsageError(`unexpected argument \`${quoted}\`: this command takes no paths`);
  return new UsageError(message.split('\n')[0]!);
}

/** `a,b` or repeated flags → list, validated against what is allowed. */
export function listOption(values: string | string[] | undefined, allowed: readonly string[] | undefined, flag: string): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (Array.isArray(values) ? values : [values]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (list.length === 0) throw new UsageError(`${flag} needs a value`);
  if (allowed) {
    for (const v of list) {
      if (allowed.includes(v)) continue;
      const near = didYouMean(v, allowed);
      throw new UsageError(`${flag}: unknown value \`${v}\``, [near ? `did you mean \`${near}\`?` : `expected ${allowed.join(', ')}`]);
    }
  }
  return [...new Set(list)];
}

/** Flags every command takes. */
const COMMON_OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** `--root DIR`, for the commands that work on a project. */
export const ROOT_OPTION = { root: { type: 'string' } } as const;

/**
 * The frame every command runs in: its flags plus --json and --help parsed strictly, --help
 * printing the command's help, and a thrown error turned into its exit code (diagnostics 1,
 * usage 2), printed as JSON when --json was given.
 */
export async function withCommandArgs<O extends Options>(
  command: { name: string; help: string; helpFor?(cwd: string): string },
  argv: string[],
  io: CliIO,
  options: O,
  body: (args: ReturnType<typeof parseCommandArgs<O & typeof COMMON_OPTIONS>>, json: boolean) => Promise<number>,
): Promise<number> {
  let json = wantsJson(argv);
  try {
    const args = parseCommandArgs(argv, { ...options, ...COMMON_OPTIONS });
    const common = args.values as { json?: boolean; help?: boolean };
    json = common.json ?? false;
    if (common.help) {
      io.stdout((command.helpFor ? command.helpFor(io.cwd) : command.help) + '\n');
      return EXIT_OK;
    }
    return await body(args, json);
  } catch (e) {
    return exitFor(e, io, json, command.name);
  }
}

/** Whether the arguments ask for JSON (before `--`), read before parsing so usage errors come as JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}
