import fs from 'node:fs';
import path from 'node:path';
import { resolveBundled } from './bundled.js';

/**
 * Resolves one font candidate (a role's fallback): `npm:<package>/<file>` as a bundled face, anything
 * else relative to the project's folder (normally `fonts/…`). Undefined when it does not exist,
 * so the next candidate is tried and a user's own face in `fonts/` wins over the npm default.
 */
export function resolveFontCandidate(candidate: string, projectDir: string): string | undefined {
  if (candidate.startsWith('npm:')) {
    try {
      return resolveBundled(candidate);
    } catch {
      // A bundled WOFF that cannot be unwrapped: as good as missing.
      return undefined;
    }
  }
  const abs = path.resolve(projectDir, candidate);
  return fs.existsSync(abs) ? abs : undefined;
}
