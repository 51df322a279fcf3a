export * from './model.js';
export { loadArticle, contentRootOf, displayPathOf, MAX_SECTION_DEPTH, type LoadOptions, type Loaded } from './load-article.js';
export * from './bulletin-model.js';
export { loadBulletin, resolveArticleRef, looksLikeBulletin, isBulletinFile, ARTICLES_FOLDER } from './bulletin-load.js';
export { checkBulletinSeries } from './bulletin-series.js';
export { bulletinSchema, BULLETIN_KEYS } from './bulletin-schema.js';
