export { parseMarkup, type ParsedMarkup, type MarkupContext } from './parse-markup.js';
export { VOCABULARY } from './vocabulary.js';
