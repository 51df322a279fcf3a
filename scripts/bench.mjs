// `npm run bench`: how fast and lean jianbao is, measured in one run on this machine and printed
// as one table. Not a test: nothing fails, the figures stand beside the issue's targets.
//
//   BENCH_RUNS=5         fresh processes per cold figure (the median is shown)
//   BENCH_BATCH=200      generated articles in the batch
//   BENCH_BULLETIN=55    generated articles in the big bulletin (about 300 pages)
//   BENCH_SCALES=1,10,100  multiples of the seed's text for the scaling rows
//   BENCH_KEEP=1         keep the temporary projects (their path is printed)
//
// Cold runs start a fresh `node bin/jianbao.cjs build … --force --no-preview --jobs 1` each; one
// unmeasured run first fills the V8 code cache and the font-hash cache, as any run after the
// first finds them (the "first run" row shows a run without them). Wall time is what a user
// waits; CPU time (all threads) is steadier on a loaded machine; peak RSS is the process's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulletinProject, makeProject, ROOT, SEED, variant, writeYaml, seedArticle } from '../bench/generate.mjs';
import { hasGnuTime, loadAverage, median, repeat, runNode } from '../bench/measure.mjs';
import { articleToTypst, typstAvailable, typstFontDir } from '../bench/typst.mjs';

/**
 * A private copy of the compiled package (bin/, dist/, package.json; templates, themes and
 * node_modules linked): a recompile elsewhere in the tree during the bench cannot touch it.
 */
function snapshotPackage(dir) {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.cjs'))) throw new Error('no dist/: run `npm run compile` (npm run bench does)');
  fs.mkdirSync(dir, { recursive: true });
  for (const d of ['bin', 'dist']) fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  for (const d of ['templates', 'themes', 'node_modules', 'fonts']) if (fs.existsSync(path.join(ROOT, d))) fs.symlinkSync(path.join(ROOT, d), path.join(dir, d));
  return dir;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const BULLETIN = Number(process.env.BENCH_BULLETIN ?? 55);
const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-bench-'));
const PKG = snapshotPackage(path.join(work, 'package'));
// The bench's own caches (V8 code, font hashes), filled by its first unmeasured run, gone after.
process.env.JIANBAO_CACHE_DIR ??= path.join(work, 'cache');
const CLI = path.join(PKG, 'bin/jianbao.cjs');
const loadStart = loadAverage();
const started = performance.now();

const rows = [];
const notes = [];
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const s = (ms) => (ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const mb = (x) => (x === undefined ? '—' : `${Math.round(x)} MB`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '—');
const row = (figure, ours, typst = '', vs = '', target = '') => rows.push([figure, ours, typst, vs, target]);
const cold = (r) => `${s(r.ms)} (CPU ${s(r.cpuMs)}, ${mb(r.rssMB)})`;

function build(args, cwd = ROOT, extraEnv = {}) {
  return ['node', [CLI, 'build', ...args, '--force', '--no-preview', '-q'], { cwd, env: extraEnv }];
}
function measure(n, [, args, opts]) {
  return repeat(n, args, opts);
}
function manifestOf(outDir) {
  return JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
}

try {
  // 1. Cold seed builds.
  log('cold seed builds');
  const seedOut = path.join(work, 'seed-out');
  const seedArgs = (format) => [SEED, '--layout', 'report', ...(format ? ['--format', format] : []), '--out', seedOut, '--jobs', '1'];
  const cacheless = fs.mkdtempSync(path.join(work, 'nocache-'));
  const first = runNode([CLI, 'build', ...seedArgs(), '--force', '--no-preview', '-q'], { cwd: ROOT, env: { JIANBAO_CACHE_DIR: cacheless } });
  if (first.status !== 0) throw new Error(`seed build failed:\n${first.stderr}`);
  measure(1, build(seedArgs())); // fills the caches this machine's later runs find
  measure(1, build(seedArgs('pdf')));
  measure(1, build(seedArgs('docx')));

  // 2. Typst on the same seed, its runs taken in turn with ours, so a change in the machine's
  // load falls on both alike.
  let typstRun;
  if (typstAvailable()) {
    const dir = path.join(work, 'typst');
    fs.mkdirSync(dir, { recursive: true });
    const typ = path.join(dir, 'seed.typ');
    fs.writeFileSync(typ, articleToTypst(seedArticle()));
    const fonts = typstFontDir(path.join(dir, 'fonts'));
    const out = path.join(dir, 'seed.pdf');
    const child = path.join(ROOT, 'bench/typst-child.mjs');
    typstRun = { args: [child, typ, fonts, out], out, warmArgs: [child, typ, fonts, out, '--warm', '10'] };
    repeat(1, typstRun.args);
  } else {
    notes.push('Typst comparison skipped: @myriaddreamin/typst-ts-node-compiler is not installed (npm install -D it).');
  }
  const taken = { both: [], pdf: [], docx: [], typst: [] };
  for (let i = 0; i < RUNS; i++) {
    taken.both.push(measure(1, build(seedArgs())).runs[0]);
    if (typstRun) taken.typst.push(repeat(1, typstRun.args).runs[0]);
    taken.pdf.push(measure(1, build(seedArgs('pdf'))).runs[0]);
    taken.docx.push(measure(1, build(seedArgs('docx'))).runs[0]);
  }
  const summary = (runs) => ({ ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rssMB: Math.max(...runs.map((r) => r.rssMB ?? 0)) || undefined });
  const both = summary(taken.both);
  const pdfOnly = summary(taken.pdf);
  const docxOnly = summary(taken.docx);
  measure(1, build(seedArgs()));
  const seedManifest = manifestOf(seedOut);
  const seedPdf = seedManifest.outputs.find((o) => o.format === 'pdf');
  const seedDocx = seedManifest.outputs.find((o) => o.format === 'docx');
  let typst;
  if (typstRun) {
    const warmRun = runNode(typstRun.warmArgs);
    typst = { cold: summary(taken.typst), bytes: fs.statSync(typstRun.out).size, warm: warmRun.status === 0 ? median(JSON.parse(warmRun.stdout.trim().split('\n').pop())) : undefined };
  }

  row('cold seed, PDF + DOCX', cold(both), typst ? `${s(typst.cold.ms)} (CPU ${s(typst.cold.cpuMs)}, ${mb(typst.cold.rssMB)}), PDF only` : '', typst ? `${ratio(both.ms, typst.cold.ms)} (CPU ${ratio(both.cpuMs, typst.cold.cpuMs)})` : '', '≤ 1.0 (no worse than 2.0); RSS < 150 MB');
  row('cold seed, PDF only', cold(pdfOnly), typst ? s(typst.cold.ms) : '', typst ? `${ratio(pdfOnly.ms, typst.cold.ms)} (CPU ${ratio(pdfOnly.cpuMs, typst.cold.cpuMs)})` : '', '');
  row('cold seed, DOCX only', cold(docxOnly), '', '', '');
  row('first run after install (no code cache, no font-hash cache)', cold(first), '', '', '');

  // 3. Warm rebuild after a one-paragraph edit, through the library API.
  log('warm rebuilds');
  const warmDir = makeProject(path.join(work, 'warm'));
  const warmFile = path.join(warmDir, 'content/articles/seed.yaml');
  fs.copyFileSync(SEED, warmFile);
  const warmRun = runNode([path.join(ROOT, 'bench/warm-child.mjs'), warmDir, warmFile, path.join(warmDir, 'out'), '20', PKG]);
  if (warmRun.status !== 0) throw new Error(`warm rebuild failed:\n${warmRun.stderr}`);
  const warm = JSON.parse(warmRun.stdout.trim().split('\n').pop());
  const steady = warm.times.slice(5);
  const pdfMs = median(warm.phases.slice(10).filter(([f]) => f === 'pdf').map(([, ms]) => ms));
  const docxMs = median(warm.phases.slice(10).filter(([f]) => f === 'docx').map(([, ms]) => ms));
  row('warm rebuild after a one-paragraph edit, PDF + DOCX (library API, median of edits 6–20)', `${s(median(steady))} (PDF ${s(pdfMs)}, DOCX ${s(docxMs)}; first edit ${s(warm.times[0])})`, typst?.warm ? `${s(typst.warm)} (PDF, recompile)` : '', typst?.warm ? ratio(median(steady), typst.warm) : '', '≤ 50 ms');

  // 4. Batch of distinct generated articles.
  log(`batch of ${BATCH} articles`);
  const batchDir = makeProject(path.join(work, 'batch'));
  for (let i = 1; i <= BATCH; i++) writeYaml(path.join(batchDir, 'content/articles', `a-${String(i).padStart(3, '0')}.yaml`), variant(i));
  for (const jobs of [1, 2]) {
    const out = path.join(batchDir, `out-${jobs}`);
    const r = runNode([CLI, 'build', 'content', '--layout', 'report', '--out', out, '--jobs', String(jobs), '--force', '--no-preview', '-q'], { cwd: batchDir });
    if (r.status !== 0) throw new Error(`batch build failed:\n${r.stderr}`);
    const outputs = manifestOf(out).outputs.length;
    row(`batch: ${BATCH} distinct articles (PDF + DOCX each), --jobs ${jobs}`, `${(BATCH / (r.ms / 1000)).toFixed(1)} articles/s (${outputs} outputs in ${s(r.ms)}; CPU ${s(r.cpuMs)}, ${mb(r.rssMB)})`, '', '', jobs === 2 ? '≥ 20 documents/s' : '');
  }

  // 5. A big bulletin.
  log(`bulletin of ${BULLETIN} articles`);
  const bulletinDir = path.join(work, 'bulletin');
  const issue = bulletinProject(bulletinDir, BULLETIN);
  for (const format of ['pdf', 'docx', undefined]) {
    const out = path.join(bulletinDir, `out-${format ?? 'both'}`);
    const r = runNode([CLI, 'build', issue, '--layout', 'bulletin', ...(format ? ['--format', format] : []), '--out', out, '--jobs', '1', '--force', '--no-preview', '-q'], { cwd: bulletinDir });
    if (r.status !== 0) throw new Error(`bulletin build failed:\n${r.stderr}`);
    const pdf = manifestOf(out).outputs.find((o) => o.format === 'pdf');
    row(`bulletin of ${BULLETIN} articles${pdf ? `, ${pdf.pages} pages` : ''}, ${format ? format.toUpperCase() + ' only' : 'PDF + DOCX'}`, `${s(r.ms)} (CPU ${s(r.cpuMs)}, ${mb(r.rssMB)})${pdf ? `; PDF ${kb(pdf.bytes)}` : ''}`, '', '', format === 'pdf' || !format ? '≤ 3 s, ≤ 400 MB' : '');
  }

  // 6. Scaling with the length of the text.
  log('scaling');
  const scaleDir = makeProject(path.join(work, 'scale'));
  const scaled = [];
  for (const k of SCALES) {
    const file = path.join(scaleDir, 'content/articles', `x${k}.yaml`);
    writeYaml(file, variant(5000 + k, { copies: k }));
    const out = path.join(scaleDir, `out-${k}`);
    const r = runNode([CLI, 'build', file, '--layout', 'report', '--out', out, '--jobs', '1', '--force', '--no-preview', '-q'], { cwd: scaleDir });
    if (r.status !== 0) throw new Error(`scaling build ×${k} failed:\n${r.stderr}`);
    const pdf = manifestOf(out).outputs.find((o) => o.format === 'pdf');
    scaled.push({ k, ...r, pages: pdf.pages });
  }
  const base = scaled[0];
  for (const x of scaled) {
    const extra = x === base ? '' : `; ×${(x.ms / base.ms).toFixed(1)} the time, ×${(x.rssMB / base.rssMB).toFixed(1)} the memory; beyond the 1× run: ${s((x.ms - base.ms) / (x.k - base.k))} per seed of text`;
    row(`scaling: ${x.k}× the seed's text (${x.pages} pages), PDF + DOCX`, `${s(x.ms)} (CPU ${s(x.cpuMs)}, ${mb(x.rssMB)})${extra}`, '', '', x.k === 100 ? '≤ 110× the 1× time; memory linear' : '');
  }

  // 7. Output sizes.
  row('seed PDF size', kb(seedPdf.bytes), typst ? kb(typst.bytes) : '', typst ? ratio(seedPdf.bytes, typst.bytes) : '', '≤ 0.8 of Typst’s');
  row('seed DOCX size', kb(seedDocx.bytes), '', '', '≤ 20 KB');
} finally {
  const loadEnd = loadAverage();
  const cpus = os.cpus();
  const header = [
    `jianbao bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}`,
    `load average (1, 5, 15 min): ${loadStart} at the start, ${loadEnd} at the end; ${RUNS} fresh processes per cold figure (median); peak RSS from ${hasGnuTime ? '/usr/bin/time' : 'process.resourceUsage()'}; ${s(performance.now() - started)} in all`,
    '',
  ];
  const table = [['figure', 'jianbao', 'Typst', 'jianbao ÷ Typst', 'target'], ['---', '---', '---', '---', '---'], ...rows];
  process.stdout.write(header.join('\n') + table.map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n' + notes.map((n) => `\n${n}`).join('') + '\n');
  if (process.env.BENCH_KEEP) process.stdout.write(`\nprojects kept in ${work}\n`);
  else fs.rmSync(work, { recursive: true, force: true });
}
