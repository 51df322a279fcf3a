import type { Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';

/** What every writer is given besides the document. */
export interface WriterOptions {
  /** Folders a writer may read images from (the content folder); fonts are always allowed. */
  readableRoots: string[];
  /**
   * The page on which each block with an id starts, by its id, as the paged format lays the
   * document out: a format that does not paginate (DOCX) writes these into its page references,
   * so they equal the PDF's. The registry gives it; without it such references are left for the
   * reader's application to fill in.
   */
  anchorPages?: AnchorPages;
}

/** Lays a document out and says on which page each block with an id starts (1 for the first page). */
export type AnchorPages = (doc: Doc, options: Pick<WriterOptions, 'readableRoots'>) => Promise<ReadonlyMap<string, number>>;

/** A writer: the document and options in, the file's bytes out (pandoc's `options -> document -> bytes`). */
export type Writer = (doc: Doc, options: WriterOptions) => Promise<Uint8Array>;

/** Reads an output back and says which text of the document it lost (`--verify`); `output` names the file in messages. */
export type Verifier = (doc: Doc, bytes: Uint8Array, options: { output?: string }) => Promise<Diagnostic[]>;

/** Renders page 1 of an output file as PNG bytes. */
export interface Previewer {
  name: string;
  render(file: string): Promise<Uint8Array>;
}

/** How a layout's pages are arranged on print sheets (the theme's `layout.imposed`). */
export type Imposition = 'saddle-stitch';

/** Arranges an output's pages on print sheets: the bytes of a new file of the same format. */
export type Imposer = (bytes: Uint8Array, scheme: Imposition) => Promise<Uint8Array>;
