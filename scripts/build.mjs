#!/usr/bin/env zx
// `npm run build`: every content file × its layouts × both formats into out/, with out/manifest.json.
// It calls the same library code as `jianbao build`; extra arguments pass through to it
// (e.g. `npm run build -- content/articles --format pdf`).
import { runCli } from '../dist/lib.mjs';

const io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  cwd: process.cwd(),
  interactive: false,
};
const args = process.argv.slice(process.argv.findIndex((a) => a.endsWith('build.mjs')) + 1);
process.exitCode = await runCli(['build', ...args], io);
