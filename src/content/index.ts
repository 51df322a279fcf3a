export * from './model.js';
export { loadArticle, contentRootOf, displayPathOf, MAX_SECTION_DEPTH, type LoadOptions, type Loaded } from './load-article.js';
