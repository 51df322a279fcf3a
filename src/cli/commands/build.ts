import { build, type BuildOptions as ApiBuildOptions, type BuildResult } from '../../api/build.js';
import { watch as watchApi } from '../../api/watch.js';
import type { BuildEvent } from '../../pipeline/build.js';
import { outputLine, progressMode, progressReporter } from '../progress.js';
import { projectPaths } from '../../pipeline/project.js';
import { isReleaseName } from '../../outputs/release.js';
import { defaultJobs } from '../../render-pool/render-pool.js';
import { parseShard } from '../../outputs/shard.js';
import { defaultFormatNames, formatNames } from '../../render/registry.js';
import { DiagnosticError, displayPath, formatDiagnostic } from '../../diagnostics/index.js';
import { LIMITS } from '../../limits.js';
import { describeLayouts, defaultsSentence, formatLayouts, type LayoutInfo } from '../../project/layouts.js';
import { openProject } from '../../project/open.js';
import { findProjectRoot } from '../../project/root.js';
import { withCommandArgs } from '../args.js';
import { printJson } from '../report.js';
import { BUILD_FLAG_OPTIONS, buildFlagOptions } from '../build-flags.js';
import { formatFontChoices } from '../../fonts/fonts-report.js';
import { EXIT_OK, UsageError, type CliIO, type Command } from '../command.js';

const help = (cwd: string = process.cwd()): string => {
  const layouts = layoutsHere(cwd);
  return `Usage: jianbao build [PATH…] [options]

Builds every content file × layout × format and writes the outputs and a manifest.
Only outputs whose inputs changed are rebuilt.

PATH is content files (*.yaml) or folders searched for them; the project's content/ by
default. The project is the nearest folder at or above PATH (or the working folder) with a
jianbao.yaml or a content/ folder; outputs go to its out/ wherever you run the command.

Layouts${layouts.where}:
${formatLayouts(layouts.list, layouts.own).map((l) => '  ' + l).join('\n')}
By default ${defaultsSentence(layouts.list)}: a file's \`layouts:\` names others,
jianbao.yaml's \`layouts:\` changes the defaults, and --layout overrides both.

Options:
  -l, --layout NAME[,NAME]   layouts to build (default: as above)
  -f, --format ${formatNames().join(',').padEnd(13)} formats to write (default: jianbao.yaml's \`formats\`, else a
                             layout's \`formats\` (its theme), else ${defaultFormatNames().join(',')}; ofd
                             (GB/T 33190, the PDF's pages) is written only when named
  -o, --out DIR              output folder (default: jianbao.yaml's \`out\`, else out/ in the project)
      --root DIR             the project's folder (default: found from PATH or the working folder)
      --draft                build drafts (header line and watermark), each written beside
                             its final as <layout>.draft.<format>, never over it
      --pdfa                 write every PDF, and its print sheets, as PDF/A-2b (archival)
  -j, --jobs N               render N outputs at once on worker threads (default: cores, here
                             ${defaultJobs()}; never more workers than outputs, nor than ${LIMITS.workers.value})
      --force                rebuild every output, even up-to-date ones
      --verify               read each output it writes back (pdf.js, the DOCX XML) and
                             fail if any text of the content is missing or out of order
      --shard K/N            build only the K-th of N slices of the outputs (CI matrix);
                             join them with \`jianbao manifest merge\`
      --release NAME         also write DIR/release/: each output under a flat name, a zip
                             per bulletin issue, NAME.zip of the whole out folder, SHA256SUMS
      --watch                build, then rebuild on every save until Ctrl-C
      --no-preview           skip the PNG previews of page 1
      --json                 print {ok, diagnostics, outputs, …} as JSON on stdout
  -q, --quiet                print nothing but errors
  -h, --help                 show this help

Outputs go to DIR/<path under content/>/<layout>.<format>, e.g.
out/articles/<slug>/report.pdf. Beside them:
  DIR/manifest.json   each output's source, layout, format, path, bytes, pages (PDF),
                      sha256 and build key (a hash of all its inputs)
  DIR/SHA256SUMS      checksums; \`sha256sum -c SHA256SUMS\` passes in DIR
  DIR/index.html      every output with a preview of page 1 (works opened from disk)
  DIR/…/<layout>.preview.png   the previews (pdftoppm, or pdf.js when installed)

Outputs are byte-identical from run to run and machine to machine: dates come from the
content, or from SOURCE_DATE_EPOCH when it is set. Progress shows live on a terminal and one
line per output otherwise (CI=true forces lines; NO_COLOR turns colour off).

Outputs whose content file is gone (or that no longer has the layout) are removed from DIR,
the manifest and the index, and the build says so; \`jianbao clean\` removes every output.
One build at a time writes DIR (it holds DIR/.jianbao-lock). Ctrl-C stops it between files:
what it wrote is listed in the manifest, and nothing half-written is left.

Exit codes: 0 ok; 1 bad input (diagnostics as file:line:col: error[rule]: message,
nothing written), or an output that could not be written (error[io], saying what was and was
not written); 2 bad usage; 130 and 143 stopped by Ctrl-C (SIGINT) or SIGTERM.`;
};

/** The layouts a build in `cwd` can use: its project's (with jianbao.yaml's defaults), else the built-in ones. */
function layoutsHere(cwd: string): { list: LayoutInfo[]; where: string; own: boolean } {
  const root = findProjectRoot(cwd);
  const paths = projectPaths(root ?? cwd);
  if (!root) return { list: describeLayouts({ ...paths, templatesDir: paths.builtinTemplatesDir }), where: ' (built in; a project may add its own in templates/)', own: false };
  let config = {};
  try {
    config = openProject({ cwd, root }).config.data;
  } catch {
    // a broken jianbao.yaml is reported by the build itself
  }
  const list = describeLayouts(paths, config);
  return { list, where: ` of ${displayPath(root, cwd)}`, own: list.some((l) => l.origin !== 'built-in') };
}

export const buildCommand: Command = {
  name: 'build',
  get help() {
    return help();
  },
  helpFor: (cwd) => help(cwd),
  run(argv, io) {
    const options = {
      ...BUILD_FLAG_OPTIONS,
      pdfa: { type: 'boolean' },
      force: { type: 'boolean' },
      verify: { type: 'boolean' },
      shard: { type: 'string' },
      release: { type: 'string' },
      watch: { type: 'boolean' },
      'no-preview': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs: expected a whole number ≥ 1, not \`${values.jobs}\``);
      const shard = values.shard === undefined ? undefined : parseShard(values.shard);
      if (values.shard !== undefined && !shard) throw new UsageError(`--shard: expected K/N with 1 ≤ K ≤ N, not \`${values.shard}\``);
      if (values.release !== undefined && !isReleaseName(values.release)) throw new UsageError(`--release: use letters, digits, ., _ and - in the name, not \`${values.release}\``);
      if (values.watch && (json || shard || values.release)) throw new UsageError('--watch does not go with --json, --shard or --release');
      if (shard && values.release) throw new UsageError('--release needs every output: build the shards, then `jianbao manifest merge … --release NAME`');

      const quiet = values.quiet ?? false;
      const mode = progressMode(process.env, Boolean(process.stdout.isTTY) && io.interactive);
      const options: ApiBuildOptions = {
        ...buildFlagOptions(values, positionals, io.cwd),
        ...(values.pdfa ? { pdfa: true } : {}),
        jobs,
        force: values.force ?? false,
        verify: values.verify ?? false,
        ...(shard ? { shard } : {}),
        ...(values.release ? { release: values.release } : {}),
        previews: !values['no-preview'],
      };
      if (values.watch) return await watch(options, io, mode, quiet);

      const progress = json || quiet ? undefined : progressReporter({ write: io.stdout, ...mode, columns: process.stdout.columns || 80 });
      const started = performance.now();
      let result: BuildResult;
      // Ctrl-C and SIGTERM stop the build between files: the manifest stays true (see BuildOptions.signal).
      const stop = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => stop.abort(signal);
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        result = await build({ ...options, signal: stop.signal, ...(progress ? { onEvent: (e: BuildEvent) => progress.onEvent(e) } : {}) });
      } finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        progress?.finish();
      }
      if (json) {
        printJson(io, true, result.warnings, { root: result.root, outDir: result.outDir, outputs: result.outputs, upToDate: result.upToDate.length, removed: result.removed, releaseFiles: result.releaseFiles, notes: result.notes, fonts: fontsJson(result.fonts) });
      } else {
        if (result.warnings.length > 0) io.stderr(result.warnings.map(formatDiagnostic).join('\n') + '\n');
        if (!quiet) io.stdout(summary(result, performance.now() - started, result.outDir, io.cwd) + '\n');
      }
      return EXIT_OK;
    });
  },
};

/** Each layout's faces for `--json`: role, family, origin, where from, collection index, the file read. */
function fontsJson(fonts: BuildResult['fonts']): object[] {
  return fonts.map((l) => ({ layout: l.layout, roles: l.faces.map((f) => ({ role: f.role, family: f.family, origin: f.origin, from: f.from, index: f.index, file: f.file })) }));
}

/** `rebuilt 2 of 6 in 1.20 s` or `nothing to rebuild (6 up to date)`, then where the manifest is. */
function summary(result: BuildResult, ms: number, outDir: string, cwd: string): string {
  const total = result.outputs.length + result.upToDate.length;
  const where = displayPath(outDir, cwd);
  const head =
    result.outputs.length === 0
      ? `nothing to rebuild (${total} up to date)`
      : `rebuilt ${result.outputs.length} of ${total} in ${(ms / 1000).toFixed(2)} s`;
  const release = result.releaseFiles.length > 0 ? `; release: ${where}/release/ (${result.releaseFiles.length} files)` : '';
  const removed = result.removed.length > 0 ? `; removed ${result.removed.length} whose content is gone` : '';
  return `${head}${removed}; manifest: ${where}/manifest.json, index: ${where}/index.html${release}`;
}

async function watch(options: ApiBuildOptions, io: CliIO, mode: { color: boolean }, quiet: boolean): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const clock = () => new Date().toTimeString().slice(0, 8);
  const mark = (code: string, s: string) => (mode.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  let fontsShown = '';
  try {
    await watchApi({
      ...options,
      signal: controller.signal,
      onEvent: (e) => {
        if (quiet) return;
        if (e.type === 'output') io.stdout(`${mark('2', `[${clock()}]`)} ${outputLine(e.entry, e.ms)}\n`);
        else if (e.type === 'note') io.stdout(`${mark('2', `[${clock()}]`)} note: ${e.message}\n`);
        else if (e.type === 'removed') io.stdout(`${mark('2', `[${clock()}]`)} removed ${e.path} (${e.why})\n`);
        else if (e.type === 'fonts') {
          // Once, and again only when a face changes (one dropped into fonts/, say).
          const text = formatFontChoices(e.layouts).join('\n');
          if (text !== fontsShown) io.stdout(`${mark('2', text)}\n`);
          fontsShown = text;
        }
      },
      onReady: (folders) => {
        if (!quiet) io.stdout(`watching ${folders.map((f) => displayPath(f, io.cwd)).join(', ')}; Ctrl-C stops\n`);
      },
      onBuild: (outcome, changed) => {
        const when = mark('2', `[${clock()}]`);
        if ('error' in outcome) {
          if (outcome.error instanceof DiagnosticError) {
            io.stderr(outcome.error.diagnostics.map(formatDiagnostic).join('\n') + '\n');
            io.stderr(`${when} ${mark('31', 'not rebuilt')}: fix the errors above; the last good outputs stay\n`);
          } else {
            io.stderr(`${when} ${mark('31', 'build failed')}: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}\n`);
          }
          return;
        }
        const { result } = outcome;
        if (result.warnings.length > 0) io.stderr(result.warnings.map(formatDiagnostic).join('\n') + '\n');
        if (quiet) return;
        if (result.outputs.length === 0 && changed.length > 0) io.stdout(`${when} ${changed.join(', ')} changed; nothing to rebuild\n`);
        else if (result.outputs.length > 0) io.stdout(`${when} rebuilt ${result.outputs.length} of ${result.outputs.length + result.upToDate.length} in ${(outcome.ms / 1000).toFixed(2)} s\n`);
      },
    });
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
  return EXIT_OK;
}
