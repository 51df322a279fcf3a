import type { Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';

/** What every writer is given besides the document. */
export interface WriterOptions {
  /** Folders a writer may read images from (the content folder); fonts are always allowed. */
  readableRoots: string[];
}

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
