import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { subsetWithCmap } from '../../src/fonts/cmap-subset.js';
import { wholeFontProgram } from '../../src/fonts/opentype/face-program.js';
import { tempDir } from '../support.js';
import { requireClient, run } from './clients.js';

const require = createRequire(import.meta.url);
const TEXT = '常州统战工作简报（示例），2021年“1+6+N”';
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';

/** The code points FreeType (through fontconfig) finds in a font's cmap. */
function freetypeCharset(file: string): Set<number> {
  const out = run(requireClient('fc-scan', 'fontconfig'), ['--format', '%{charset}', file]);
  const cps = new Set<number>();
  for (const range of out.trim().split(/\s+/)) {
    const [a, b] = range.split('-').map((h) => parseInt(h, 16));
    for (let cp = a!; cp <= (b ?? a!); cp++) cps.add(cp);
  }
  return cps;
}

describe('OFD font subsets in FreeType', () => {
  const dir = tempDir('jianbao-ofd-fonts-');
  const cases = [
    ['TrueType (Noto Serif SC from npm)', () => require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')],
    ['CFF (Noto Sans CJK SC from fonts-noto-cjk, one face of its collection)', () => {
      if (!fs.existsSync(NOTO_CJK)) throw new Error(`${NOTO_CJK} is missing; install the Debian package fonts-noto-cjk`);
      const face = path.join(dir, 'NotoSansCJKsc-Bold.otf');
      fs.writeFileSync(face, wholeFontProgram(NOTO_CJK, 2));
      return face;
    }],
  ] as const;
  for (const [name, face] of cases) {
    it(`maps every character and keeps every outline: ${name}`, () => {
      const file = face();
      const subset = subsetWithCmap(file, [...TEXT].map((c) => c.codePointAt(0)!));
      const out = path.join(dir, `subset.${subset.extension}`);
      fs.writeFileSync(out, subset.bytes);
      const charset = freetypeCharset(out);
      for (const ch of TEXT) expect(charset.has(ch.codePointAt(0)!), ch).toBe(true);
      const open = (b: Buffer) => (fontkit as unknown as { create(b: Buffer): fontkit.Font }).create(b);
      const [mine, theirs] = [open(Buffer.from(subset.bytes)), open(fs.readFileSync(file))];
      for (const ch of TEXT) {
        const cp = ch.codePointAt(0)!;
        expect(mine.glyphForCodePoint(cp).path.toSVG(), ch).toBe(theirs.glyphForCodePoint(cp).path.toSVG());
        expect(mine.glyphForCodePoint(cp).advanceWidth, ch).toBe(theirs.glyphForCodePoint(cp).advanceWidth);
      }
    });
  }
});
