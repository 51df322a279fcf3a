import { describe, expect, it } from 'vitest';
import { BASE_FONTS, readTables, tinyFace, toWoff, writeSfnt } from '../../../test/fonts/make-font.js';
import { readFaceInfos } from './face-info.js';
import { FontFormatError, bufferSource } from './sfnt.js';
import { isWoff, sfntFromWoff } from './woff.js';

describe('WOFF 1.0 unwrapped with Node\'s zlib', () => {
  it('gives back every table of the font it wraps, byte for byte', () => {
    const font = readTables(BASE_FONTS.serif);
    const woff = toWoff(font);
    expect(isWoff(woff)).toBe(true);
    const back = readTables(sfntFromWoff(woff));
    expect(back.flavor).toBe(font.flavor);
    expect([...back.tables.keys()].sort()).toEqual([...font.tables.keys()].sort());
    for (const [tag, data] of font.tables) expect(back.tables.get(tag)!.equals(data), tag).toBe(true);
  });

  it('is a font discovery and fontkit read', () => {
    const ttf = sfntFromWoff(toWoff(readTables(writeSfnt(tinyFace({ families: [['楷体', 'zh-CN']], postscript: 'KaiTi' })))));
    expect(readFaceInfos(bufferSource(ttf))[0]!.families[0]!.name).toBe('楷体');
  });

  it('refuses WOFF2, bad data and tables outside the file with a reason', () => {
    const woff = toWoff(readTables(writeSfnt(tinyFace({ families: [['X', 'en-US']], postscript: 'X' }))));
    const woff2 = Buffer.from(woff);
    woff2.write('wOF2', 0, 'latin1');
    expect(() => sfntFromWoff(woff2)).toThrow(/WOFF2 font: .*convert it to TTF/);
    const outside = Buffer.from(woff);
    outside.writeUInt32BE(0x7fffffff, 44 + 4);
    expect(() => sfntFromWoff(outside)).toThrow(FontFormatError);
    const lying = Buffer.from(woff);
    lying.writeUInt32BE(0x7ffffff0, 44 + 12); // first table's original length: far more than it holds
    expect(() => sfntFromWoff(lying)).toThrow(/over 128 MB|inflates to/);
  });
});
