// What the recogniser finds, in a file of its own so that the field collector (fields.ts) can
// name it without importing the recogniser that uses it.
import type { Diagnostic } from '../diagnostics/index.js';
import type { MainContent } from './main-content.js';
import type { MappedText } from './mapped-text.js';
import type { OutlineBlock } from './outline.js';
import type { HtmlElement } from './html-parse.js';
import type { PageMeta } from './page-meta.js';

/** A line the importer dropped on purpose, for the report. */
export interface Furniture {
  at: number;
  what: string;
  text: string;
}

/** An article's fields as found in a source (text, HTML or Word), each mapped to where it was. */
export interface MappedArticleFields {
  /** 引题, above the title. */
  kicker?: MappedText;
  title?: MappedText;
  subtitle?: MappedText;
  column?: MappedText;
  date?: { value: string; at: number };
  source?: MappedText;
  author?: MappedText;
  editorNote?: MappedText;
  /** The attachments' titles (附件说明), without 附件： and their numbers. */
  attachments?: MappedText[];
}

/** What the recogniser found, every text still mapped to the source. */
export interface Recognised extends MappedArticleFields {
  /** A title over two lines: each line, as the page breaks it. */
  titleLines?: MappedText[];
  body: OutlineBlock[];
  /** How many paragraphs at the end of `body` close the article. */
  closing: number;
  furniture: Furniture[];
  diagnostics: Diagnostic[];
}

/** What an HTML page adds to its lines: its tags' fields and the element that holds its article. */
export interface PageContext {
  meta: PageMeta;
  main: MainContent;
  images: { at: number; src: string; alt: string; before: number; path: HtmlElement[] }[];
}
