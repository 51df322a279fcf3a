import path from 'node:path';
import { mergeShards } from '../../outputs/merge.js';
import { MANIFEST_FILE } from '../../outputs/manifest.js';
import { isReleaseName } from '../../outputs/release.js';
import { sourceDateEpoch } from '../../outputs/reproducible.js';
import { displayPath, formatDiagnostic } from '../../diagnostics/index.js';
import { withCommandArgs } from '../args.js';
import { printJson } from '../report.js';
import { EXIT_OK, UsageError, type Command } from '../command.js';

const HELP = `Usage: jianbao manifest merge MANIFEST… -o DIR/manifest.json [options]

Joins the out folders of sharded builds (\`jianbao build --shard K/N\`) into one, as an
unsharded build would have written it.

Each MANIFEST is a shard's manifest.json, next to that shard's outputs (as a CI job's out
folder is downloaded). Outputs and previews are copied into DIR with their sha256 checked;
DIR/manifest.json, DIR/SHA256SUMS and DIR/index.html are written. The same path in two
manifests must have the same sha256.

Options:
  -o, --out DIR/manifest.json   where the merged manifest goes (a folder means DIR/manifest.json)
      --release NAME            also write DIR/release/ as \`jianbao build --release\` does
      --json                    print {ok, diagnostics, manifest} as JSON on stdout
  -q, --quiet                   print nothing but errors
  -h, --help                    show this help

Exit codes: 0 ok; 1 conflicting manifests or missing files; 2 bad usage.`;

export const manifestCommand: Command = {
  name: 'manifest',
  help: HELP,
  run(argv, io) {
    const options = { out: { type: 'string', short: 'o' }, release: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } } as const;
    return withCommandArgs(this, argv, io, options, async ({ values, positionals }, json) => {
      const [action, ...inputs] = positionals;
      if (action !== 'merge') throw new UsageError(action ? `unknown action \`${action}\`; expected merge` : 'expected `merge MANIFEST… -o DIR/manifest.json`');
      if (inputs.length === 0) throw new UsageError('merge needs at least one manifest');
      if (!values.out) throw new UsageError('merge needs -o DIR/manifest.json');
      if (values.release !== undefined && !isReleaseName(values.release)) throw new UsageError(`--release: use letters, digits, ., _ and - in the name, not \`${values.release}\``);
      const out = path.resolve(io.cwd, values.out);
      const outDir = /\.json$/i.test(out) ? path.dirname(out) : out;
      if (/\.json$/i.test(out) && path.basename(out) !== MANIFEST_FILE) throw new UsageError(`-o: the merged manifest is named ${MANIFEST_FILE} (the release files sit beside it)`);
      const epoch = sourceDateEpoch();
      const { manifest, copied, releaseFiles, warnings } = mergeShards({
        inputs: inputs.map((i) => path.resolve(io.cwd, i)),
        outDir,
        ...(values.release ? { release: values.release } : {}),
        ...(epoch !== undefined ? { epoch } : {}),
      });
      if (warnings.length > 0) io.stderr(warnings.map(formatDiagnostic).join('\n') + '\n');
      const where = displayPath(outDir, io.cwd);
      if (json) printJson(io, true, [], { manifest });
      else if (!values.quiet)
        io.stdout(
          `merged ${inputs.length} manifest${inputs.length === 1 ? '' : 's'}: ${manifest.outputs.length} outputs (${copied} copied) into ${where}/; wrote ${where}/manifest.json, SHA256SUMS, index.html${releaseFiles.length > 0 ? `, release/ (${releaseFiles.length} files)` : ''}\n`,
        );
      return EXIT_OK;
    });
  },
};
