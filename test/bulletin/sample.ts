import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentStrings, ROOT } from '../support.js';

export const SAMPLE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');
export const OUT = 'bulletins/sample-2021-01';

interface IssueYaml {
  bulletin: string;
  issue: number;
  totalIssue?: number;
  publisher: string;
  date: string;
  copies: number;
  columns: { name: string; articles: string[] }[];
  distribution: Record<string, string[]>;
}

export const issue = parse(fs.readFileSync(SAMPLE, 'utf8')) as IssueYaml;

/** The sample's articles, parsed, in issue order. */
export const articles = issue.columns.flatMap((c) =>
  c.articles.map((slug) => parse(fs.readFileSync(path.join(ROOT, 'content/articles', `${slug}.yaml`), 'utf8')) as Record<string, unknown>),
);

/** 2021-03-10 → 2021年3月10日 */
export const issueDate = (() => {
  const [y, m, d] = issue.date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
})();

/**
 * The issue's texts in the order a reader meets them after the contents list: each column's
 * label, then each article's title, subtitle, author, editor's note, body and source.
 */
export function readingOrder(): string[] {
  let i = 0;
  return issue.columns.flatMap((c) => [
    `【${c.name}】`,
    ...c.articles.flatMap(() => {
      const a = articles[i++]!;
      return ['title', 'subtitle', 'author', 'editorNote', 'body', 'source'].flatMap((k) => (k in a ? contentStrings(a[k]) : []));
    }),
  ]);
}
