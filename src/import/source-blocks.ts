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
}

export interface SourceTable {
  kind: 'table';
  at: number;
  caption?: MappedText;
  header?: MappedText[];
  rows: MappedText[][];
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
