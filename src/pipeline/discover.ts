import fs from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/index.js';

/** Content files named on the command line: files as given, folders searched for *.yaml, sorted. */
export function discoverContent(paths: readonly string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      diagnostics.push(diag('error', 'io', `no such file or folder: ${p}`, { file: p, line: 1, column: 1 }));
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
