import { build } from '../../build/build.js';
import { projectPaths } from '../../build/project.js';
import { listOption, parseCommandArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { exitFor, printDiagnostics } from '../report.js';

const HELP = `Usage: jianbao check [PATH…] [options]

Validates content files and lays them out with their templates, without writing anything.
PATH is content files or folders; content/ by default.

Options:
  -l, --layout NAME[,NAME]   layouts to check (default: each file's own)
      --json                 print diagnostics as JSON on stdout
  -h, --help                 show this help

Exit codes: 0 ok; 1 bad input (diagnostics printed as file:line:col: error[rule]: message); 2 bad usage.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate content without writing anything',
  help: HELP,
  async run(argv, io) {
    let json = argv.includes('--json');
    try {
      const { values, positionals } = parseCommandArgs(argv, {
        layout: { type: 'string', short: 'l', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      });
      json = values.json ?? false;
      if (values.help) {
        io.stdout(HELP + '\n');
        return EXIT_OK;
      }
      const layouts = listOption(values.layout, undefined, '--layout');
      const result = await build({ paths: projectPaths(io.cwd), inputs: positionals, ...(layouts ? { layouts } : {}), checkOnly: true });
      if (json) io.stdout(JSON.stringify({ ok: true, diagnostics: result.warnings }, null, 2) + '\n');
      else {
        printDiagnostics(io, result.warnings, false);
        io.stdout('ok: no errors\n');
      }
      return EXIT_OK;
    } catch (e) {
      return exitFor(e, io, json, 'check');
    }
  },
};
