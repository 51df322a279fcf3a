import { loadArticle, type Article } from '../content/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { articleView } from '../templates/view.js';

/** A content file a build can lay out: what it is, its default layouts and its template context. */
export interface Source {
  file: string;
  slug: string;
  kind: 'article';
  date: string;
  draft: boolean;
  layouts: string[];
  /** Files besides the content file whose change must rebuild it (referenced articles, images). */
  dependencies: string[];
  context(): object;
  warnings: Diagnostic[];
}

export const DEFAULT_LAYOUTS: Record<Source['kind'], string[]> = {
  article: ['report'],
};

/** Loads a content file by its kind. Throws DiagnosticError for bad content. */
export function loadSource(file: string, contentRoot: string): Source {
  const { value, warnings } = loadArticle(file, { contentRoot });
  return articleSource(value, warnings);
}

function articleSource(article: Article, warnings: Diagnostic[]): Source {
  return {
    file: article.file,
    slug: article.slug,
    kind: 'article',
    date: article.date,
    draft: article.draft ?? false,
    layouts: article.layouts ?? DEFAULT_LAYOUTS.article,
    dependencies: imagesOf(article.body),
    context: () => ({ article: articleView(article) }),
    warnings,
  };
}

function imagesOf(blocks: Article['body']): string[] {
  return blocks.flatMap((b) => (b.kind === 'image' ? [b.path] : b.kind === 'section' ? imagesOf(b.body) : []));
}
