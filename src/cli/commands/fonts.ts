import path from 'node:path';
import { DiagnosticError, type Diagnostic, formatDiagnostic } from '../../diagnostics/index.js';
import { type MissingChar, type RoleReport, fontsReportJson, formatFontsReport, missingChar } from '../../fonts/fonts-report.js';
import { readFontsSetting, resolveProjectRole } from '../../fonts/project-fonts.js';
import { resolveFontCandidate } from '../../fonts/resolve-font.js';
import { type RoleCoverage, glyphCoverage } from '../../glyphs/check-glyphs.js';
import { plan } from '../../pipeline/plan.js';
import { openProject } from '../../project/open.js';
import { listLayouts, themeFile } from '../../templates/layout-files.js';
import { themeFontRoles } from '../../theme/load-theme.js';
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
      const inputs = positionals.map((p) => path.resolve(io.cwd, p));
      const project = openProject({ cwd: io.cwd, ...(values.root !== undefined ? { root: values.root } : {}), inputs });
      const { paths } = project;
      const config = project.config.data;
      const known = listLayouts(paths);
      const layouts = listOption(values.layout, known, '--layout') ?? known;
      const setting = readFontsSetting(paths.projectDir);
      if (setting.diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(setting.diagnostics);

      // Coverage: every document a build would make, laid out, its characters checked by role.
      const coverage = new Map<string, Map<string, RoleCoverage>>();
      let contentErrors: Diagnostic[] = [];
      try {
        for (const p of plan({ paths, inputs, ...(config.layouts ? { defaultLayouts: config.layouts } : {}), ...(config.series ? { seriesDefaults: config.series } : {}), skipGlyphCheck: true })) {
          if (!layouts.includes(p.layout)) continue;
          if (!coverage.has(p.layout)) coverage.set(p.layout, new Map());
          glyphCoverage(p.doc, coverage.get(p.layout));
        }
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        contentErrors = e.diagnostics;
      }

      const reports: RoleReport[] = [];
      for (const layout of layouts) {
        for (const spec of themeFontRoles(themeFile(paths, layout))) {
          const { face, diagnostics } = resolveProjectRole(spec, paths.projectDir, setting.setting);
          const cov = coverage.get(layout)?.get(spec.role);
          const missing: MissingChar[] = [...(cov?.missing ?? [])].map(([ch, at]) => missingChar(ch, at.slice(0, 20), at.length));
          reports.push({
            layout,
            role: spec.role,
            ...(face ? { face } : {}),
            fallbacks: spec.fallback.map((c) => (resolveFontCandidate(c, paths.projectDir) ? c : `${c} (not found)`)),
            characters: cov?.characters.size ?? 0,
            missing,
            problems: diagnostics.map((d) => `${d.severity}: ${d.message}`),
          });
        }
      }
      const failed = contentErrors.some((d) => d.severity === 'error') || reports.some((r) => !r.face || r.problems.some((p) => p.startsWith('error')));
      if (json) printJson(io, !failed, contentErrors, { root: project.root, fontsSetting: { value: setting.setting, from: setting.from }, ...fontsReportJson(reports) });
      else {
        io.stdout(`fonts setting: ${setting.setting} (${setting.from})\n\n`);
        io.stdout(formatFontsReport(reports));
        // A role's own problem is in the report already; anything else kept the content from being laid out.
        const others = contentErrors.filter((d) => !d.rule.startsWith('font'));
        if (contentErrors.length > 0) io.stderr(`the content could not be laid out, so its coverage is not shown${others.length ? `:\n${others.map(formatDiagnostic).join('\n')}` : ' (a role above has no face it may embed)'}\n`);
      }
      return failed ? 1 : EXIT_OK;
    });
  },
};
