#!/usr/bin/env zx
// `npm run build`: every content file × its layouts × both formats into out/, with
// out/manifest.json, out/SHA256SUMS, page-1 previews and out/index.html. Only outputs whose
// inputs changed are rebuilt, on worker threads (one per core).
// It calls the same library code as `jianbao build`; extra arguments pass through to it
// (e.g. `npm run build -- content/articles --format pdf`, `-- --jobs 1`, `-- --watch`,
// `-- --shard 1/4`, `-- --release v2021.1`).
import { runCli } from '../dist/lib.mjs';

const io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  cwd: process.cwd(),
  // A terminal gets the live progress display; pipes and CI=true get one line per output.
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
};
const args = process.argv.slice(process.argv.findIndex((a) => a.endsWith('build.mjs')) + 1);
process.exitCode = await runCli(['build', ...args], io);
