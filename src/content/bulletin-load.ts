import fs from 'node:fs';
import path from 'node:path';
import { diag, DiagnosticError, didYouMean, hasErrors, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import { contentRootOf, displayPathOf, loadArticle, readOptions, readYamlData, type LoadOptions, type Loaded } from './load-article.js';
import type { Article } from './model.js';
import { DISTRIBUTION_LABELS, type Bulletin, type BulletinArticle, type BulletinColumn, type DistributionLine } from './bulletin-model.js';
import { bulletinSchema, BULLETIN_KEYS } from './bulletin-schema.js';
import { cleanText } from './text.js';
import { placeInside } from '../io/inside-root.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import { zodIssuesToDiagnostics } from './zod-diagnostics.js';
import { textAsWritten } from './as-written.js';
import { isFile } from '../io/file-kind.js';

/** An issue's fields with its series' defaults under them: the issue's own values win. */
function withSeriesDefaults(data: unknown, defaults: LoadOptions['seriesDefaults']): unknown {
  if (!defaults || typeof data !== 'object' || data === null) return data;
  const series = (data as { bulletin?: unknown }).bulletin;
  const own = typeof series === 'string' ? defaults[series.trim()] : undefined;
  return own ? { ...own, ...data } : data;
}

/** Where `articles: [slug]` references look: `<content root>/articles/<slug>.yaml`. */
export const ARTICLES_FOLDER = 'articles';

/** True when a parsed YAML mapping is a bulletin issue rather than an article (it names its series). */
export function looksLikeBulletin(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'bulletin' in data;
}

/**
 * Reads, validates and resolves one bulletin issue file, loading every article it names with
 * `loadArticle`. Throws DiagnosticError with every error found: the issue's own (unknown fields,
 * non-positive numbers, missing articles) and those of the articles it carries.
 */
export function loadBulletin(file: string, options: LoadOptions = {}): Loaded<Bulletin> {
  const abs = path.resolve(file);
  const shown = options.displayPath ?? displayPathOf(abs);
  const contentRoot = options.contentRoot ?? contentRootOf(abs);
  const { data, source, diagnostics } = readYamlData(abs, shown, readOptions(abs, contentRoot));
  if (!source || data === undefined) throw new DiagnosticError(diagnostics);

  const parsed = bulletinSchema.safeParse(withSeriesDefaults(textAsWritten(data, bulletinSchema, source, []), options.seriesDefaults));
  if (!parsed.success) throw new DiagnosticError(byLine(zodIssuesToDiagnostics(parsed.error.issues, source, [], bulletinSchema)));
  const b = parsed.data;
  const clean = (v: string, at: PropertyKey[]) => cleanText(v, source.posOf(at), diagnostics, (i) => source.posInValue(at, i));

  const fieldPos: Bulletin['fieldPos'] = {};
  for (const key of BULLETIN_KEYS) if (key in (data as object)) fieldPos[key] = source.posOf([key]);

  const seen = new Map<string, SourcePos>();
  const columns: BulletinColumn[] = b.columns.map((c, ci) => ({
    pos: source.posOf(['columns', ci]),
    name: clean(c.name, ['columns', ci, 'name']),
    articles: c.articles.flatMap((ref, ai): BulletinArticle[] => {
      const refPos = source.posOf(['columns', ci, 'articles', ai]);
      const articleFile = resolveArticleRef(ref, path.dirname(abs), contentRoot, refPos, diagnostics, abs);
      if (!articleFile) return [];
      const first = seen.get(articleFile);
      if (first) {
        diagnostics.push(diag('error', 'duplicate-article', `the article \`${ref}\` is already in this issue`, refPos, [`first named at line ${first.line}`]));
        return [];
      }
      seen.set(articleFile, refPos);
      const article = loadReferenced(articleFile, ref, contentRoot, refPos, diagnostics);
      return article ? [{ ref, refPos, article }] : [];
    }),
  }));

  const distribution: DistributionLine[] = [];
  for (const label of DISTRIBUTION_LABELS) {
    const list = b.distribution[label];
    if (list.length === 0) continue;
    distribution.push({ label, pos: source.posOf(['distribution', label]), recipients: list.map((r, i) => clean(r, ['distribution', label, i])) });
  }

  const bulletin: Bulletin = {
    kind: 'bulletin',
    pos: source.posOf([]),
    file: abs,
    slug: path.basename(abs).replace(/\.ya?ml$/i, ''),
    series: clean(b.bulletin, ['bulletin']),
    issue: b.issue,
    supplement: b.supplement ?? false,
    publisher: clean(b.publisher, ['publisher']),
    date: b.date,
    columns,
    distribution,
    copies: b.copies,
    fieldPos,
  };
  if (b.totalIssue !== undefined) bulletin.totalIssue = b.totalIssue;
  if (b.classification !== undefined) bulletin.classification = clean(b.classification, ['classification']);
  if (b.copyNumber !== undefined) bulletin.copyNumber = typeof b.copyNumber === 'number' ? String(b.copyNumber) : clean(b.copyNumber, ['copyNumber']);
  if (b.editorNote !== undefined) bulletin.editorNote = clean(b.editorNote, ['editorNote']);
  if (b.layouts) {
    bulletin.layouts = b.layouts;
    bulletin.layoutsPos = b.layouts.map((_, i) => source.posOf(['layouts', i]));
  }
  if (b.draft !== undefined) bulletin.draft = b.draft;

  if (hasErrors(diagnostics)) throw new DiagnosticError(diagnostics);
  return { value: bulletin, warnings: diagnostics };
}

/**
 * Resolves an article reference: a bare slug is `<content>/articles/<slug>.yaml`; `./x.yaml` and
 * `../x.yaml` are relative to the issue file; any other path is relative to the content folder.
 * The article must exist and stay inside the content folder.
 */
export function resolveArticleRef(ref: string, issueDir: string, contentRoot: string, pos: SourcePos, diagnostics: Diagnostic[], issueFile?: string): string | undefined {
  const isPath = ref.includes('/') || /\.ya?ml$/i.test(ref);
  const target = !isPath ? path.join(ARTICLES_FOLDER, `${ref}.yaml`) : ref.startsWith('./') || ref.startsWith('../') ? path.relative(contentRoot, path.resolve(issueDir, ref)) : ref;
  const placed = placeInside(contentRoot, target, contentRoot, { allowAbsolute: false });
  if (!placed.ok) {
    const via = placed.why === 'link-outside' ? ` (through a link to ${placed.real})` : '';
    diagnostics.push(diag('error', 'article-path', `article path leaves the content folder: ${ref}${via}`, pos, [`keep articles inside ${displayPathOf(path.resolve(contentRoot))}`]));
    return undefined;
  }
  const abs = placed.abs;
  if (issueFile && (abs === path.resolve(issueFile) || (placed.real !== undefined && placed.real === realOrSelf(issueFile)))) {
    diagnostics.push(diag('error', 'article-self', `the issue names itself as an article: \`${ref}\` is this file`, pos, ['name the article files this issue carries, under content/articles/']));
    return undefined;
  }
  if (!isFile(abs)) {
    if (placed.real !== undefined) {
      // It exists but is no file (a folder, a pipe, a device): say what it is, as every read does.
      const read = readBounded(abs, { limit: LIMITS.contentFileBytes, shown: ref, pos, what: 'article' });
      if (!read.ok) {
        diagnostics.push(read.diagnostic);
        return undefined;
      }
    }
    const known = listArticleSlugs(contentRoot);
    const guess = didYouMean(isPath ? path.basename(ref).replace(/\.ya?ml$/i, '') : ref, known);
    const hints = [`looked for ${displayPathOf(abs)}`];
    if (guess) hints.push(`did you mean \`${guess}\`?`);
    else if (known.length > 0 && known.length <= 12) hints.push(`articles here: ${known.join(', ')}`);
    diagnostics.push(diag('error', 'missing-article', `no article \`${ref}\``, pos, hints));
    return undefined;
  }
  return abs;
}

/** Loads a referenced article; its own errors point into its file, with a note back at the reference. */
function loadReferenced(file: string, ref: string, contentRoot: string, refPos: SourcePos, diagnostics: Diagnostic[]): Article | undefined {
  // Another issue named as an article would fail as an article with "missing field `title`":
  // say what it is instead.
  const peek = readYamlData(file, displayPathOf(file), { root: { dir: contentRoot, name: 'the content folder', rule: 'article-path' }, what: 'article' });
  if (looksLikeBulletin(peek.data)) {
    diagnostics.push(diag('error', 'article-kind', `\`${ref}\` is a bulletin issue, not an article`, refPos, [`an issue's columns name articles; ${displayPathOf(file)} is an issue of its own`]));
    return undefined;
  }
  try {
    const { value, warnings } = loadArticle(file, { contentRoot });
    diagnostics.push(...warnings);
    return value;
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const note = `in the article named at ${refPos.file}:${refPos.line}:${refPos.column}`;
    diagnostics.push(...e.diagnostics.map((d) => ({ ...d, hints: [...(d.hints ?? []), note] })));
    return undefined;
  }
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Slugs of `<content>/articles/*.yaml`, for did-you-mean hints. */
function listArticleSlugs(contentRoot: string): string[] {
  try {
    return fs
      .readdirSync(path.join(contentRoot, ARTICLES_FOLDER))
      .filter((f) => /\.ya?ml$/i.test(f))
      .map((f) => f.replace(/\.ya?ml$/i, ''))
      .sort();
  } catch {
    return [];
  }
}

/** Schema errors in the order of the file, as an editor reads it. */
function byLine(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.column ?? 0) - (b.pos?.column ?? 0));
}


/** Peeks at a content file to tell an issue from an article, without validating either. */
export function isBulletinFile(file: string): boolean {
  const { data } = readYamlData(path.resolve(file), displayPathOf(path.resolve(file)));
  return looksLikeBulletin(data);
}
