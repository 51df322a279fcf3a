import type { BuildEvent } from '../pipeline/build.js';
import { formatBytes } from '../outputs/index-page.js';
import { formatFontChoices } from '../fonts/fonts-report.js';
import type { ManifestEntry } from '../outputs/manifest.js';

export interface ProgressOptions {
  write: (text: string) => void;
  /** Redraw a live block of running jobs and an overall bar (a terminal, not CI). */
  live: boolean;
  /** ANSI colours (off under NO_COLOR or when not a terminal). */
  color: boolean;
  /** Terminal width for the live block. */
  columns?: number;
}

export interface ProgressReporter {
  onEvent(event: BuildEvent): void;
  /** Removes the live block; call once the build is over, also when it failed. */
  finish(): void;
}

/** Whether a progress display may redraw: stdout is a terminal, not CI, and not asked to be quiet. */
export function progressMode(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): { live: boolean; color: boolean } {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return { live: stdoutIsTty && !ci && env.TERM !== 'dumb', color: stdoutIsTty && !noColor && env.TERM !== 'dumb' };
}

/** The line printed for each written output, in both modes. */
export function outputLine(entry: ManifestEntry, ms: number): string {
  return `wrote ${entry.path}  ${formatBytes(entry.bytes)}${entry.pages ? `  ${entry.pages} page${entry.pages === 1 ? '' : 's'}` : ''}  ${ms.toFixed(0)} ms`;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Prints build progress. Plain mode: one line per output as it is written (logs, CI, pipes).
 * Live mode: the same lines scroll above a block that shows each running job with its time and
 * an overall bar, redrawn ten times a second.
 */
export function progressReporter(options: ProgressOptions): ProgressReporter {
  const paint = (code: string, s: string) => (options.color && s !== '' ? `\x1b[${code}m${s}\x1b[0m` : s);
  const green = (s: string) => paint('32', s);
  const red = (s: string) => paint('31', s);
  const yellow = (s: string) => paint('33', s);
  const dim = (s: string) => paint('2', s);

  const running = new Map<string, { slot: number; since: number }>();
  let toBuild = 0;
  let done = 0;
  let failed = 0;
  let upToDate = 0;
  let drawn = 0;
  let frame = 0;
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;

  const erase = () => {
    if (drawn > 0) options.write(`\x1b[${drawn}F\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    if (!options.live || toBuild === 0) return;
    const width = Math.max(40, (options.columns ?? 80) - 1);
    const now = performance.now();
    const lines = [...running].sort((a, b) => a[1].slot - b[1].slot).map(([p, r]) => `${SPINNER[frame % SPINNER.length]} ${fit(p, width - 12)}  ${dim(((now - r.since) / 1000).toFixed(1) + ' s')}`);
    const barWidth = 24;
    const filled = Math.round((barWidth * (done + failed)) / toBuild);
    const bar = green('█'.repeat(filled)) + dim('░'.repeat(barWidth - filled));
    lines.push(`${bar} ${done + failed}/${toBuild}${upToDate ? dim(`  ${upToDate} up to date`) : ''}${failed ? red(`  ${failed} failed`) : ''}  ${dim(((now - startedAt) / 1000).toFixed(1) + ' s')}`);
    options.write(lines.map((l) => l + '\n').join(''));
    drawn = lines.length;
  };
  const above = (line: string) => {
    erase();
    options.write(line + '\n');
    draw();
  };

  return {
    onEvent(event) {
      switch (event.type) {
        case 'plan':
          toBuild = event.toBuild;
          upToDate = event.upToDate;
          if (options.live && toBuild > 0) {
            timer = setInterval(() => {
              frame++;
              erase();
              draw();
            }, 100);
            timer.unref();
          } else if (toBuild > 0) {
            options.write(`building ${toBuild} of ${event.total} output${event.total === 1 ? '' : 's'}${event.workers > 1 ? ` on ${event.workers} workers` : ''}${upToDate ? ` (${upToDate} up to date)` : ''}\n`);
          }
          return;
        case 'start':
          running.set(event.path, { slot: event.slot, since: performance.now() });
          if (options.live) {
            erase();
            draw();
          }
          return;
        case 'output':
          running.delete(event.entry.path);
          done++;
          above(`${options.live ? green('✓') + ' ' : ''}${outputLine(event.entry, event.ms).replace(/ {2}(.*)$/, (_, rest: string) => '  ' + dim(rest))}`);
          return;
        case 'failed':
          running.delete(event.path);
          failed++;
          above(`${options.live ? red('✗') + ' ' : ''}${red('failed')} ${event.path}`);
          return;
        case 'note':
          above(`${yellow('note:')} ${event.message}`);
          return;
        case 'fonts':
          for (const line of formatFontChoices(event.layouts)) above(dim(line));
          return;
      }
    },
    finish() {
      if (timer) clearInterval(timer);
      timer = undefined;
      erase();
    },
  };
}

function fit(s: string, width: number): string {
  return s.length <= width ? s.padEnd(width) : '…' + s.slice(s.length - width + 1);
}
