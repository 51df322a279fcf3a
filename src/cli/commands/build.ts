import { build } from '../../build/build.js';
import { FORMATS, type Format } from '../../build/formats.js';
import { projectPaths } from '../../build/project.js';
import { formatDiagnostic } from '../../diagnostics/index.js';
import { listOption, parseCommandArgs } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';
import { exitFor } from "../report.js";

const HELP = `Usage: jianbao build [PATH…] [options]

Builds every content file × layout × format and writes the outputs and a manifest.

PATH is content files (*.yaml) or folders searched for them; content/ by default.

Options:
  -l, --layout NAME[,NAME]   layouts to build (default: each file's \`layouts\`, else report)
  -f, --format pdf,docx      formats to write (default: pdf,docx)
  -o, --out DIR              output folder (default: out)
      --draft                mark outputs as drafts (header line and PDF watermark)
      --json                 print the result and any diagnostics as JSON on stdout
  -q, --quiet                print nothing but errors
  -h, --help                 show this help

Outputs go to DIR/<path under content/>/<layout>.<format>, e.g.
out/articles/<slug>/report.pdf, and DIR/manifest.json lists for each output its source,
layout, format, path, bytes, pages (PDF) and sha256.

Exit codes: 0 ok; 1 bad input (diagnostics as file:line:col: error[rule]: message,
nothing written); 2 bad usage.`;

export const buildCommand: Command = {
  name: 'build',
  summary: 'build PDF and Word outputs from content',
  help: HELP,
  async run(argv, io) {
    let json = argv.includes('--json');
    try {
      const { values, positionals } = parseCommandArgs(argv, {
        layout: { type: 'string', short: 'l', multiple: true },
        format: { type: 'string', short: 'f', multiple: true },
        out: { type: 'string', short: 'o' },
        draft: { type: 'boolean' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      });
      json = values.json ?? false;
      if (values.help) {
        io.stdout(HELP + '\n');
        return EXIT_OK;
      }
      const paths = projectPaths(io.cwd, values.out);
      const formats = listOption(values.format, FORMATS, '--format') as Format[] | undefined;
      const layouts = listOption(values.layout, undefined, '--layout');
      const started = performance.now();
      const result = await build({
        paths,
        inputs: positionals,
        ...(layouts ? { layouts } : {}),
        ...(formats ? { formats } : {}),
        draft: values.draft ?? false,
        onOutput: (e, ms) => {
          if (!json && !values.quiet) io.stdout(`wrote ${e.path}  ${(e.bytes / 1024).toFixed(1)} KB${e.pages ? `  ${e.pages} pages` : ''}  ${ms.toFixed(0)} ms\n`);
        },
      });
      if (json) io.stdout(JSON.stringify({ outputs: result.outputs, diagnostics: result.warnings }, null, 2) + '\n');
      else {
        if (result.warnings.length > 0) io.stderr(result.warnings.map(formatDiagnostic).join('\n') + '\n');
        if (!values.quiet) io.stdout(`${result.outputs.length} outputs in ${((performance.now() - started) / 1000).toFixed(2)} s; manifest: ${paths.outDir}/manifest.json\n`);
      }
      return EXIT_OK;
    } catch (e) {
      return exitFor(e, io, json, 'build');
    }
  },
};

