import { check } from '../../api/check.js';
import { RANGE_STYLES, type RangeStyle } from '../../import/punctuation.js';
import { listOption, ROOT_OPTION, withCommandArgs } from '../args.js';
import { EXIT_BAD_INPUT, EXIT_OK, type Command } from '../command.js';
import { printDiagnostics, printJson } from '../report.js';

const HELP = `Usage: jianbao check [PATH…] [options]

Validates content files and lays them out with their templates, without writing anything.
PATH is content files or folders; the project's content/ by default (the project is found
from PATH or the working folder upwards, as \`build\` finds it).

Options:
  -l, --layout NAME[,NAME]   layouts to check (default: each file's own)
      --root DIR             the project's folder (default: found from PATH or the working folder)
      --punctuation          also report ASCII punctuation in Chinese text (GB/T 15834)
                             and unbalanced quotes and brackets, as \`import\` normalises them
      --fix-punctuation      as --punctuation, and fix the marks in the files: only the
                             changed characters change, the rest of each file stays as it is
      --ranges=keep|dash|tilde   with the above: change 2020-2035 to 2020—2035 or 2020～2035
  -v, --verbose              list every punctuation change, not only their count
      --json                 print {ok, diagnostics, punctuation} as JSON on stdout
  -h, --help                 show this help

Exit codes: 0 ok; 1 bad input (diagnostics printed as file:line:col: error[rule]: message); 2 bad usage.`;

export const checkCommand: Command = {
  name: 'check',
  help: HELP,
  run(argv, io) {
    const options = {
      layout: { type: 'string', short: 'l', multiple: true },
      ...ROOT_OPTION,
      punctuation: { type: 'boolean' },
      'fix-punctuation': { type: 'boolean' },
      ranges: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
    } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      const layouts = listOption(values.layout, undefined, '--layout');
      const ranges = listOption(values.ranges, RANGE_STYLES, '--ranges')?.[0] as RangeStyle | undefined;
      const punctuation = values['fix-punctuation'] ? 'fix' : values.punctuation ? 'report' : undefined;
      const result = await check({
        cwd: io.cwd,
        ...(values.root !== undefined ? { root: values.root } : {}),
        inputs: positionals,
        ...(layouts ? { layouts } : {}),
        ...(punctuation ? { punctuation } : {}),
        ...(ranges ? { ranges } : {}),
      });
      if (json) {
        printJson(io, result.ok, result.diagnostics, { root: result.root, punctuation: result.punctuation });
        return result.ok ? EXIT_OK : EXIT_BAD_INPUT;
      }
      printDiagnostics(io, result.diagnostics.filter((d) => values.verbose || d.severity !== 'info'));
      for (const p of result.punctuation) {
        if (p.changes > 0) io.stdout(`${p.file}: ${p.changes} punctuation mark${p.changes === 1 ? '' : 's'} ${p.written ? 'fixed' : 'to fix (--fix-punctuation)'}\n`);
      }
      if (!result.ok) {
        const n = result.diagnostics.filter((d) => d.severity === 'error').length;
        io.stderr(`${n} error${n === 1 ? '' : 's'}\n`);
        return EXIT_BAD_INPUT;
      }
      io.stdout('ok: no errors\n');
      return EXIT_OK;
    });
  },
};

