import type { DocxPackage } from './package.js';
import { child, elements, textOf } from './xml.js';

/** The custom document property jianbao marks its drafts with (see src/render/docx/render-docx.ts). */
export const DRAFT_PROPERTY = 'jianbao';

/** What the document properties say: the author (Word's File › Info › Author) and whether jianbao wrote the draft. */
export function readProperties(pkg: DocxPackage): { author?: string; jianbao: boolean } {
  const jianbao = pkg.custom ? elements(pkg.custom).some((p) => p.attrs['name'] === DRAFT_PROPERTY) : false;
  const creator = pkg.core ? child(pkg.core, 'dc:creator') : undefined;
  const author = creator ? textOf(creator).trim() : '';
  // jianbao writes its own name when the article has no author.
  return { ...(author && author !== 'jianbao' ? { author } : {}), jianbao };
}
