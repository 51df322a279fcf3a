import fs from 'node:fs';
import type { Font } from 'fontkit';
import { bufferSource, readSfnt } from './sfnt.js';

/**
 * Embedding a face whole, for a face whose OS/2 fsType forbids subsetting (bit 8): the PDF
 * carries the face's own font program, every glyph at its own id, its bytes unchanged (no
 * hinting stripped). pdfkit subsets every TrueType face, numbering glyphs in order of use; for
 * such a face the font gets a subset that keeps each glyph's id (CID = glyph id, pdfkit's
 * CIDToGIDMap is Identity) and encodes to the face's whole program.
 *
 * pdfkit keeps a width and the code points of each CID in arrays indexed by CID; with glyph ids
 * kept they have holes, which its PDF writer cannot take. `completeWholeFonts` fills them before
 * the document ends.
 */

interface WholeSubset {
  /** Marks the subset as whole, for completeWholeFonts. */
  whole: true;
  includeGlyph(gid: number | { id: number }): number;
  encode(): Uint8Array;
}

/** The face's own font program: a font file's bytes, or one face of a collection as a font of its own (tables copied). */
export function wholeFontProgram(file: string, index = 0): Buffer {
  const bytes = fs.readFileSync(file);
  const parsed = readSfnt(bufferSource(bytes));
  if (!parsed.collection) return bytes;
  const face = parsed.faces[index];
  if (!face) throw new Error(`${file} has no face ${index}`);
  const at = bytes.readUInt32BE(12 + 4 * index);
  const numTables = bytes.readUInt16BE(at + 4);
  // The face's directory entries (tag, checksum), sorted by tag, pointing into the new file.
  const entries = Array.from({ length: numTables }, (_, i) => at + 12 + 16 * i).sort((a, b) => bytes.compare(bytes, a, a + 4, b, b + 4));
  const head = Buffer.alloc(12 + 16 * numTables);
  bytes.copy(head, 0, at, at + 12);
  const parts: Buffer[] = [head];
  let offset = head.length;
  entries.forEach((entry, i) => {
    const t = face.tables.get(bytes.toString('latin1', entry, entry + 4))!;
    const p = 12 + 16 * i;
    bytes.copy(head, p, entry, entry + 8);
    head.writeUInt32BE(offset, p + 8);
    head.writeUInt32BE(t.length, p + 12);
    const pad = (4 - (t.length % 4)) % 4;
    parts.push(bytes.subarray(t.offset, t.offset + t.length), Buffer.alloc(pad));
    offset += t.length + pad;
  });
  return Buffer.concat(parts);
}

/**
 * Makes pdfkit embed this parsed face whole: its subsets keep glyph ids and encode to `program`.
 * Only TrueType outlines: pdfkit embeds a CFF face as a bare CFF whose glyphs are found by CID.
 */
export function embedWhole(font: Font, program: Uint8Array): void {
  const f = font as unknown as { createSubset(): unknown; directory?: { tables?: Record<string, unknown> } };
  if (!f.directory?.tables?.glyf) throw new Error(`${font.postscriptName}: only a TrueType face can be embedded whole`);
  f.createSubset = (): WholeSubset => ({
    whole: true,
    includeGlyph: (gid) => (typeof gid === 'object' ? gid.id : gid),
    encode: () => program,
  });
}

interface PdfkitEmbeddedFont {
  subset?: { whole?: boolean };
  widths?: (number | undefined)[];
  unicode?: (number[] | undefined)[];
}

/**
 * Fills the holes of the per-CID arrays of every whole face of a pdfkit document: a width of 0
 * and the code point 0 (what pdfkit gives glyph 0) for glyphs the document never draws. Call it
 * after the last text is drawn, before the document ends.
 */
export function completeWholeFonts(doc: object): void {
  const families = (doc as { _fontFamilies?: Record<string, PdfkitEmbeddedFont> })._fontFamilies ?? {};
  for (const font of new Set(Object.values(families))) {
    if (!font.subset?.whole || !font.widths || !font.unicode) continue;
    const n = Math.max(font.widths.length, font.unicode.length);
    for (let i = 0; i < n; i++) {
      font.widths[i] ??= 0;
      font.unicode[i] ??= [0];
    }
  }
}
