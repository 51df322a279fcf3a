import { spawn } from 'node:child_process';
import { preview } from '../../api/preview.js';
import { DiagnosticError, displayPath, formatDiagnostic } from '../../diagnostics/index.js';
import { outputLine } from '../progress.js';
import { withCommandArgs } from '../args.js';
import { BUILD_FLAG_OPTIONS, buildFlagOptions } from '../build-flags.js';
import { EXIT_OK, UsageError, type CliIO, type Command } from '../command.js';
import { formatNames } from '../../render/registry.js';

const HELP = `Usage: jianbao preview [PATH…] [options]

Builds, watches and shows the outputs in your browser: a page on this machine lists every
output (out/index.html) and draws each PDF's pages with pdf.js; after every save it rebuilds
what changed and the page shows it at once (server-sent events), keeping your place. A save
with errors shows them on the page; the last good outputs stay.

PATH is content files or folders, as for \`jianbao build\`; the project's content/ by default.

Options:
  -p, --port N               the port (default: a free one, printed)
      --open                 open the page in the default browser
  -l, --layout NAME[,NAME]   layouts to build (default: as \`jianbao build\`)
  -f, --format ${formatNames().join(',').padEnd(13)} formats to write (default: as \`jianbao build\`)
  -o, --out DIR              output folder (default: jianbao.yaml's \`out\`, else out/)
      --root DIR             the project's folder (default: found from PATH or the working folder)
      --draft                mark outputs as drafts
  -j, --jobs N               render N outputs at once (default: cores)
  -h, --help                 show this help

It listens on 127.0.0.1 only and serves nothing but the out folder, the page and pdf.js.
Ctrl-C stops it. Exit codes: 0 stopped; 1 bad input at the start; 2 bad usage.`;

export const previewCommand: Command = {
  name: 'preview',
  help: HELP,
  run(argv, io) {
    const options = {
      port: { type: 'string', short: 'p' },
      open: { type: 'boolean' },
      ...BUILD_FLAG_OPTIONS,
    } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      if (json) throw new UsageError('preview runs until Ctrl-C and prints no JSON; use `jianbao build --json`');
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected a port number 0–65535, not \`${values.port}\``);
      const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs: expected a whole number ≥ 1, not \`${values.jobs}\``);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const clock = () => new Date().toTimeString().slice(0, 8);
      try {
        const handle = await preview({
          ...buildFlagOptions(values, positionals, io.cwd),
          ...(jobs !== undefined ? { jobs } : {}),
          port,
          signal: controller.signal,
          onEvent: (e) => {
            if (e.type === 'output') io.stdout(`[${clock()}] ${outputLine(e.entry, e.ms)}\n`);
          },
          onBuild: (outcome, changed) => {
            if ('error' in outcome) {
              if (outcome.error instanceof DiagnosticError) io.stderr(outcome.error.diagnostics.map(formatDiagnostic).join('\n') + '\n');
              io.stderr(`[${clock()}] not rebuilt: ${outcome.error instanceof DiagnosticError ? 'fix the errors above (the page shows them too)' : outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}\n`);
            } else if (outcome.result.outputs.length > 0 || changed.length > 0) {
              io.stdout(`[${clock()}] ${changed.length > 0 ? `${changed.join(', ')} changed; ` : ''}rebuilt ${outcome.result.outputs.length} of ${outcome.result.outputs.length + outcome.result.upToDate.length} in ${(outcome.ms / 1000).toFixed(2)} s\n`);
            }
          },
        });
        const where = displayPath(handle.root, io.cwd);
        io.stdout(`preview: ${handle.url}  (watching ${where === '.' ? 'this project' : where}; Ctrl-C stops)\n`);
        if (values.open) openBrowser(handle.url, io);
        await handle.closed;
      } finally {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
      }
      return EXIT_OK;
    });
  },
};

/** Opens a URL in the desktop's browser (xdg-open, open, start); says so if none is found. */
function openBrowser(url: string, io: CliIO): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr(`could not open a browser (${cmd}); open ${url} yourself\n`));
  child.unref();
}
