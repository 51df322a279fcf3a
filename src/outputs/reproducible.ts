import { diag, DiagnosticError, type Diagnostic } from '../diagnostics/index.js';

/**
 * The last second SOURCE_DATE_EPOCH may name: 9999-12-31 23:59:59 UTC. PDF and DOCX dates are
 * written with four-digit years; a later one cannot be written at all.
 */
export const MAX_EPOCH = 253_402_300_799;

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970 as a decimal integer.
 * Undefined when unset or empty; a malformed value, or one past year 9999, is an error rather
 * than silently the clock.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    throw new DiagnosticError([diag('error', 'source-date-epoch', `SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}`)]);
  }
  const epoch = Number(text);
  if (!(epoch <= MAX_EPOCH)) {
    throw new DiagnosticError([
      diag('error', 'source-date-epoch', `SOURCE_DATE_EPOCH ${text} is past the year 9999, which no PDF or Word date can hold`, undefined, [`use at most ${MAX_EPOCH} (9999-12-31 23:59:59 UTC); \`git log -1 --format=%ct\` gives the last commit's`]),
    ]);
  }
  return epoch;
}

/** The YYYY-MM-DD the renderers stamp into PDF info and DOCX core properties. */
export function stampDate(contentDate: string, epoch: number | undefined): string {
  return epoch === undefined ? contentDate : new Date(epoch * 1000).toISOString().slice(0, 10);
}

/** The last time a zip entry can hold: DOS dates count years 1980 to 2107, seconds in twos. */
const LAST_ZIP_TIME = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * The time written into zip entries. Zip stores local wall time, and writeZip reads a Date's local
 * fields, so the Date is built from local fields equal to the wanted UTC ones: the bytes are the
 * same under any TZ. 1980-01-01 (the first zip date) unless SOURCE_DATE_EPOCH says otherwise; a
 * time before it is zip's first date, as every zip tool writes it. A time past 2107 (the last
 * zip date) is clamped to the last, with a warning, rather than refusing the release: the
 * documents inside still carry the epoch's date, the clamp is the same on every machine (the
 * release stays reproducible), and the entry times are the only thing it changes.
 */
export function zipTime(epoch: number | undefined): { date: Date; warning?: Diagnostic } {
  if (epoch === undefined) return { date: new Date(1980, 0, 1, 0, 0, 0) };
  const ms = Math.max(epoch * 1000, Date.UTC(1980, 0, 1));
  const u = new Date(Math.min(ms, LAST_ZIP_TIME));
  const date = new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
  if (ms <= LAST_ZIP_TIME) return { date };
  return {
    date,
    warning: diag('warning', 'source-date-epoch', `SOURCE_DATE_EPOCH ${epoch} is past 2107, the last year a zip entry can hold: the release's zips say 2107-12-31 23:59:58`, undefined, [
      'the PDF and Word files inside keep the epoch’s date',
    ]),
  };
}
