// Bundles the TypeScript sources for the CLI and the library.
//
// The CLI (dist/cli.cjs) runs one CommonJS file, dist/jianbao.cjs, that carries jianbao and its
// dependencies (pdfmake, pdfkit, docx, yaml, zod, handlebars, …): one file to read instead of
// some 700, loaded through a V8 code cache (scripts/compile-cache.cjs), and each renderer
// evaluated only when a build needs it. Build workers (dist/worker.cjs) run a smaller one,
// dist/render-worker.cjs.
// pdfkit gets the composer's fontkit (one parse of each font, src/fonts/font-file.ts); the
// optional preview packages (pdfjs-dist, @napi-rs/canvas) stay outside. pdfkit reads its
// standard fonts' AFM files next to its code, so they are copied to dist/data/.
//
// The library (dist/lib.mjs) is an ES module over the same bundle: the same code, the same
// shared fontkit, without the code cache (a library leaves Node's module loader alone).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// Start clean: stale chunks would linger in dist/ and feed the build key's code hash.
fs.rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
};

// The library's exports: the names src/index.ts exports (types aside).
const probe = await build({ ...common, entryPoints: ['src/index.ts'], format: 'esm', packages: 'external', write: false, outdir: 'dist', metafile: true });
const libExports = Object.values(probe.metafile.outputs).flatMap((o) => o.exports ?? []).filter((n) => n !== 'default');

// The CLI and its render workers: one CommonJS file with the dependencies inside.
const EXTERNAL = ['pdfjs-dist', 'pdfjs-dist/*', '@napi-rs/canvas'];

/**
 * pdfkit must use the process's one fontkit (src/fonts/font-file.ts), and the Unicode tables
 * that fontkit and linebreak decompress when loaded (40–70 ms in tiny-inflate's JavaScript
 * inflate, on every start) take a millisecond with Node's zlib, which reads the same format.
 */
const bundleShims = {
  name: 'jianbao-shims',
  setup(b) {
    b.onResolve({ filter: /^fontkit$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}`) ? { path: path.join(root, 'src/fonts/fontkit-for-pdfkit.ts') } : undefined,
    );
    // fontkit needs brotli only for WOFF2 fonts, yet loads its 1.4 MB when fontkit loads: load it on first use.
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => (args.namespace === 'jianbao-shim' ? { path: args.path, external: true } : { path: 'brotli-decompress', namespace: 'jianbao-shim' }));
    b.onLoad({ filter: /^brotli-decompress$/, namespace: 'jianbao-shim' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: `let decompress;
module.exports = function (...args) {
  decompress ??= require('brotli/decompress.js');
  return decompress(...args);
};`,
    }));
    // pdfkit deflates every stream of every document; a rebuild embeds the same font subsets
    // (kept by src/fonts/subset.ts), whose deflated bytes are then kept too, by content.
    b.onResolve({ filter: /^zlib$/ }, (args) => (args.importer.includes(`${path.sep}node_modules${path.sep}pdfkit${path.sep}`) ? { path: 'pdfkit-zlib', namespace: 'jianbao-shim' } : undefined));
    b.onLoad({ filter: /^pdfkit-zlib$/, namespace: 'jianbao-shim' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: `const zlib = require('node:zlib');
const crypto = require('node:crypto');
const kept = new Map();
let keptBytes = 0;
const MIN = 32 * 1024, MAX_KEPT = 32 * 1024 * 1024;
function deflateSync(buf, options) {
  if (options !== undefined || !Buffer.isBuffer(buf) || buf.length < MIN) return zlib.deflateSync(buf, options);
  const key = crypto.createHash('sha256').update(buf).digest('base64') + ':' + buf.length;
  let out = kept.get(key);
  if (out) {
    kept.delete(key);
    kept.set(key, out);
    return out;
  }
  out = zlib.deflateSync(buf);
  kept.set(key, out);
  keptBytes += out.length;
  for (const [k, v] of kept) {
    if (keptBytes <= MAX_KEPT) break;
    kept.delete(k);
    keptBytes -= v.length;
  }
  return out;
}
module.exports = { ...zlib, deflateSync };`,
    }));
    // pdfkit loads AES (building its tables: 10 ms) for encrypted PDFs, which jianbao never writes.
    b.onResolve({ filter: /^@noble\/ciphers\/aes$/ }, (args) => (args.namespace === 'jianbao-shim' ? undefined : { path: 'noble-aes', namespace: 'jianbao-shim' }));
    b.onLoad({ filter: /^noble-aes$/, namespace: 'jianbao-shim' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: `let aes;
const load = () => (aes ??= require('@noble/ciphers/aes'));
module.exports = { cbc: (...a) => load().cbc(...a), ecb: (...a) => load().ecb(...a) };`,
    }));
    // fflate's Node build loads worker_threads when it loads, for its asynchronous API; jianbao
    // calls only the synchronous one, which the browser build has the same without the workers.
    b.onResolve({ filter: /^fflate$/ }, () => ({ path: path.join(root, 'node_modules/fflate/esm/browser.js') }));
    // pdfmake's QR encoder builds its tables when pdfmake loads (2–3 ms); jianbao draws no QR codes.
    b.onResolve({ filter: /^\.\/qrEnc\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}pdfmake${path.sep}`) ? { path: 'pdfmake-qr', namespace: 'jianbao-shim', pluginData: path.join(args.resolveDir, 'qrEnc.js') } : undefined,
    );
    b.onLoad({ filter: /^pdfmake-qr$/, namespace: 'jianbao-shim' }, (args) => ({
      loader: 'js',
      resolveDir: root,
      contents: `exports.__esModule = true;
let qr;
exports.default = { measure: (...a) => (qr ??= require(${JSON.stringify(args.pluginData)}).default).measure(...a) };`,
    }));
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: 'tiny-inflate', namespace: 'jianbao-shim' }));
    b.onLoad({ filter: /^tiny-inflate$/, namespace: 'jianbao-shim' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: `// tiny-inflate's API (raw DEFLATE into a given buffer) on Node's zlib.
const zlib = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = zlib.inflateRawSync(source);
  if (!dest) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  return n < dest.length ? (typeof dest.slice === 'function' ? dest.slice(0, n) : dest.subarray(0, n)) : dest;
};`,
    }));
  },
};
/** The options of both CommonJS bundles (the CLI's and the render worker's). */
const cjsOptions = {
  ...common,
  format: 'cjs',
  external: EXTERNAL,
  // Sources use import.meta.url (package folder, createRequire): the bundle's own file URL.
  define: { 'import.meta.url': '__jianbaoFileUrl' },
  banner: { js: "const __jianbaoFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Half the bytes to read and keep in memory; identifiers stay, so stack traces still read.
  // (No keepNames: it wraps every function and closure in a naming call, 25 ms of the seed,
  // and nothing here looks up a function's name.)
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  plugins: [bundleShims],
};
const cli = await build({
  ...cjsOptions,
  stdin: {
    contents: [
      "export { main } from './src/cli/main.ts';",
      // The worker's module registers its message handler when evaluated: only in a worker.
      // The library API, evaluated only when dist/lib.mjs asks for it (it loads both renderers).
      "export function loadLib() { return import('./src/index.ts'); }",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'jianbao-entry.ts',
    loader: 'ts',
  },
  outfile: 'dist/jianbao.cjs',
});
// A render worker loads its own, smaller bundle: the render jobs and, when a job asks, a
// renderer. Not the CLI, the planner or their dependencies, which the worker never runs (about
// 60 ms of every worker's start).
const worker = await build({ ...cjsOptions, entryPoints: ['src/render-pool/render-worker.ts'], outfile: 'dist/render-worker.cjs' });
// esbuild writes ASCII except inside regular expressions, which keep their Han and CJK marks.
// One non-ASCII character sends Node's UTF-8 read of the 3 MB bundle down its slow path
// (12 ms instead of 3 on every start), so they are written as \u escapes, which mean the same
// in a regular expression or a string. (None is in a template literal, whose raw text would
// change: the build stops if one ever is.)
for (const file of ['dist/jianbao.cjs', 'dist/render-worker.cjs']) {
  const code = fs.readFileSync(file, 'utf8');
  const escaped = code.replace(/[^\x00-\x7f]/gu, (ch, at) => {
    let j = at;
    while (j > 0 && !'/\'"`'.includes(code[j])) j--;
    if (code[j] === '`') throw new Error(`non-ASCII ${JSON.stringify(ch)} in a template literal at ${at}: escape it by hand`);
    return [...ch].length === 1 && ch.length === 2
      ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}\\u${ch.charCodeAt(1).toString(16).padStart(4, '0')}`
      : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  fs.writeFileSync(file, escaped);
}
for (const bundle of [cli, worker]) {
  const fontkits = Object.keys(bundle.metafile.inputs).filter((f) => /node_modules\/fontkit\/dist\//.test(f));
  if (fontkits.length !== 1) throw new Error(`a bundle must hold one fontkit, not ${fontkits.join(', ') || 'none'}`);
}

// Every dependency that reads a file next to its own code must find it next to the bundle.
const nodeModulesRead = Object.keys(cli.metafile.inputs).filter((f) => f.startsWith('node_modules/pdfkit/'));
if (nodeModulesRead.length > 0) {
  fs.mkdirSync('dist/data', { recursive: true });
  for (const f of fs.readdirSync('node_modules/pdfkit/js/data')) fs.copyFileSync(path.join('node_modules/pdfkit/js/data', f), path.join('dist/data', f));
}

// The code cache runs before the bundle is loaded, so it is a small bundle of its own, with the
// one definition of the cache folder (src/cache-dir.ts) inside.
await build({
  ...common,
  entryPoints: ['scripts/compile-cache.cjs'],
  outfile: 'dist/compile-cache.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__jianbaoFileUrl' },
  banner: { js: "const __jianbaoFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The entry files: install the code cache, then load the bundle. CommonJS, so that starting the
// CLI does not start Node's ES module loader (and the fs/promises and readline behind it).
const prelude = `'use strict';
const path = require('node:path');
const v8 = require('node:v8');

const roots = [__dirname];
// The bundle is compiled from V8's cached data, and Node 20 then gives its import() no loader
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): this file, which Node compiles itself, lends its
// own, for the packages outside the bundle (pdf.js, @napi-rs/canvas; see src/external.ts).
globalThis.__jianbaoImport = (specifier) => import(specifier);
// The code cache compiles with vm.Script and an option for import() that Node 20 calls
// experimental, and says so on stderr at the first import(). The note is not for the user.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const text = typeof warning === 'string' ? warning : warning?.message;
  if (typeof text === 'string' && text.includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
  return emitWarning.call(process, warning, ...rest);
};
// A build is short: by default V8 spends more CPU optimising functions that soon stop running
// than it saves (seen here on the seed: 0.85 s of CPU against 0.6 s). A larger budget before a
// function is optimised keeps the hot loops of long builds optimised and skips the rest.
// JIANBAO_V8_FLAGS replaces these flags ('' for V8's defaults).
v8.setFlagsFromString(process.env.JIANBAO_V8_FLAGS ?? '--interrupt-budget=500000');
`;

fs.writeFileSync(
  'dist/cli.cjs',
  `// The jianbao CLI (bin/jianbao.cjs): the bundle (jianbao.cjs) through a V8 code cache (compile-cache.cjs).
${prelude}
// What kind of run this is: a code cache made by another kind lacks functions this one calls.
const argv = process.argv.slice(2);
const opt = (long, short) => {
  const i = argv.findIndex((a) => a === long || a === short || a.startsWith(long + '='));
  return i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
};
const tag = [argv[0] ?? '', opt('--format', '-f') ?? 'all', opt('--jobs', '-j') === '1' ? 'inline' : 'pool'].join(':');
require('./compile-cache.cjs').install({ roots, tag });
require('./jianbao.cjs')
  .main()
  .catch((e) => {
    process.stderr.write(\`jianbao: internal error: \${e?.stack ?? e}\\n\`);
    process.exitCode = 70;
  });
`,
);

fs.writeFileSync(
  'dist/worker.cjs',
  `// A build's render worker (src/render-pool/render-pool.ts): its bundle (render-worker.cjs) through the V8 code cache.
${prelude}
// The worker writes its cache when the pool closes it (src/render-pool/render-worker.ts), under the
// formats it rendered.
globalThis.__jianbaoCodeCache = require('./compile-cache.cjs').install({ roots, tag: 'worker' });
require('./render-worker.cjs');
`,
);

fs.writeFileSync(
  'dist/lib.mjs',
  `// The jianbao library API (src/index.ts), from the bundle (jianbao.cjs).
import { createRequire } from 'node:module';

const lib = await createRequire(import.meta.url)('./jianbao.cjs').loadLib();
export const { ${libExports.join(', ')} } = lib;
`,
);
