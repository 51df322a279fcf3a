import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Resolves one font candidate: `npm:<package>/<file>` from the installed packages, anything
 * else relative to the project's folder (normally `fonts/…`). Undefined when it does not exist,
 * so the next candidate is tried and a user's own face in `fonts/` wins over the npm default.
 */
export function resolveFontCandidate(candidate: string, projectDir: string): string | undefined {
  if (candidate.startsWith('npm:')) {
    try {
      return require.resolve(candidate.slice(4));
    } catch {
      return undefined;
    }
  }
  const abs = path.resolve(projectDir, candidate);
  return fs.existsSync(abs) ? abs : undefined;
}
