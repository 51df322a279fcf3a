import { diag, DiagnosticError } from '../diagnostics/index.js';

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org): seconds since 1970 as a decimal integer.
 * Undefined when unset or empty; a malformed value is an error rather than silently the clock.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) {
    throw new DiagnosticError([diag('error', 'source-date-epoch', `SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}`)]);
  }
  return Number(raw.trim());
}

/** The YYYY-MM-DD the renderers stamp into PDF info and DOCX core properties. */
export function stampDate(contentDate: string, epoch: number | undefined): string {
  return epoch === undefined ? contentDate : new Date(epoch * 1000).toISOString().slice(0, 10);
}

/**
 * The time written into zip entries. Zip stores local wall time, and writeZip reads a Date's local
 * fields, so the Date is built from local fields equal to the wanted UTC ones: the bytes are the
 * same under any TZ. 1980-01-01 (the first zip date) unless SOURCE_DATE_EPOCH says otherwise.
 */
export function zipTime(epoch: number | undefined): Date {
  if (epoch === undefined) return new Date(1980, 0, 1, 0, 0, 0);
  const u = new Date(Math.max(epoch * 1000, Date.UTC(1980, 0, 1)));
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
}
