import type { Diagnostic } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import type { AnchorPages, Imposer, Previewer, Verifier, Writer } from './writer.js';

/**
 * An output format, as the build sees it. Everything the pipeline, the render pool and the
 * outputs (manifest, keys, previews, index, release) know of a format comes from here: a new
 * format is a folder under src/render and one entry below.
 */
export interface OutputFormat {
  /** What `--format` and the manifest call it. */
  name: string;
  /** The output file's extension, without the dot. */
  extension: string;
  /** How people call it (the index page, messages). */
  label: string;
  /** The writer, loaded on first use (a DOCX-only build never loads pdfmake). */
  load(): Promise<Writer>;
  /** `--verify`: reads an output back and lists the text it lost. */
  verify?(): Promise<Verifier>;
  /** Counts the pages of an output, for the manifest and the index. */
  pageCount?(): Promise<(bytes: Uint8Array) => number>;
  /** Page-1 previews for the index: the first rasteriser found, and what to install when none is. */
  preview?: { find(): Promise<Previewer | undefined>; unavailable: string };
  /** Print sheets of an output whose layout is imposed (the theme's `layout.imposed`). */
  impose?(): Promise<Imposer>;
  /** npm packages that write this format: their versions enter the build keys of its outputs. */
  libraries: readonly string[];
  /**
   * Built when a build names no formats (`--format`) and the layout lists none (`formats:` in its
   * theme). False for a format people ask for: OFD, which archives and e-government exchange take.
   */
  byDefault?: boolean;
}

/** The built-in formats, in the order the build starts them (the slowest first) and the index lists them. */
const BUILT_IN: readonly OutputFormat[] = [
  {
    name: 'pdf',
    extension: 'pdf',
    label: 'PDF',
    load: async () => (await import('./pdf/render-pdf.js')).renderPdf,
    verify: async () => (await import('../verify/fidelity.js')).verifyPdf,
    pageCount: async () => (await import('./pdf/page-count.js')).countPdfPages,
    preview: {
      find: async () => (await import('./pdf/preview.js')).findPreviewer(),
      unavailable: 'install poppler-utils (pdftoppm), or pdfjs-dist with @napi-rs/canvas',
    },
    impose: async () => (await import('../impose/index.js')).impose,
    libraries: ['pdfmake'],
  },
  {
    name: 'docx',
    extension: 'docx',
    label: 'DOCX',
    // Its PAGEREF fields (a contents list) get the page numbers of the PDF's layout: pdfmake
    // loads only for a document that has page references.
    load: async () => {
      const { renderDocx } = await import('./docx/render-docx.js');
      const anchorPages: AnchorPages = async (doc, options) => (await import('./pdf/render-pdf.js')).anchorPages(doc, options);
      return (doc, options) => renderDocx(doc, { anchorPages, ...options });
    },
    verify: async () => {
      const { verifyDocx } = await import('../verify/fidelity.js');
      return async (doc: Doc, bytes: Uint8Array, options: { output?: string }): Promise<Diagnostic[]> => verifyDocx(doc, bytes, options);
    },
    libraries: ['docx'],
  },
  {
    name: 'ofd',
    extension: 'ofd',
    label: 'OFD',
    // The PDF's own layout pass, recorded and written as OFD (src/render/ofd).
    load: async () => (await import('./ofd/render-ofd.js')).renderOfd,
    verify: async () => {
      const [{ verifyText }, { readOfdText }] = await Promise.all([import('../verify/fidelity.js'), import('./ofd/read-back.js')]);
      return async (doc: Doc, bytes: Uint8Array, options: { output?: string }): Promise<Diagnostic[]> => verifyText(doc, readOfdText(bytes).text.join(''), 'OFD', options);
    },
    pageCount: async () => (await import('./ofd/read-back.js')).countOfdPages,
    libraries: ['pdfmake', 'fontkit'],
    byDefault: false,
  },
];

const registered: OutputFormat[] = [...BUILT_IN];

/** Whether every thread knows this format (render workers load only the built-in ones). */
export function isBuiltInFormat(name: string): boolean {
  return BUILT_IN.some((f) => f.name === name);
}

/** Every format, built-in first, in registration order. */
export function outputFormats(): readonly OutputFormat[] {
  return registered;
}

/** The names of every format (`--format` takes them). */
export function formatNames(): string[] {
  return registered.map((f) => f.name);
}

/** The formats a build writes when neither it nor the layout names any. */
export function defaultFormatNames(): string[] {
  return registered.filter((f) => f.byDefault !== false).map((f) => f.name);
}

/** The format of this name, or undefined. */
export function findFormat(name: string): OutputFormat | undefined {
  return registered.find((f) => f.name === name);
}

/** The format of this name; throws for a name no entry has (a bug: names are checked at the CLI). */
export function outputFormat(name: string): OutputFormat {
  const f = findFormat(name);
  if (!f) throw new Error(`no output format \`${name}\` (formats: ${formatNames().join(', ')})`);
  return f;
}

export function isFormat(name: string): boolean {
  return findFormat(name) !== undefined;
}

/**
 * Adds a format in this thread (a plug-in, or a test's own format). Render workers know only the
 * built-in formats: a build that uses an added one renders in this thread (`jobs: 1`).
 * Returns a function that removes it again.
 */
export function registerFormat(format: OutputFormat): () => void {
  if (findFormat(format.name)) throw new Error(`output format \`${format.name}\` is registered already`);
  registered.push(format);
  return () => {
    const i = registered.indexOf(format);
    if (i >= 0) registered.splice(i, 1);
  };
}

/** A format name for messages that need a type: any registered name. */
export type Format = string;
