import fs from 'node:fs';
import { subsetWithCmap, type FontSubset } from '../../fonts/cmap-subset.js';
import { realGlyphId } from '../../fonts/fast-layout.js';
import { parsedFont } from '../../fonts/font-file.js';
import { withoutExifOrientation } from '../../images/exif-orientation.js';
import type { LaidOutDocument, TextRun } from './page-model.js';
import type { FontResource } from './text-object.js';
import { el, textEl } from './xml.js';

/** A file of the package's Res folder. */
export interface ResFile {
  name: string;
  data: Uint8Array;
  /** Worth deflating (XML, fonts), or stored as it is (JPEG, PNG). */
  deflate: boolean;
}

export interface Fonts {
  /** By font file. */
  byFile: Map<string, FontResource>;
  /** PublicRes.xml's Fonts element. */
  xml: string;
  files: ResFile[];
}

/**
 * The fonts the pages draw with, each subset to its characters with cmap, name, OS/2 and post
 * kept (OFD readers map TextCode through the cmap), one resource per font file in order of first
 * use; the files of `whole` (faces embedded whole) as they are.
 */
export function fontResources(doc: LaidOutDocument, nextId: () => number, whole: ReadonlySet<string> = new Set()): Fonts {
  const runsByFile = new Map<string, TextRun[]>();
  for (const page of doc.pages) for (const item of page.items) if (item.kind === 'text') runsByFile.set(item.font, [...(runsByFile.get(item.font) ?? []), item]);
  const byFile = new Map<string, FontResource>();
  const elements: string[] = [];
  const files: ResFile[] = [];
  for (const [file, runs] of runsByFile) {
    const font = parsedFont(file);
    const codePoints = runs.flatMap((r) => [...r.text].map((c) => c.codePointAt(0)!));
    const glyphs = runs.flatMap((r) => r.glyphs.map((g) => realGlyphId(font, g.id)));
    // A face whose licence forbids subsetting (OS/2 fsType bit 8) goes in whole, as in the PDF.
    const subset = whole.has(file) ? wholeFont(file, codePoints) : subsetWithCmap(file, codePoints, glyphs);
    const id = nextId();
    const name = `font_${files.length + 1}.${subset.extension}`;
    files.push({ name, data: subset.bytes, deflate: true });
    byFile.set(file, { id, newId: (g) => subset.newId(realGlyphId(font, g)), cmap: subset.cmap });
    elements.push(el('Font', { ID: id, FontName: font.fullName || font.postscriptName, FamilyName: font.familyName || undefined }, textEl('FontFile', name)));
  }
  return { byFile, xml: elements.length > 0 ? el('Fonts', {}, ...elements) : '', files };
}

export interface Images {
  /** Resource id by image file. */
  byFile: Map<string, number>;
  /** DocumentRes.xml's MultiMedias element. */
  xml: string;
  files: ResFile[];
}

/** Each picture once, as a MultiMedia of type Image, in order of first use. */
export function imageResources(doc: LaidOutDocument, nextId: () => number): Images {
  const byFile = new Map<string, number>();
  const elements: string[] = [];
  const files: ResFile[] = [];
  for (const page of doc.pages) {
    for (const item of page.items) {
      if (item.kind !== 'image' || byFile.has(item.file)) continue;
      const bytes = new Uint8Array(fs.readFileSync(item.file));
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
      const png = bytes[0] === 0x89 && bytes[1] === 0x50;
      if (!jpeg && !png) throw new Error(`${item.file}: only PNG and JPEG images reach the page`);
      const id = nextId();
      const name = `image_${files.length + 1}.${jpeg ? 'jpg' : 'png'}`;
      // The orientation is in the ImageObject's CTM (see image-object.ts).
      files.push({ name, data: jpeg ? withoutExifOrientation(bytes) : bytes, deflate: false });
      byFile.set(item.file, id);
      elements.push(el('MultiMedia', { ID: id, Type: 'Image', Format: jpeg ? 'JPEG' : 'PNG' }, textEl('MediaFile', name)));
    }
  }
  return { byFile, xml: elements.length > 0 ? el('MultiMedias', {}, ...elements) : '', files };
}

/** A font file as it is: every glyph at its own id, its own cmap. */
function wholeFont(file: string, codePoints: readonly number[]): FontSubset {
  const font = parsedFont(file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const cmap = new Map<number, number>();
  for (const cp of codePoints) if (font.hasGlyphForCodePoint(cp)) cmap.set(cp, font.glyphForCodePoint(cp).id);
  const cff = bytes[0] === 0x4f && bytes[1] === 0x54 && bytes[2] === 0x54 && bytes[3] === 0x4f;
  return { bytes, extension: cff ? 'otf' : 'ttf', newId: (id) => id, cmap };
}
