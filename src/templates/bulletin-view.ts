import type { Bulletin } from '../content/index.js';
import { formatPos } from '../diagnostics/index.js';
import { articleView, type ArticleView } from './view.js';

/**
 * What a template sees of a bulletin issue: plain data, labels already worded the way the
 * masthead prints them (第3期, 增刊第1期, 总第45期), and each article as the report layout sees it.
 */
export interface BulletinView
  extends Pick<Bulletin, 'slug' | 'series' | 'issue' | 'totalIssue' | 'supplement' | 'publisher' | 'date' | 'classification' | 'copyNumber' | 'editorNote' | 'copies'> {
  /** 第3期, or 增刊第1期 for a supplement. */
  issueLabel: string;
  /** 总第45期 */
  totalLabel?: string;
  columns: { name: string; at: string; articles: (ArticleView & { n: number })[] }[];
  /** How many articles the issue carries: the theme's `contents.minArticles` is compared with it. */
  articleCount: number;
  /** 报/送/发 lines: `text` is the recipients joined with ， and closed with 。 */
  distribution: { label: string; text: string; at: string }[];
  at: string;
  fieldAt: Record<string, string>;
}

export function bulletinView(b: Bulletin): BulletinView {
  const fieldAt: Record<string, string> = {};
  for (const [k, p] of Object.entries(b.fieldPos)) if (p) fieldAt[k] = formatPos(p);
  let n = 0;
  const columns = b.columns.map((c) => ({ name: c.name, at: formatPos(c.pos), articles: c.articles.map((a) => ({ ...articleView(a.article), n: ++n })) }));
  const issueLabel = `${b.supplement ? '增刊' : ''}第${b.issue}期`;
  const view: BulletinView = {
    slug: b.slug,
    series: b.series,
    issue: b.issue,
    issueLabel,
    supplement: b.supplement,
    publisher: b.publisher,
    date: b.date,
    columns,
    articleCount: n,
    distribution: b.distribution.map((d) => ({ label: d.label, text: d.recipients.join('，') + '。', at: formatPos(d.pos) })),
    copies: b.copies,
    at: formatPos(b.pos),
    fieldAt,
  };
  if (b.totalIssue !== undefined) {
    view.totalIssue = b.totalIssue;
    view.totalLabel = `总第${b.totalIssue}期`;
  }
  for (const key of ['classification', 'copyNumber', 'editorNote'] as const) if (b[key] !== undefined) view[key] = b[key];
  return view;
}
