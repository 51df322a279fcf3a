/**
 * docx 9.15.2, reached past its public API in one place: the compiler Packer itself calls, for
 * the package's parts before they are zipped. Listed in src/patches/README.md; its invariant (the
 * same parts as Packer's own zip) is checked by src/patches/docx.test.ts.
 */
import type { File } from 'docx';
import { Packer } from 'docx';

/** A package's parts by path: XML as text, media as bytes. */
export type DocxParts = Map<string, string | Uint8Array>;

interface PartsCompiler {
  compile(file: File, prettify: undefined, overrides: never[]): DocxParts;
}

/** Whether this docx has the compiler the fast path uses (the test of this patch asks). */
export function hasPartsCompiler(): boolean {
  return typeof (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler?.compile === 'function';
}

/**
 * The parts of the package the docx library would zip. Packer zips them (its deflate in
 * JavaScript), and finishing the package would unzip them again to fix a few parts: the library's
 * own compiler gives them as they are. It is the object Packer itself calls, not public API: a
 * docx release without it falls back to Packer's zip (slower, same parts), and the test of this
 * patch fails.
 */
export async function docxParts(file: File): Promise<DocxParts> {
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile === 'function') {
    const parts = compiler.compile(file, undefined, []);
    if (parts instanceof Map) return parts;
  }
  const { unzipSync } = await import('fflate');
  return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(file)))));
}

