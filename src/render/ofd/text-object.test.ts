import { describe, expect, it } from 'vitest';
import { IDENTITY, type PlacedGlyph, type TextRun } from './page-model.js';
import { textObject, type FontResource } from './text-object.js';
import { compressedArray } from './units.js';

const PT = 72 / 25.4;
/** A font whose subset keeps glyph ids and maps a→1, b→2, …, 中→9. */
const cmap = new Map([...'abcdefgh&<中'].map((c, i) => [c.codePointAt(0)!, i + 1]));
const font: FontResource = { id: 7, newId: (g) => g, cmap };

function run(text: string, glyphs: PlacedGlyph[]): TextRun {
  return { kind: 'text', role: 'body', font: 'f.ttf', size: 10 * PT, fill: { rgb: [230, 0, 18], alpha: 1 }, ctm: IDENTITY, text, glyphs };
}
/** One glyph per character, 5 mm apart, on a baseline 20 mm down. */
function plain(text: string): TextRun {
  return run(text, [...text].map((c, i) => ({ id: cmap.get(c.codePointAt(0)!) ?? 0, codePoints: [c.codePointAt(0)!], x: (10 + 5 * i) * PT, y: 20 * PT, advance: 5 * PT })));
}

describe('textObject', () => {
  it('writes one TextCode with its origin and equal steps in the g form, colour and font', () => {
    const xml = textObject(3, plain('abcd'), font, { width: 595, height: 842 })!;
    expect(xml).toMatch(/^<ofd:TextObject ID="3" Boundary="10 8 20 16" Font="7" Size="10">/);
    expect(xml).toContain('<ofd:FillColor Value="230 0 18"/>');
    expect(xml).toContain('<ofd:TextCode X="0" Y="12" DeltaX="g 3 5">abcd</ofd:TextCode>');
    expect(xml).not.toContain('CGTransform');
  });

  it('starts a new TextCode after a space, which draws nothing', () => {
    const xml = textObject(1, plain('ab cd'), font, { width: 595, height: 842 })!;
    expect(xml).toContain('<ofd:TextCode X="0" Y="12" DeltaX="5">ab</ofd:TextCode><ofd:TextCode X="15" Y="12" DeltaX="5">cd</ofd:TextCode>');
  });

  it('escapes markup characters in the text', () => {
    expect(textObject(1, plain('a&<b'), font, { width: 595, height: 842 })).toContain('>a&amp;&lt;b</ofd:TextCode>');
  });

  it('names the glyphs where one glyph draws two characters (a ligature) or another glyph than the cmap’s', () => {
    const lig = run('abc', [
      { id: 40, codePoints: [0x61, 0x62], x: 10 * PT, y: 20 * PT, advance: 8 * PT },
      { id: 3, codePoints: [0x63], x: 18 * PT, y: 20 * PT, advance: 5 * PT },
    ]);
    const xml = textObject(1, lig, font, { width: 595, height: 842 })!;
    expect(xml).toContain('<ofd:CGTransform CodePosition="0" CodeCount="2" GlyphCount="1"><ofd:Glyphs>40</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="12" DeltaX="0 8">abc</ofd:TextCode>');
  });

  it('writes a run in a rotated space over the whole page, with its CTM and opacity', () => {
    const r = { ...plain('ab'), ctm: [0, 1, -1, 0, 100, 0] as const, fill: { rgb: [192, 0, 0] as const, alpha: 0.08 } };
    const xml = textObject(1, r, font, { width: 210 * PT, height: 297 * PT })!;
    expect(xml).toMatch(/Boundary="0 0 210 297" Font="7" Size="10" CTM="0 1 -1 0 35.2778 0" Alpha="20"/);
    expect(xml).toContain('<ofd:TextCode X="10" Y="20" DeltaX="5">ab</ofd:TextCode>');
  });

  it('refuses glyphs that do not spell the run’s text', () => {
    expect(() => textObject(1, run('ab', [{ id: 1, codePoints: [0x61], x: 0, y: 0, advance: 1 }]), font, { width: 1, height: 1 })).toThrow(/do not spell/);
  });
});

describe('compressedArray', () => {
  it('writes three or more equal values as g N v, and the rest as they are', () => {
    expect(compressedArray([5, 5, 5, 5, 3, 3, 4].map((v) => v * PT))).toBe('g 4 5 3 3 4');
  });
});
