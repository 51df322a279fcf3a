import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cmapTable, subsetWithCmap } from './cmap-subset.js';
import { parsedFont } from './font-file.js';
import { tablesOf, TRUETYPE, writeSfnt } from './opentype/sfnt-write.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SERIF = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const open = (bytes: Uint8Array) => (fontkit as unknown as { create(b: Buffer): fontkit.Font }).create(Buffer.from(bytes));
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('subsetWithCmap', () => {
  const text = '统战工作，2021年“1+6+N”——示例';
  const subset = subsetWithCmap(SERIF, cps(text));
  const font = open(subset.bytes);
  const original = parsedFont(SERIF);

  it('keeps cmap, name, OS/2 and post, and no hinting tables', () => {
    const tags = Object.keys((font as unknown as { directory: { tables: object } }).directory.tables);
    for (const tag of ['cmap', 'name', 'OS/2', 'post', 'glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp']) expect(tags).toContain(tag);
    for (const tag of ['fpgm', 'prep', 'cvt ', 'GSUB', 'GPOS']) expect(tags).not.toContain(tag);
    expect(font.familyName).toBe(original.familyName);
  });

  it('maps every character to a glyph drawn and advanced as in the original face', () => {
    for (const ch of new Set(text)) {
      const cp = ch.codePointAt(0)!;
      const mine = font.glyphForCodePoint(cp);
      const theirs = original.glyphForCodePoint(cp);
      expect(mine.id, ch).toBeGreaterThan(0);
      expect(mine.id).toBe(subset.cmap.get(cp));
      expect(mine.path.toSVG()).toBe(theirs.path.toSVG());
      expect(mine.advanceWidth).toBe(theirs.advanceWidth);
    }
    expect(font.numGlyphs).toBe(new Set(text).size + 1);
  });

  it('numbers glyphs in code point order, so consecutive characters share a cmap segment', () => {
    const sorted = [...new Set(cps(text))].sort((a, b) => a - b);
    expect(sorted.map((cp) => subset.cmap.get(cp))).toEqual(sorted.map((_, i) => i + 1));
  });

  it('takes glyphs that are no character’s own, and refuses an id the face does not have', () => {
    const withExtra = subsetWithCmap(SERIF, cps('示例'), [5]);
    expect(withExtra.newId(5)).toBeGreaterThan(0);
    expect(() => subsetWithCmap(SERIF, [], [original.numGlyphs + 10])).toThrow(/not in/);
  });

  it('writes characters beyond the Basic Multilingual Plane in a format 12 subtable', () => {
    const tables = tablesOf(subset.bytes);
    tables.set('cmap', cmapTable(new Map([[0x4e00, 1], [0x20000, 2], [0x20001, 3]])));
    const font2 = open(writeSfnt(TRUETYPE, tables));
    expect(font2.glyphForCodePoint(0x20000).id).toBe(2);
    expect(font2.glyphForCodePoint(0x20001).id).toBe(3);
    expect(font2.glyphForCodePoint(0x4e00).id).toBe(1);
  });
});
