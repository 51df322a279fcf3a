import { spawnSync } from 'node:child_process';

/**
 * The font files fontconfig knows (`fc-list`), or undefined where fontconfig is not installed or
 * fails. fontconfig's configuration may name folders of its own beyond the usual ones; its list
 * is joined with the folders discovery walks itself. Bounded: 10 s, 32 MB of output.
 */
export function fontconfigFiles(command = 'fc-list'): string[] | undefined {
  let r;
  try {
    r = spawnSync(command, ['--format', '%{file}\\n'], { encoding: 'utf8', timeout: 10_000, maxBuffer: 32 << 20, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
  } catch {
    return undefined;
  }
  if (r.error || r.status !== 0 || typeof r.stdout !== 'string') return undefined;
  return [...new Set(r.stdout.split('\n').filter((l) => l.length > 0))];
}
