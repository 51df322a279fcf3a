import type { HtmlElement } from './html-parse.js';
import type { MappedText } from './mapped-text.js';

/**
 * What a reader (plain text or HTML) hands the recogniser: lines of text in reading order, and
 * the few structures HTML states outright. Nothing is classified yet.
 */
export type SourceBlock = SourceLine | SourceTable | SourceList;

export interface SourceLine {
  kind: 'line';
  text: MappedText;
  /** Leading spaces of the line in a plain-text file; a deeper indent starts a paragraph. */
  indent: number;
  /** True when no blank line or element boundary separates it from the line before. */
  continues: boolean;
  /** What the page's markup says about the line; absent for plain text. */
  html?: HtmlLine;
}

/** A line of an HTML page: where it sits in the page and how it is marked up. */
export interface HtmlLine {
  /** The elements around the line, outermost first; the last is the block that made it. */
  path: HtmlElement[];
  /** How many of its characters are link text. */
  linkChars: number;
  /** Every character is bold (<strong>, <b>, font-weight). */
  bold: boolean;
  /** 1–6 inside <h1>–<h6>, else 0. */
  heading: number;
  /** `display` under display:none or [hidden]; `visibility` under visibility:hidden or opacity:0, which a script undoes. */
  hidden?: 'display' | 'visibility';
  /** An item of this <ul>/<ol>. */
  list?: { el: HtmlElement; ordered: boolean };
  /** Made of a breadcrumb element's steps, joined with ' > '. */
  breadcrumb?: boolean;
}

export interface SourceTable {
  kind: 'table';
  at: number;
  caption?: MappedText;
  header?: MappedText[];
  rows: MappedText[][];
  html?: { path: HtmlElement[]; hidden?: 'display' | 'visibility' };
}

export interface SourceList {
  kind: 'list';
  at: number;
  ordered: boolean;
  items: MappedText[];
}

/** Something a reader left out on purpose (a script, a navigation bar), for the report. */
export interface Omission {
  at: number;
  what: string;
}
