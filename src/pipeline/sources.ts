import { bulletinArticles, checkBulletinSeries, isBulletinFile, loadArticle, loadBulletin, type Article, type Bulletin } from '../content/index.js';
import type { LoadOptions } from '../content/load-article.js';
import type { Diagnostic, SourcePos } from '../diagnostics/index.js';
import { bulletinView } from '../templates/bulletin-view.js';
import { articleView } from '../templates/view.js';

/** A content file a build can lay out: what it is, the layouts it names and its template context. */
export interface Source {
  file: string;
  slug: string;
  kind: 'article' | 'bulletin';
  date: string;
  draft: boolean;
  /** The layouts the file names (`layouts:`); its kind's default layouts when absent (see defaultLayouts). */
  layouts?: string[];
  /** Where each of `layouts` is written. */
  layoutsPos?: SourcePos[];
  /** Files besides the content file whose change must rebuild it (referenced articles, images). */
  dependencies: string[];
  context(): object;
  /** The content blocks a layout must render, every one (an issue's: its articles' bodies). */
  blocks: Article['body'];
  warnings: Diagnostic[];
  /** The loaded issue, for checks across issues (see checkSources). */
  bulletin?: Bulletin;
}

/**
 * Loads a content file by its kind: a file with a `bulletin:` field is an issue, anything else
 * an article. Throws DiagnosticError for bad content.
 */
export function loadSource(file: string, contentRoot: string, seriesDefaults?: LoadOptions['seriesDefaults']): Source {
  if (isBulletinFile(file)) {
    const { value, warnings } = loadBulletin(file, { contentRoot, ...(seriesDefaults ? { seriesDefaults } : {}) });
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

function articleSource(article: Article, warnings: Diagnostic[]): Source {
  return {
    file: article.file,
    slug: article.slug,
    kind: 'article',
    date: article.date,
    draft: article.draft ?? false,
    ...(article.layouts ? { layouts: article.layouts, ...(article.layoutsPos ? { layoutsPos: article.layoutsPos } : {}) } : {}),
    dependencies: imagesOf(article.body),
    context: () => ({ article: articleView(article) }),
    blocks: article.body,
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
    ...(bulletin.layouts ? { layouts: bulletin.layouts, ...(bulletin.layoutsPos ? { layoutsPos: bulletin.layoutsPos } : {}) } : {}),
    dependencies: articles.flatMap((a) => [a.file, ...imagesOf(a.body)]),
    context: () => ({ bulletin: bulletinView(bulletin) }),
    blocks: articles.flatMap((a) => a.body),
    warnings,
    bulletin,
  };
}

function imagesOf(blocks: Article['body']): string[] {
  return blocks.flatMap((b) => (b.kind === 'image' ? [b.path] : b.kind === 'section' ? imagesOf(b.body) : []));
}
