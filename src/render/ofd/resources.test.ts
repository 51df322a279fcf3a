import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_FONTS, makeFont } from '../../../test/fonts/make-font.js';
import { parsedFont } from '../../fonts/font-file.js';
import { IDENTITY, type LaidOutDocument } from './page-model.js';
import { fontResources } from './resources.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-ofd-res-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One page with one run of `text` in `file`, each glyph the cmap's. */
function oneRun(file: string, text: string): LaidOutDocument {
  const font = parsedFont(file);
  const glyphs = [...text].map((c, i) => ({ id: font.glyphForCodePoint(c.codePointAt(0)!).id, codePoints: [c.codePointAt(0)!], x: 10 * i, y: 20, advance: 10 }));
  return { pages: [{ width: 595, height: 842, items: [{ kind: 'text', role: 'body', font: file, size: 10, fill: { rgb: [0, 0, 0], alpha: 1 }, ctm: IDENTITY, text, glyphs }] }], outline: [] };
}

describe('fontResources', () => {
  const text = '整体嵌入的字体';

  it('subsets a face to its characters, with a cmap that maps them', () => {
    const { files } = fontResources(oneRun(BASE_FONTS.serif, text), () => 1);
    const font = (fontkit as unknown as { create(b: Buffer): fontkit.Font }).create(Buffer.from(files[0]!.data));
    expect(font.numGlyphs).toBe(new Set(text).size + 1);
    for (const c of text) expect(font.hasGlyphForCodePoint(c.codePointAt(0)!)).toBe(true);
  });

  it('embeds a face whose licence forbids subsetting whole, glyph ids kept, as the PDF does', () => {
    const file = path.join(dir, 'nosubset.ttf');
    fs.writeFileSync(file, makeFont(BASE_FONTS.serif, { families: [['不许子集', 'zh-CN']], postscript: 'NoSubset', fsType: 0x0104 }));
    const { files, byFile } = fontResources(oneRun(file, text), () => 1, new Set([file]));
    expect(Buffer.compare(Buffer.from(files[0]!.data), fs.readFileSync(file))).toBe(0);
    const resource = byFile.get(file)!;
    const id = parsedFont(file).glyphForCodePoint(0x6574).id;
    expect(resource.newId(id)).toBe(id);
    expect(resource.cmap.get(0x6574)).toBe(id);
  });
});
