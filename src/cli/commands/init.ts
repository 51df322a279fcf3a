import fs from 'node:fs';
import path from 'node:path';
import { init } from '../../api/project.js';
import { displayPath } from '../../diagnostics/index.js';
import { withCommandArgs } from '../args.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';
import { printJson } from '../report.js';

const HELP = `Usage: jianbao init [DIR] [options]

Makes a working jianbao project in DIR (the working folder by default; made if missing):

  jianbao.yaml                          the project's settings: out folder, default formats
                                        and layouts, fonts, series defaults (every key commented)
  content/articles/sample-article.yaml  a sample article (示例)
  content/bulletins/sample-issue.yaml   a sample bulletin issue carrying it
  .gitignore                            out/ and node_modules/
  .github/workflows/build.yml           CI: check, build --verify, keep the outputs
  .github/workflows/release.yml         on a v* tag: build --release, attach the files

\`jianbao build\` then works in it at once. Files already there are kept; a folder with a
jianbao.yaml is refused unless --force (which writes the sample files again).

Options:
      --force       write the sample files over those there
      --json        print {ok, diagnostics, dir, written, kept} as JSON on stdout
  -h, --help        show this help

Exit codes: 0 ok; 2 bad usage (DIR is a file, or already a project).`;

export const initCommand: Command = {
  name: 'init',
  help: HELP,
  run(argv, io) {
    return withCommandArgs(this, argv, io, { force: { type: 'boolean' } } as const, async ({ values, positionals }, json) => {
      if (positionals.length > 1) throw new UsageError(`init makes one project; got ${positionals.length} folders`);
      const result = init({ cwd: io.cwd, ...(positionals[0] ? { dir: positionals[0] } : {}), force: values.force ?? false });
      const where = displayPath(result.dir, io.cwd);
      if (json) {
        printJson(io, true, [], { dir: result.dir, written: result.written, kept: result.kept });
        return EXIT_OK;
      }
      const lines = [`made a jianbao project in ${where === '.' ? 'this folder' : where}:`, ...result.written.map((f) => `  wrote ${f}`), ...result.kept.map((f) => `  kept  ${f} (already there)`)];
      const cd = where === '.' ? '' : `cd ${where} && `;
      lines.push('', 'next:', `  ${cd}jianbao build        # writes out/: PDF and Word of the sample article and issue`, `  ${cd}jianbao preview      # a browser page that rebuilds as you edit content/`);
      if (!hasJianbaoDependency(result.dir)) {
        lines.push('', 'CI: the workflows install jianbao with `npm ci`: add it to the project as a dev dependency,', '  e.g. `npm install -D path/to/jianbao-<version>.tgz`, and commit package.json, package-lock.json and the tarball.');
      }
      io.stdout(lines.join('\n') + '\n');
      return EXIT_OK;
    });
  },
};

/** Whether the project's package.json lists jianbao (the workflows' `npm ci` installs it then). */
function hasJianbaoDependency(dir: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
    return 'jianbao' in (pkg.devDependencies ?? {}) || 'jianbao' in (pkg.dependencies ?? {});
  } catch {
    return false;
  }
}
