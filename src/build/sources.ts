import { bulletinArticles, checkBulletinSeries, displayPathOf, isBulletinFile, loadArticle, loadBulletin, type Article, type Bulletin } from '../content/index.js';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import { bulletinView } from '../templates/bulletin-view.js';
import { articleView } from '../templates/view.js';

/** A content file a build can lay out: what it is, its default layouts and its template context. */
export interface Source {
  file: string;
  slug: string;
  kind: 'article' | 'bulletin';
  date: string;
  draft: boolean;
  layouts: string[];
  /** Files besides the content file whose change must rebuild it (referenced articles, images). */
  dependencies: string[];
  context(): object;
  warnings: Diagnostic[];
  /** The loaded issue, for checks across issues (see checkSources). */
  bulletin?: Bulletin;
}

export const DEFAULT_LAYOUTS: Record<Source['kind'], string[]> = {
  article: ['report'],
  bulletin: ['bulletin'],
};

/** Which kind of content each shipped layout lays out; a layout not listed takes any kind. */
export const LAYOUT_KINDS: Record<string, Source['kind']> = {
  report: 'article',
  bulletin: 'bulletin',
  booklet: 'bulletin',
};

/**
 * Loads a content file by its kind: a file with a `bulletin:` field is an issue, anything else
 * an article. Throws DiagnosticError for bad content.
 */
export function loadSource(file: string, contentRoot: string): Source {
  if (isBulletinFile(file)) {
    const { value, warnings } = loadBulletin(file, { contentRoot });
    return bulletinSource(value, warnings);
  }
  const { value, warnings } = loadArticle(file, { contentRoot });
  return articleSource(value, warnings);
}

/**
 * Checks the sources of one build against each other: issues of one series must not share a
 * number. Call after loading every input and before laying any out.
 */
export function checkSources(sources: readonly Source[]): Diagnostic[] {
  return checkBulletinSeries(sources.flatMap((s) => (s.bulletin ? [s.bulletin] : [])));
}

/** An error when a layout is for another kind of content (e.g. `report` asked of an issue). */
export function checkLayoutKind(source: Source, layout: string): Diagnostic | undefined {
  const kind = LAYOUT_KINDS[layout];
  if (!kind || kind === source.kind) return undefined;
  const fitting = Object.entries(LAYOUT_KINDS).filter(([, k]) => k === source.kind).map(([l]) => `\`${l}\``);
  const what = (k: Source['kind']) => (k === 'article' ? 'an article' : 'a bulletin issue');
  return diag('error', 'layout-kind', `layout \`${layout}\` is for ${what(kind)}; this file is ${what(source.kind)}`, { file: displayPathOf(source.file), line: 1, column: 1 }, [
    `layouts for ${what(source.kind)}: ${fitting.join(', ')}`,
  ]);
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

function bulletinSource(bulletin: Bulletin, warnings: Diagnostic[]): Source {
  const articles = bulletinArticles(bulletin).map((a) => a.article);
  return {
    file: bulletin.file,
    slug: bulletin.slug,
    kind: 'bulletin',
    date: bulletin.date,
    draft: bulletin.draft ?? false,
    layouts: bulletin.layouts ?? DEFAULT_LAYOUTS.bulletin,
    dependencies: articles.flatMap((a) => [a.file, ...imagesOf(a.body)]),
    context: () => ({ bulletin: bulletinView(bulletin) }),
    warnings,
    bulletin,
  };
}

function imagesOf(blocks: Article['body']): string[] {
  return blocks.flatMap((b) => (b.kind === 'image' ? [b.path] : b.kind === 'section' ? imagesOf(b.body) : []));
}
