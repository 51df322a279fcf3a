import { diag, formatPos, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import type { Bulletin } from './bulletin-model.js';

/**
 * Checks a set of loaded issues against each other: within one series, no two regular issues
 * (and no two supplements, which count on their own) share a 第N期, and no two share a 总第N期.
 * Each clash is reported at the later file's number, with the earlier file named in a hint.
 * Issues are taken in the order given; the build passes them sorted by path.
 */
export function checkBulletinSeries(bulletins: readonly Bulletin[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstIssue = new Map<string, Bulletin>();
  const firstTotal = new Map<string, Bulletin>();
  for (const b of bulletins) {
    const kind = b.supplement ? '增刊' : '';
    const issueKey = JSON.stringify([b.series, kind, b.issue]);
    const prev = firstIssue.get(issueKey);
    if (prev) out.push(clash(b, 'issue', `${kind}第${b.issue}期`, prev));
    else firstIssue.set(issueKey, b);

    if (b.totalIssue !== undefined) {
      const totalKey = JSON.stringify([b.series, b.totalIssue]);
      const prevTotal = firstTotal.get(totalKey);
      if (prevTotal) out.push(clash(b, 'totalIssue', `总第${b.totalIssue}期`, prevTotal));
      else firstTotal.set(totalKey, b);
    }
  }
  return out;
}

function clash(b: Bulletin, field: 'issue' | 'totalIssue', what: string, prev: Bulletin): Diagnostic {
  const pos: SourcePos = b.fieldPos[field] ?? b.pos;
  const prevPos = prev.fieldPos[field] ?? prev.pos;
  return diag('error', 'duplicate-issue', `another issue of ${b.series} is already ${what}`, pos, [`first used at ${formatPos(prevPos)}`, 'give each issue of a series its own number']);
}
