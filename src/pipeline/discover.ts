import fs from 'node:fs';
import path from 'node:path';
import { diag, didYouMean, displayPath, type Diagnostic } from '../diagnostics/index.js';

/**
 * Content files named on the command line: files as given, folders searched for *.yaml, sorted.
 * A file whose name holds a control character or a backslash is refused here, named with its
 * characters escaped: its name would become an output's, and a newline in that would forge a
 * line of SHA256SUMS (and of every message naming it).
 */
export function discoverContent(paths: readonly string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const found = discover(paths, cwd);
  const files: string[] = [];
  for (const file of found.files) {
    const rel = path.relative(cwd, file);
    // The part of the path an output's name is made of (a folder above the project is no business of ours).
    if (!BAD_NAME.test(rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel)) files.push(file);
    else {
      const shown = JSON.stringify(rel).slice(1, -1);
      found.diagnostics.push(diag('error', 'path', 'the name of this content file holds a control character or a backslash', { file: shown, line: 1, column: 1 }, ['rename it with printable characters and forward slashes']));
    }
  }
  return { files, diagnostics: found.diagnostics };
}

const BAD_NAME = /[\u0000-\u001f\u007f\\]/;

function discover(paths: readonly string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      diagnostics.push(missingPath(abs));
      continue;
    }
    if (stat.isDirectory()) walk(abs, files);
    else files.add(abs);
  }
  return { files: [...files].sort(), diagnostics };
}

function walk(dir: string, into: Set<string>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, into);
    else if (/\.ya?ml$/i.test(entry.name)) into.add(full);
  }
}

/**
 * A named path that does not exist, with the nearest name beside it (`content/article` →
 * `content/articles`). No position: there is no file to point into.
 */
export function missingPath(abs: string): Diagnostic {
  const near = nearestName(abs);
  const hint = near ? `did you mean \`${displayPath(path.join(path.dirname(abs), near))}\`?` : undefined;
  return diag('error', 'io', `no such file or folder: ${displayPath(abs)}`, undefined, hint ? [hint] : []);
}

/** The closest name in the path's folder (a `.yaml` file counts by its name without it), if any. */
function nearestName(abs: string): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(abs)).filter((n) => !n.startsWith('.'));
  } catch {
    return undefined;
  }
  const stem = (n: string) => n.replace(/\.ya?ml$/i, '');
  const base = stem(path.basename(abs));
  const near = didYouMean(base, names.map(stem));
  return near === undefined ? undefined : names.find((n) => stem(n) === near);
}
