// Bundles the TypeScript sources into one ESM file, so the CLI starts without a TS loader and
// loads few modules. Dependencies stay external: pdfmake/pdfkit read data files next to their code.
import fs from 'node:fs';
import { build } from 'esbuild';

// Start clean: stale chunks would linger in dist/ and feed the build key's code hash.
fs.rmSync('dist', { recursive: true, force: true });

await build({
  // render-worker: the build's worker-thread entry, loaded by path (src/build/render-pool.ts).
  entryPoints: { jianbao: 'src/cli/entry.ts', lib: 'src/index.ts', 'render-worker': 'src/build/render-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
