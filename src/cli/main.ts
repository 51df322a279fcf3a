import { EXIT_OK, EXIT_USAGE, type CliIO } from './command.js';
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
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout((topic ? (await topic.load()).help : mainHelp()) + '\n');
    return name || topic ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`jianbao: unknown command \`${name}\`\n\n${mainHelp()}\n`);
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(`jianbao: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    else io.stderr('This is a bug in jianbao. Run again with --debug for the stack trace.\n');
    return 70;
  }
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
