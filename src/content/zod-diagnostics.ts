import type { z } from 'zod';
import { diag, didYouMean, type Diagnostic } from '../diagnostics/index.js';
import { formatCount, LIMITS } from '../limits.js';
import { fieldsAt } from './schema-keys.js';
import type { YamlSource } from './yaml-source.js';

/** Fields allowed at a path: the schema the data was checked with, or a function naming them. */
export type KnownKeys = z.ZodType | ((path: readonly PropertyKey[]) => readonly string[]);

/** Unknown fields reported so far per file: past LIMITS.unknownKeys, one error counts the rest. */
const unknownReported = new WeakMap<YamlSource, { reported: number; summary?: Diagnostic; more: number }>();

/**
 * Turns zod issues into diagnostics that point at the YAML, name the field path and suggest keys.
 * With a schema, a suggestion must take the kind of value written (`colour: red` is not a slip of
 * the mapping `colors`), and the fields are those of the mapping the key stands in.
 */
export function zodIssuesToDiagnostics(issues: readonly z.core.$ZodIssue[], source: YamlSource, basePath: readonly PropertyKey[], knownKeys: KnownKeys): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const fields = typeof knownKeys === 'function' ? undefined : fieldsAt(knownKeys, issue.path);
      const allowed = fields ? [...fields.keys()] : (knownKeys as (p: readonly PropertyKey[]) => readonly string[])(path);
      for (const key of issue.keys) {
        const counted = unknownReported.get(source) ?? { reported: 0, more: 0 };
        unknownReported.set(source, counted);
        if (counted.reported >= LIMITS.unknownKeys.value) {
          counted.more++;
          if (!counted.summary) {
            counted.summary = diag('error', LIMITS.unknownKeys.rule, '', source.keyPos(path, key), ['a content file has a dozen fields: is this the file you meant?']);
            out.push(counted.summary);
          }
          counted.summary.message = `${formatCount(counted.more)} more unknown field${counted.more === 1 ? '' : 's'} from here on, not listed one by one`;
          continue;
        }
        counted.reported++;
        const kind = source.valueKind([...path, key]);
        const fitting = fields && kind ? allowed.filter((k) => fields.get(k)?.has(kind)) : allowed;
        const suggestion = didYouMean(key, fitting);
        const hints = suggestion ? [`did you mean \`${suggestion}\`?`] : [`allowed here: ${allowed.join(', ')}`];
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
