import fs from 'node:fs';
import path from 'node:path';
import { diag, formatPos, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import type { Bulletin } from './bulletin-model.js';
import { displayPathOf, readYamlData } from './load-article.js';
import { cleanText } from './text.js';

/** What the series check needs of an issue: a loaded one, or a sibling file only peeked at. */
type Numbered = Pick<Bulletin, 'file' | 'series' | 'issue' | 'totalIssue' | 'supplement' | 'pos' | 'fieldPos'>;

/**
 * Checks a set of loaded issues against each other and against the other issues in their
 * folders: within one series, no two regular issues (and no two supplements, which count on
 * their own) share a 第N期, and no two share a 总第N期. An issue built alone is checked against
 * its siblings too, so a clash does not depend on what the command line named.
 *
 * Issues are taken in path order. Each clash is reported at the later file's number, with the
 * earlier file named in a hint; when only the earlier file is being checked, at its number, with
 * the later file named. A sibling that does not read as an issue is skipped: its own build says why.
 */
export function checkBulletinSeries(bulletins: readonly Bulletin[]): Diagnostic[] {
  const checked = new Set(bulletins.map((b) => b.file));
  const all: Numbered[] = [...bulletins, ...siblingIssues(bulletins, checked)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out: Diagnostic[] = [];
  const firstIssue = new Map<string, Numbered>();
  const firstTotal = new Map<string, Numbered>();
  const report = (b: Numbered, prev: Numbered, field: 'issue' | 'totalIssue', what: string) => {
    if (checked.has(b.file)) out.push(clash(b, field, what, prev, 'already'));
    else if (checked.has(prev.file)) out.push(clash(prev, field, what, b, 'also'));
  };
  for (const b of all) {
    const kind = b.supplement ? '增刊' : '';
    const issueKey = JSON.stringify([b.series, kind, b.issue]);
    const prev = firstIssue.get(issueKey);
    if (prev) report(b, prev, 'issue', `${kind}第${b.issue}期`);
    else firstIssue.set(issueKey, b);

    if (b.totalIssue !== undefined) {
      const totalKey = JSON.stringify([b.series, b.totalIssue]);
      const prevTotal = firstTotal.get(totalKey);
      if (prevTotal) report(b, prevTotal, 'totalIssue', `总第${b.totalIssue}期`);
      else firstTotal.set(totalKey, b);
    }
  }
  return out;
}

function clash(b: Numbered, field: 'issue' | 'totalIssue', what: string, other: Numbered, order: 'already' | 'also'): Diagnostic {
  const pos: SourcePos = b.fieldPos[field] ?? b.pos;
  const otherPos = other.fieldPos[field] ?? other.pos;
  return diag('error', 'duplicate-issue', `another issue of ${b.series} is ${order} ${what}`, pos, [`${order === 'already' ? 'first used' : 'also used'} at ${formatPos(otherPos)}`, 'give each issue of a series its own number']);
}

/** The other issues in the folders of `bulletins`, read for their numbers only. */
function siblingIssues(bulletins: readonly Bulletin[], checked: ReadonlySet<string>): Numbered[] {
  const series = new Set(bulletins.map((b) => b.series));
  const out: Numbered[] = [];
  for (const dir of new Set(bulletins.map((b) => path.dirname(b.file)))) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('.'));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const file = path.join(dir, name);
      if (checked.has(file)) continue;
      const peeked = peekNumbers(file);
      if (peeked && series.has(peeked.series)) out.push(peeked);
    }
  }
  return out;
}

/** An issue's series and numbers as the loader would read them, or nothing for any other file. */
function peekNumbers(file: string): Numbered | undefined {
  const { data, source } = readYamlData(file, displayPathOf(file), { what: 'content file' });
  if (!source || !data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const positive = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
  if (typeof d.bulletin !== 'string' || !positive(d.issue)) return undefined;
  const fieldPos: Numbered['fieldPos'] = { issue: source.posOf(['issue']) };
  const peeked: Numbered = { file, series: cleanText(d.bulletin, source.posOf(['bulletin']), []), issue: d.issue as number, supplement: d.supplement === true, pos: source.posOf([]), fieldPos };
  if (positive(d.totalIssue)) {
    peeked.totalIssue = d.totalIssue as number;
    fieldPos.totalIssue = source.posOf(['totalIssue']);
  }
  return peeked;
}
