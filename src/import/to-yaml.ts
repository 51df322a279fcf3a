import { Document, isSeq, visit } from 'yaml';
import { FIELD_ORDER, type ImportedArticle } from './article.js';

/**
 * Writes an imported article as content YAML: block style, no line folding (`lineWidth: 0`),
 * fields in the format's order, table rows on one line each. Same article, same bytes.
 */
export function articleToYaml(article: ImportedArticle, from: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (article[key] !== undefined) ordered[key] = article[key];
  const doc = new Document(ordered);
  doc.commentBefore = ` imported by jianbao import from ${from}`;
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (key === 'header' && isSeq(pair.value)) pair.value.flow = true;
      if (key === 'rows' && isSeq(pair.value)) for (const row of pair.value.items) if (isSeq(row)) row.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
