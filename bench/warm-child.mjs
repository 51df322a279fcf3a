// Warm rebuilds through the library API (dist/lib.mjs), in one process, as an editor's
// `jianbao build --watch` runs them: build once, then edit one paragraph and rebuild, n times.
// node bench/warm-child.mjs <project dir> <article.yaml> <out dir> <n> [package dir]  → JSON on stdout
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [projectDir, file, outDir, n, pkg] = process.argv.slice(2);
const root = pkg ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { build } = await import(pathToFileURL(path.join(root, 'dist/lib.mjs')).href);
const options = { root: projectDir, out: outDir, inputs: [file], layouts: ['report'], jobs: 1, previews: false };

let t = performance.now();
await build({ ...options, force: true });
const first = performance.now() - t;
const original = fs.readFileSync(file, 'utf8');
const times = [];
const phases = [];
for (let i = 0; i < Number(n); i++) {
  // One paragraph changes: a different character in the first body paragraph each time.
  const edited = original.replace('全市统一战线第一时间', `全市统一战线第${'二三四五六七八九十百'[i % 10]}时间`);
  fs.writeFileSync(file, edited);
  t = performance.now();
  const result = await build({ ...options, onEvent: (e) => e.type === 'output' && phases.push([e.entry.format, Math.round(e.ms)]) });
  times.push(performance.now() - t);
  if (result.outputs.length !== 2) throw new Error(`expected 2 outputs rebuilt, got ${result.outputs.length}`);
}
fs.writeFileSync(file, original);
process.stdout.write(JSON.stringify({ first, times, phases }) + '\n');
