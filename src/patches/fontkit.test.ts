import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkitModule from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontBytes, parsedFont, sharedFontkit } from '../fonts/font-file.js';
import { fastLayout } from '../fonts/fast-layout.js';
import { FONTKIT_DEFAULT_FEATURES } from './fontkit.js';

const require = createRequire(import.meta.url);
// fontkit itself, not the shared one (whose fonts are read lazily and lay out fast).
const fontkit = fontkitModule as unknown as { create(buf: Uint8Array): Font };
const SERIF = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const SEED = new URL('../../content/articles/changzhou-united-front-2020.yaml', import.meta.url);

describe('lazily read fonts', () => {
  it('come from the shared fontkit, which pdfkit gets from require() too', () => {
    expect(sharedFontkit().create).not.toBe(fontkit.create);
    expect(require('fontkit')).toBe(sharedFontkit());
  });

  it('load a glyph outline when the glyph is first used, equal to the whole file read', () => {
    const lazy = parsedFont(SERIF);
    const whole = fontkit.create(fs.readFileSync(SERIF));
    for (const ch of '中国统一战线，。“”1+6+N——') {
      const cp = ch.codePointAt(0)!;
      const a = lazy.glyphForCodePoint(cp);
      const b = whole.glyphForCodePoint(cp);
      expect(a.id).toBe(b.id);
      expect(a.path.toSVG()).toBe(b.path.toSVG());
      expect(a.bbox).toEqual(b.bbox);
    }
  });

  it('hold little of the file in memory: only tables other than glyf, and used glyphs', () => {
    const bytes = fontBytes(SERIF);
    const size = fs.statSync(SERIF).size;
    expect(bytes.length).toBe(size);
    // Most of the buffer is still zeros: glyf (14 of 15 MB) was not read.
    let nonZero = 0;
    for (let i = 0; i < bytes.length; i += 4096) if (bytes[i] !== 0) nonZero++;
    expect(nonZero * 4096).toBeLessThan(size / 4);
  });

  it('subset to the same bytes as a font read whole', () => {
    const lazy = parsedFont(SERIF);
    const whole = fontkit.create(fs.readFileSync(SERIF));
    const subset = (f: Font) => {
      const s = f.createSubset();
      for (const ch of '创新举措凝心聚力') s.includeGlyph(f.glyphForCodePoint(ch.codePointAt(0)!).id as never);
      return Buffer.from(s.encode());
    };
    expect(subset(lazy).equals(subset(whole))).toBe(true);
  });
});

describe('fast layout', () => {
  const off = () => Object.fromEntries(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map((f) => [f, false]));

  it('gives what fontkit gives for every line of the seed, with every default feature off', () => {
    const reference = fontkit.create(fs.readFileSync(SERIF));
    const fast = fontkit.create(fs.readFileSync(SERIF));
    fastLayout(fast);
    const lines = fs.readFileSync(SEED, 'utf8').split('\n').concat(['“十四五”建言献策，1.3亿元；2020-2035年', 'ＡＢＣ　①②（一）《》——……·', 'Latin text, with spaces']);
    for (const line of lines) {
      const a = reference.layout(line, off()) as unknown as { glyphs: { id: number }[]; positions: object[]; advanceWidth: number };
      const b = fast.layout(line, off()) as unknown as typeof a;
      expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
      expect(b.positions.map((p) => ({ ...p }))).toEqual(a.positions.map((p) => ({ ...p })));
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });

  it('leaves to fontkit what needs shaping: default features on, marks, variation selectors, Hangul', () => {
    const fast = fontkit.create(fs.readFileSync(SERIF));
    const reference = fontkit.create(fs.readFileSync(SERIF));
    fastLayout(fast);
    for (const [text, features] of [['——', undefined], ['e\u0301', off()], ['葛\uFE00', off()], ['한국', off()], ['a\u00ADb', off()]] as const) {
      const a = reference.layout(text, features as never) as unknown as { glyphs: { id: number }[]; advanceWidth: number };
      const b = fast.layout(text, features as never) as unknown as typeof a;
      expect(b.glyphs.map((g) => g.id)).toEqual(a.glyphs.map((g) => g.id));
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });
});

describe('fast subsets', () => {
  // Roboto (shipped with pdfmake) has composite glyphs (accented letters); Noto Serif SC has none.
  for (const file of [SERIF, require.resolve('pdfmake/build/fonts/Roboto/Roboto-Regular.ttf')]) {
    it(`encode the bytes fontkit encodes, and again from memory: ${file.split('/').pop()}`, async () => {
      const { encodeWithFontkit, fastSubsets } = await import('../fonts/subset.js');
      const font = parsedFont(file);
      fastSubsets(font);
      const ids = [...'创新举措凝心聚力，。“”1+6+N Éé'].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
      const composites: number[] = [];
      for (let id = 1; id < font.numGlyphs && composites.length < 5; id++) {
        const g = (font.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null })._decode();
        if (g && g.numberOfContours < 0) composites.push(id);
      }
      if (file !== SERIF) expect(composites.length).toBeGreaterThan(0);
      const subset = () => {
        const s = font.createSubset();
        for (const id of [...ids, ...composites]) s.includeGlyph(id as never);
        return s;
      };
      const fast = Buffer.from(subset().encode());
      expect(Buffer.from(subset().encode()).equals(fast), 'the same bytes again, from memory').toBe(true);
      // The outlines are fontkit's, glyph for glyph; only hinting is gone.
      const sub = fontkit.create(fast) as unknown as Font & { directory: { tables: Record<string, unknown> } };
      for (const tag of ['fpgm', 'prep', 'cvt ']) expect(sub.directory.tables[tag], tag).toBeUndefined();
      const s = subset();
      s.encode();
      const order = (s as unknown as { glyphs: number[] }).glyphs;
      type Decoded = { numberOfContours: number; points?: { x: number; y: number; onCurve: boolean }[]; instructions?: unknown[] } | null;
      const decode = (f: Font, id: number) => (f.getGlyph(id) as unknown as { _decode(): Decoded })._decode();
      order.forEach((id, i) => {
        const a = decode(font, id);
        const b = decode(sub, i);
        expect(b?.numberOfContours, `glyph ${id}`).toBe(a?.numberOfContours);
        if (a && a.numberOfContours >= 0) {
          expect(b?.points?.map((q) => [q.x, q.y, q.onCurve]), `glyph ${id}`).toEqual(a.points?.map((q) => [q.x, q.y, q.onCurve]));
          expect(b?.instructions ?? [], `glyph ${id} keeps no instructions`).toEqual([]);
        }
      });
      // A face without instructions: byte for byte what fontkit's own subset gives.
      if (file === SERIF) expect(fast.equals(Buffer.from(encodeWithFontkit(subset())))).toBe(true);
      else expect(fast.length, 'a hinted face loses its hinting').toBeLessThan(encodeWithFontkit(subset()).length);
    });
  }
});

describe('the loca table read from the bytes', () => {
  it('holds what fontkit decodes', () => {
    const lazy = parsedFont(SERIF) as unknown as { loca: { version: number; offsets: ArrayLike<number> } };
    const whole = fontkit.create(fs.readFileSync(SERIF)) as unknown as { loca: { version: number; offsets: number[] } };
    expect(lazy.loca.version).toBe(whole.loca.version);
    expect(lazy.loca.offsets.length).toBe(whole.loca.offsets.length);
    expect(Array.from(lazy.loca.offsets)).toEqual(whole.loca.offsets);
  });
});

describe("fontkit's default features", () => {
  it('are the ones jianbao turns off, as fontkit 2.0.4 lists them (DefaultShaper)', () => {
    // The lists are module constants of fontkit's build, not exported: read from its source.
    const source = fs.readFileSync(require.resolve('fontkit').replace(/[^/\\]+$/, 'main.cjs'), 'utf8');
    const list = (name: string) => {
      const m = new RegExp(`\\$var\\$${name} = (\\[[^\\]]*\\]|\\{[^}]*\\})`).exec(source);
      expect(m, name).not.toBeNull();
      return [...m![1]!.matchAll(/'([a-z]{4})'/g)].map((x) => x[1]!);
    };
    const directional = list('DIRECTIONAL_FEATURES').filter((f) => f.startsWith('ltr'));
    const fontkits = [...list('VARIATION_FEATURES'), ...directional, ...list('FRACTIONAL_FEATURES'), ...list('COMMON_FEATURES'), ...list('HORIZONTAL_FEATURES')];
    expect([...FONTKIT_DEFAULT_FEATURES].sort()).toEqual(fontkits.sort());
  });
});
