import { copyLayout, layouts } from '../../api/project.js';
import { displayPath } from '../../diagnostics/index.js';
import { defaultsSentence, formatLayouts } from '../../project/layouts.js';
import { ROOT_OPTION, withCommandArgs } from '../args.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { printJson } from '../report.js';

const HELP = `Usage: jianbao layouts [--copy NAME [--force]] [options]

Lists the layouts the project can build: its own (templates/NAME.hbs with NAME.theme.yaml)
and the built-in ones, what each lays out, whether it is a default, and its description.

A project's files are found first, name by name, then the built-in ones: templates/memo.hbs
adds a layout beside the built-in ones, templates/report.theme.yaml restyles the built-in
report, and templates/partials/blocks.hbs replaces that partial for every layout.

Options:
      --copy NAME    copy the built-in layout NAME (template and theme) into templates/ to
                     edit it; the copy then wins over the built-in one
      --force        with --copy, replace the project's copy
      --root DIR     the project's folder (default: found from the working folder upwards)
      --json         print {ok, diagnostics, layouts} (or {…, written}) as JSON on stdout
  -h, --help         show this help

Exit codes: 0 ok; 1 a broken jianbao.yaml; 2 bad usage.`;

export const layoutsCommand: Command = {
  name: 'layouts',
  help: HELP,
  run(argv, io) {
    const options = { copy: { type: 'string' }, force: { type: 'boolean' }, ...ROOT_OPTION } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, ['copy a layout with `--copy NAME`']);
      if (values.force && values.copy === undefined) throw new UsageError('--force goes with --copy NAME');
      const where = { cwd: io.cwd, ...(values.root !== undefined ? { root: values.root } : {}) };
      if (values.copy !== undefined) {
        const written = copyLayout({ ...where, name: values.copy, force: values.force ?? false });
        if (json) printJson(io, true, [], { written });
        else io.stdout(`copied the built-in layout \`${values.copy}\` to edit:\n${written.map((f) => `  ${displayPath(f, io.cwd)}`).join('\n')}\nthe project's copy is used from now on; delete it to go back to the built-in one\n`);
        return EXIT_OK;
      }
      const list = layouts(where);
      if (json) printJson(io, true, [], { layouts: list });
      else io.stdout(`${formatLayouts(list).join('\n')}\n\nBy default ${defaultsSentence(list)}.\n`);
      return EXIT_OK;
    });
  },
};
