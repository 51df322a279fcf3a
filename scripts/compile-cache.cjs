'use strict';
// A V8 code cache for the CommonJS modules the CLI loads (built into dist/ by bundle.mjs, with
// src/cache-dir.ts inside it).
// Node 20 has no module.enableCompileCache() (that is Node 22.1), so this does what it does:
// each module is compiled through vm.Script with the bytecode a previous run left, and the
// bytecode is written back when a run compiled code the cache did not hold. V8 checks that the
// bytes fit its version and flags and rejects them otherwise; the cache is keyed by the file's
// path, size and mtime, so a changed file is compiled afresh.
//
// The cache lives in $JIANBAO_CACHE_DIR (`0` or `off` turns it off), else
// node_modules/.cache/jianbao/v8 in the package, else the system's temp folder.

const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const { cacheDir } = require('../src/cache-dir.ts');

const VERSION = 1;

/** The V8 cache's folder: `v8` in jianbao's cache folder (src/cache-dir.ts, bundled into this file). */
function v8Dir() {
  const root = cacheDir();
  return root === undefined ? undefined : path.join(root, 'v8');
}

/**
 * Installs the cache for modules under `roots` (the package's dist/ and node_modules/). `tag`
 * names what this process does (e.g. the CLI command): a cache made by a run of another kind
 * lacks the functions this one calls, so it is written again, with them, at exit.
 */
function install({ roots, tag = '' }) {
  const dir = v8Dir();
  if (!dir || Module.prototype._compile.__jianbaoCache) return { flush() {} };
  // Node 22.1 and later have this built in.
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(dir);
    return { flush() {} };
  }
  const rootList = roots.map((r) => path.resolve(r) + path.sep);
  const compiled = [];
  const original = Module.prototype._compile;

  function compile(content, filename) {
    if (!rootList.some((r) => filename.startsWith(r)) || typeof content !== 'string') return original.call(this, content, filename);
    let stat;
    try {
      stat = fs.statSync(filename);
    } catch {
      return original.call(this, content, filename);
    }
    const id = crypto.createHash('sha1').update(filename).digest('hex').slice(0, 16);
    const stamp = crypto.createHash('sha1').update(`${VERSION}:${process.version}:${process.arch}:${stat.size}:${stat.mtimeMs}:${content.length}`).digest('hex').slice(0, 16);
    const file = path.join(dir, `${id}-${stamp}.bin`);
    const metaFile = path.join(dir, `${id}-${stamp}.json`);
    let cachedData;
    let tags = [];
    try {
      cachedData = fs.readFileSync(file);
      tags = JSON.parse(fs.readFileSync(metaFile, 'utf8')).tags ?? [];
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      script = new vm.Script(Module.wrap(content), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      // A syntax Node's own loader handles differently: let it compile and report.
      return original.call(this, content, filename);
    }
    compiled.push({ script, file, metaFile, id, fresh: !cachedData || script.cachedDataRejected === true, tags });
    const fn = script.runInThisContext({ displayErrors: true });
    const mod = this;
    const require = function require(request) {
      return mod.require(request);
    };
    require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return fn.call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
  }
  compile.__jianbaoCache = true;
  Module.prototype._compile = compile;

  let flushed = false;
  /** Writes the cache of what ran; `as` names the kind of run when it was learnt late (a worker's formats). */
  function flush(as = tag) {
    if (flushed) return;
    flushed = true;
    const pending = compiled.filter((c) => c.fresh || !c.tags.includes(as)).map((c) => ({ ...c, tags: c.fresh ? [as] : [...c.tags, as] }));
    if (pending.length === 0) return;
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch {
      return;
    }
    for (const p of pending) {
      try {
        const data = p.script.createCachedData();
        const tmp = `${p.file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, p.file);
        fs.writeFileSync(p.metaFile, JSON.stringify({ tags: [...new Set(p.tags)] }));
        // Older caches of the same file (another size or mtime) are of no more use.
        for (const f of fs.readdirSync(dir)) {
          if (f.startsWith(`${p.id}-`) && !p.file.endsWith(f.replace(/\.json$/, '.bin')) && /\.(bin|json)$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
        }
      } catch {
        // a read-only or full disk only costs the next run its compile time
      }
    }
    prune(dir);
  }
  process.once('exit', () => flush());
  return { flush };
}

/** Keeps the folder under MAX_BYTES: caches of other installs and builds go, oldest first. */
const MAX_BYTES = 96 * 1024 * 1024;
function prune(dir) {
  try {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => ({ f, st: fs.statSync(path.join(dir, f)) }))
      .sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
    let total = 0;
    for (const { f, st } of files) {
      total += st.size;
      if (total > MAX_BYTES) {
        fs.rmSync(path.join(dir, f), { force: true });
        fs.rmSync(path.join(dir, f.replace(/\.bin$/, '.json')), { force: true });
      }
    }
  } catch {
    // another process pruned first
  }
}

module.exports = { install };
