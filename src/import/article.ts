/**
 * The article as the importer writes it: the public YAML content format, as plain data.
 * Field order here is the order in the file.
 */
export interface ImportedArticle {
  title?: string;
  /** A title the source breaks over lines, line by line. */
  titleLines?: string[];
  /** 引题, printed above the title. */
  kicker?: string;
  column?: string;
  /** YYYY-MM-DD */
  date?: string;
  source?: string;
  subtitle?: string;
  author?: string;
  editorNote?: string;
  /** 附件说明: the attachments' titles, printed after the body. */
  attachments?: string[];
  body: ImportedBlock[];
}

/** A plain string is a paragraph. */
export type ImportedBlock = string | ImportedSection | { table: ImportedTable } | { list: string[] };

export interface ImportedSection {
  /** Without its number: the template numbers sections. */
  heading: string;
  body: ImportedBlock[];
}

export interface ImportedTable {
  caption?: string;
  header?: string[];
  rows: string[][];
}

/** Every string of a body in reading order: headings, paragraphs, table captions and cells, list items. */
export function bodyTexts(body: ImportedBlock[]): string[] {
  return body.flatMap((b) => {
    if (typeof b === 'string') return [b];
    if ('heading' in b) return [b.heading, ...bodyTexts(b.body)];
    if ('table' in b) return [...(b.table.caption ? [b.table.caption] : []), ...(b.table.header ?? []), ...b.table.rows.flat()];
    return b.list;
  });
}

/** A table as the YAML writes it, each cell's text finished (trimmed, punctuation normalised) by `finish`. */
export function finishedTable<T>(t: { caption?: T; header?: T[]; rows: T[][] }, finish: (text: T) => string): { table: ImportedTable } {
  return {
    table: {
      ...(t.caption ? { caption: finish(t.caption) } : {}),
      ...(t.header ? { header: t.header.map(finish) } : {}),
      rows: t.rows.map((row) => row.map(finish)),
    },
  };
}

export const FIELD_ORDER = ['kicker', 'title', 'titleLines', 'column', 'date', 'source', 'subtitle', 'author', 'editorNote', 'attachments', 'body'] as const;
