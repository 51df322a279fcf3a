import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from './command.js';
import { wantsJson } from './args.js';
import { printJson, printUsageError } from './report.js';
import { didYouMean } from '../diagnostics/index.js';
import { COMMANDS } from './registry.js';
import { importExternal } from '../external.js';
import { VERSION } from '../package.js';

export { VERSION } from '../package.js';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `jianbao ${VERSION}: Chinese reports to print-ready PDF bulletins and editable Word drafts

Usage: jianbao <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`jianbao <command> --help\` for a command's options.
Global: --debug shows stack traces of internal errors; --version prints the version.`;
}

/**
 * The CLI as a function: argv in, exit code out. Bad input is 1 and bad usage 2; an internal
 * error is a bug, reported without a stack trace unless --debug.
 */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const json = wantsJson(args);
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] !== undefined ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === 'help' && rest[0] !== undefined && !topic) return printUsageError(io, unknownCommand(rest[0]), json);
    const loaded = topic ? await topic.load() : undefined;
    io.stdout((loaded ? (loaded.helpFor ? loaded.helpFor(io.cwd) : loaded.help) : mainHelp()) + '\n');
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) return printUsageError(io, unknownCommand(name), json);
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (json) printJson(io, false, [{ severity: 'error', rule: 'internal', message, hints: ['this is a bug in jianbao; run again with --debug for the stack trace'] }]);
    io.stderr(`jianbao: internal error: ${message}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    else io.stderr('This is a bug in jianbao. Run again with --debug for the stack trace.\n');
    return 70;
  }
}

/** `jianbao buld`: the nearest command, else the list. */
function unknownCommand(name: string): UsageError {
  const names = COMMANDS.map((c) => c.name);
  const near = name.startsWith('-') ? undefined : didYouMean(name, names);
  const what = name.startsWith('-') ? `unknown option \`${name}\` (give a command first)` : `unknown command \`${name}\``;
  return new UsageError(what, [near ? `did you mean \`jianbao ${near}\`?` : `commands: ${names.join(', ')}`]);
}

/** Process entry: real stdio and exit code. */
export async function main(): Promise<void> {
  const io: CliIO = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY),
    ask: async (q) => {
      const rl = (await importExternal<typeof import('node:readline/promises')>('node:readline/promises')).createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(q);
      } finally {
        rl.close();
      }
    },
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
