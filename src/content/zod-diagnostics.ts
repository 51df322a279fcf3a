import type { z } from 'zod';
import { diag, didYouMean, type Diagnostic } from '../diagnostics/index.js';
import type { YamlSource } from './yaml-source.js';

/** Turns zod issues into diagnostics that point at the YAML, name the field path and suggest keys. */
export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  basePath: readonly PropertyKey[],
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, knownKeys(path));
        const hints = suggestion ? [`did you mean \`${suggestion}\`?`] : [`allowed here: ${knownKeys(path).join(', ')}`];
        out.push(diag('error', 'unknown-key', `unknown field \`${fieldPath([...path, key])}\``, source.keyPos(path, key), hints));
      }
      continue;
    }
    // A field that is not in the file at all is missing, whatever the schema's message says.
    const missing = issue.code === 'invalid_type' && path.length > 0 && !source.has(path);
    if (missing) {
      const parent = path.slice(0, -1);
      out.push(diag('error', 'missing-field', `missing field \`${fieldPath(path)}\``, source.posOf(parent), [`add \`${String(path[path.length - 1])}:\` to ${parent.length ? `\`${fieldPath(parent)}\`` : 'the file'}`]));
      continue;
    }
    const found = issue.code === 'invalid_type' ? source.describe(path) : undefined;
    const message = `\`${fieldPath(path)}\`: ${cleanMessage(issue.message)}${found && !/received/.test(issue.message) ? `, found ${found}` : ''}`;
    out.push(diag('error', 'schema', message, source.posOf(path)));
  }
  return out;
}

/** `body[2].heading` style paths, as a reader of the YAML would name them. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(document)';
}

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, '');
}
