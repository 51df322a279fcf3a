import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { seedParagraphs, serifRegular } from './fixtures.js';
import { loadFontMetrics, pdfFontFeatures } from './metrics.js';

const REGULAR = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';

describe('font metrics (Noto Serif SC Regular)', () => {
  const m = serifRegular();

  it('reads advances in em, proportional where the font is', () => {
    expect(m.name).toBe('NotoSerifSC-Regular');
    expect(m.advance('中'.codePointAt(0)!)).toBe(1);
    for (const ch of '，。、“”‘’（）《》…') expect(m.advance(ch.codePointAt(0)!)).toBe(1);
    // The em dash is a proportional Latin glyph here, and ASCII punctuation is narrow.
    expect(m.advance('—'.codePointAt(0)!)).toBeCloseTo(0.89, 3);
    expect(m.advance(','.codePointAt(0)!)).toBeCloseTo(0.327, 3);
    expect(m.advance('·'.codePointAt(0)!)).toBeCloseTo(0.327, 3);
  });

  it('reports missing glyphs', () => {
    expect(m.has(0x20000)).toBe(false);
    expect(m.advance(0x20000)).toBeUndefined();
    expect(m.has('中'.codePointAt(0)!)).toBe(true);
  });

  it('reads the same advances from hmtx as fontkit glyphs give, for every character of the seed', () => {
    const font = fontkit.openSync(REGULAR) as fontkit.Font;
    for (const ch of new Set(seedParagraphs().join('') + '——……·・（）《》')) {
      const cp = ch.codePointAt(0)!;
      expect(m.advance(cp)).toBe(font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm);
    }
  });

  it('is cached per path', () => {
    expect(loadFontMetrics(REGULAR)).toBe(loadFontMetrics(REGULAR));
  });

  it('gives the ink extent of the dash, used to join `——`', () => {
    const [l, r] = m.ink!('—'.codePointAt(0)!)!;
    expect(l).toBeCloseTo(0.043, 3);
    expect(r).toBeCloseTo(0.846, 3);
  });
});

describe('pdfFontFeatures', () => {
  const font = fontkit.openSync(REGULAR) as fontkit.Font;
  const perCodePoint = (t: string) =>
    [...t].map((c) => {
      const g = font.glyphForCodePoint(c.codePointAt(0)!);
      return [g.id, g.advanceWidth];
    });
  const laidOut = (t: string, features?: Record<string, boolean>) => {
    const run = font.layout(t, features);
    return run.glyphs.map((g, i) => [g.id, run.positions[i]!.xAdvance]);
  };

  it('makes fontkit (and so pdfkit) draw exactly the glyphs and advances the composer measured', () => {
    for (const p of [...seedParagraphs(), '新时代——常州 “1+6+N” a1 fi 98.7%']) {
      expect(laidOut(p, pdfFontFeatures())).toEqual(perCodePoint(p));
    }
  });

  it('is needed: with fontkit defaults `——` is one ligature and Latin-run digits change width', () => {
    expect(laidOut('——')).toHaveLength(1);
    expect(laidOut('a1')).not.toEqual(perCodePoint('a1'));
  });

  it('returns a fresh object (fontkit writes into it)', () => {
    const a = pdfFontFeatures();
    font.layout('中', a);
    expect(pdfFontFeatures()).not.toBe(a);
    expect(Object.values(pdfFontFeatures()).every((v) => v === false)).toBe(true);
  });
});
