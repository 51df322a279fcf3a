import fs from 'node:fs';
import * as fontkitModule from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BASE_FONTS, changeFace, readTables, writeSfnt } from '../../test/fonts/make-font.js';
import { fontInfo, sharedFontkit } from './font-file.js';

const fontkit = fontkitModule as unknown as { create(buf: Uint8Array): Font };

describe('one line box for every face', () => {
  it('leaves Noto Serif SC\'s own metrics as they are', () => {
    const own = fontkit.create(fs.readFileSync(BASE_FONTS.serif));
    const shared = sharedFontkit().create(fs.readFileSync(BASE_FONTS.serif));
    expect([shared.ascent, shared.descent, shared.lineGap]).toEqual([own.ascent, own.descent, 0]);
  });

  it('places a face with other metrics (a Windows-like 0.859 / −0.141 em box) by its em box', () => {
    const t = readTables(BASE_FONTS.sansBold);
    const os2 = Buffer.from(t.tables.get('OS/2')!);
    os2.writeInt16BE(859, 68); // typoAscender
    os2.writeInt16BE(-141, 70); // typoDescender
    const hhea = Buffer.from(t.tables.get('hhea')!);
    hhea.writeInt16BE(859, 4);
    hhea.writeInt16BE(-141, 6);
    const bytes = writeSfnt(changeFace({ flavor: t.flavor, tables: new Map([...t.tables, ['OS/2', os2], ['hhea', hhea]]) }, {}));
    const face = sharedFontkit().create(bytes);
    // Its em box top sits 0.271 em below the line box's top, as Noto's does: 1.130 em of ascent.
    expect(face.ascent).toBe(859 + 271);
    expect(face.descent).toBe(-141 - 166);
    const noto = fontInfo(BASE_FONTS.serif);
    expect((face.ascent - face.descent) / face.unitsPerEm).toBeCloseTo(noto.lineBoxEm, 6);
  });
});
