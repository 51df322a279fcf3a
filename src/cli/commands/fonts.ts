import { fonts } from '../../api/fonts.js';
import { formatDiagnostic } from '../../diagnostics/index.js';
import { fontsReportJson, formatFontsReport } from '../../fonts/fonts-report.js';
import { listOption, ROOT_OPTION, withCommandArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { printJson } from '../report.js';

const HELP = `Usage: jianbao fonts [PATH…] [options]

Shows, for each font role of each layout, the face a build takes: its family, its file (and
the face's index in a collection), where it came from (the project's fonts/, installed on this
machine, or bundled), its embedding permission, and its coverage of the content: every
character the content sets in the role that no face of the role has, with file:line:col.

A role takes, in order: a file its theme names in fonts/; any face in fonts/ answering to one
of the role's names; a face installed on the machine answering to one of them (unless
jianbao.yaml says \`fonts: bundled\`, or JIANBAO_FONTS=bundled); the bundled default.

PATH is content files or folders whose characters are checked; the project's content/ by
default (the project is found from PATH or the working folder upwards, as \`build\` finds it).

Options:
  -l, --layout NAME[,NAME]   layouts to show (default: every layout)
      --root DIR             the project's folder (default: found from PATH or the working folder)
      --json                 print the report as JSON on stdout
  -h, --help                 show this help

Exit codes: 0 ok; 1 a role has no face it may embed, or the content has errors; 2 bad usage.`;

export const fontsCommand: Command = {
  name: 'fonts',
  help: HELP,
  run(argv, io) {
    const options = { layout: { type: 'string', short: 'l', multiple: true }, ...ROOT_OPTION } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      const layouts = listOption(values.layout, undefined, '--layout');
      const result = await fonts({ cwd: io.cwd, ...(values.root !== undefined ? { root: values.root } : {}), inputs: positionals, ...(layouts ? { layouts } : {}) });
      const { setting, roles: reports, diagnostics: contentErrors } = result;
      const failed = !result.ok;
      if (json) printJson(io, !failed, contentErrors, { root: result.root, fontsSetting: setting, ...fontsReportJson(reports) });
      else {
        io.stdout(`fonts setting: ${setting.value} (${setting.from})\n\n`);
        io.stdout(formatFontsReport(reports));
        // A role's own problem is in the report already; anything else kept the content from being laid out.
        const others = contentErrors.filter((d) => !d.rule.startsWith('font'));
        if (contentErrors.length > 0) io.stderr(`the content could not be laid out, so its coverage is not shown${others.length ? `:\n${others.map(formatDiagnostic).join('\n')}` : ' (a role above has no face it may embed)'}\n`);
      }
      return failed ? 1 : EXIT_OK;
    });
  },
};
