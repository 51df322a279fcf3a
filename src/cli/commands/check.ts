import { build } from '../../pipeline/build.js';
import { projectPaths } from '../../pipeline/project.js';
import { listOption, withCommandArgs } from '../args.js';
import { EXIT_OK, type CliIO, type Command } from '../command.js';
import { printDiagnostics } from '../report.js';
import { discoverContent } from '../../pipeline/discover.js';
import { DiagnosticError, displayPath, type Diagnostic } from '../../diagnostics/index.js';
import { fixPunctuationInFile } from '../../import/fix-punctuation.js';
import { RANGE_STYLES, type RangeStyle } from '../../import/punctuation.js';

const HELP = `Usage: jianbao check [PATH…] [options]

Validates content files and lays them out with their templates, without writing anything.
PATH is content files or folders; content/ by default.

Options:
  -l, --layout NAME[,NAME]   layouts to check (default: each file's own)
      --punctuation          also report ASCII punctuation in Chinese text (GB/T 15834)
                             and unbalanced quotes and brackets, as \`import\` normalises them
      --fix-punctuation      as --punctuation, and rewrite the files with the marks fixed
                             (comments and layout of the YAML are kept)
      --ranges=keep|dash|tilde   with the above: change 2020-2035 to 2020—2035 or 2020～2035
  -v, --verbose              list every punctuation change, not only their count
      --json                 print diagnostics as JSON on stdout
  -h, --help                 show this help

Exit codes: 0 ok; 1 bad input (diagnostics printed as file:line:col: error[rule]: message); 2 bad usage.`;

export const checkCommand: Command = {
  name: 'check',
  help: HELP,
  run(argv, io) {
    const options = {
      layout: { type: 'string', short: 'l', multiple: true },
      punctuation: { type: 'boolean' },
      'fix-punctuation': { type: 'boolean' },
      ranges: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
    } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      const layouts = listOption(values.layout, undefined, '--layout');
      const ranges = listOption(values.ranges, RANGE_STYLES, '--ranges')?.[0] as RangeStyle | undefined;
      const punct = values.punctuation || values['fix-punctuation'] ? punctuationPass(io, positionals, { write: values['fix-punctuation'] ?? false, ranges, verbose: values.verbose ?? false, json }) : [];
      const result = await build({ paths: projectPaths(io.cwd), inputs: positionals, ...(layouts ? { layouts } : {}), checkOnly: true });
      if (json) io.stdout(JSON.stringify({ ok: true, diagnostics: [...punct, ...result.warnings] }, null, 2) + '\n');
      else {
        printDiagnostics(io, result.warnings, false);
        io.stdout('ok: no errors\n');
      }
      return EXIT_OK;
    });
  },
};

/** Reports (and with `write`, fixes) the punctuation of every content file named; returns the diagnostics for --json. */
function punctuationPass(io: CliIO, inputs: string[], opts: { write: boolean; ranges: RangeStyle | undefined; verbose: boolean; json: boolean }): Diagnostic[] {
  const paths = projectPaths(io.cwd);
  const { files, diagnostics } = discoverContent(inputs.length > 0 ? inputs : [paths.contentDir], io.cwd);
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
  const all: Diagnostic[] = [];
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    const r = fixPunctuationInFile(file, shown, { write: opts.write, ...(opts.ranges ? { ranges: opts.ranges } : {}) });
    all.push(...r.diagnostics);
    if (opts.json) continue;
    printDiagnostics(io, r.diagnostics.filter((d) => opts.verbose || d.severity !== 'info'), false);
    if (r.changes > 0) io.stdout(`${shown}: ${r.changes} punctuation mark${r.changes === 1 ? '' : 's'} ${r.written ? 'fixed' : 'to fix (--fix-punctuation)'}\n`);
  }
  return all;
}
