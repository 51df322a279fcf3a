import path from 'node:path';
import { cleanOutFolder } from '../../outputs/clean.js';
import { displayPath } from '../../diagnostics/index.js';
import { openProject } from '../../project/open.js';
import { withCommandArgs } from '../args.js';
import { printJson } from '../report.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';

const HELP = `Usage: jianbao clean [options]

Removes what jianbao built in the out folder, and only that: the outputs its manifest.json
lists, their previews, the last release's files (those release/SHA256SUMS lists), index.html,
SHA256SUMS and manifest.json, then the folders left empty. An output changed by hand since it
was built is left, and named; any other file in the folder is never touched.

A build already removes the outputs of content that is gone; clean removes all of them.

Options:
  -o, --out DIR    the out folder (default: jianbao.yaml's \`out\`, else out/ in the project)
      --root DIR   the project's folder (default: found from the working folder)
  -n, --dry-run    list what would be removed, and remove nothing
      --json       print { removed, kept } as JSON on stdout
  -q, --quiet      print nothing but errors
  -h, --help       show this help

Exit codes: 0 ok; 1 the folder has no manifest, or it does not read (nothing removed);
2 bad usage.`;

export const cleanCommand: Command = {
  name: 'clean',
  help: HELP,
  run(argv, io) {
    const options = { out: { type: 'string', short: 'o' }, root: { type: 'string' }, 'dry-run': { type: 'boolean', short: 'n' }, quiet: { type: 'boolean', short: 'q' } } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      if (positionals.length > 0) throw new UsageError(`clean takes no paths (\`${positionals[0]}\`); name the out folder with -o DIR`);
      // With -o the folder named; else the project's out folder, found as a build finds it.
      const outDir = values.out !== undefined && values.root === undefined ? path.resolve(io.cwd, values.out) : openProject({ cwd: io.cwd, ...(values.root !== undefined ? { root: values.root } : {}), ...(values.out !== undefined ? { out: values.out } : {}) }).paths.outDir;
      const dryRun = values['dry-run'] ?? false;
      const { removed, kept } = cleanOutFolder(outDir, { dryRun });
      const where = displayPath(outDir, io.cwd);
      if (json) printJson(io, true, [], { outDir, dryRun, removed, kept });
      else if (!values.quiet) {
        const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
        const lines = [
          removed.length === 0 ? `nothing to remove in ${where}/` : `${dryRun ? 'would remove' : 'removed'} ${files(removed.length)} from ${where}/${dryRun ? ':' : ''}`,
          ...(dryRun ? removed.map((r) => `  ${r}`) : []),
          ...kept.map((k) => `left ${k}: changed since it was built`),
        ];
        io.stdout(lines.join('\n') + '\n');
      }
      return EXIT_OK;
    });
  },
};
