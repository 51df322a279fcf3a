/** The module namespace of pdf.js's Node build, which the verifier and the previewer load. */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * import() of a module kept outside the CLI bundle (pdf.js, @napi-rs/canvas, Node's readline).
 * The CLI compiles its bundle through a V8 code cache (scripts/compile-cache.cjs), and Node 20
 * drops the module loader of a script compiled from cached data: its import() throws
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on every run after the first. So the CLI's entry files,
 * which Node compiles itself, lend their own import() as `__jianbaoImport`; elsewhere (tests,
 * the library) import() is used as it is.
 */
export function importExternal<T = unknown>(specifier: string): Promise<T> {
  const lent = (globalThis as { __jianbaoImport?: (specifier: string) => Promise<unknown> }).__jianbaoImport;
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}

/** pdf.js's Node build, through importExternal. */
export function importPdfJs(): Promise<PdfJs> {
  return importExternal<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs');
}
