import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE_FONTS, readTables, tinyFace, writeSfnt } from '../../test/fonts/make-font.js';
import { readFaceInfos } from './face-info.js';
import { FontFormatError, bufferSource } from './sfnt.js';
import { isWoff, sfntFromWoff } from './woff.js';

/** A WOFF 1.0 of an sfnt's tables (deflated where that makes them smaller, as the spec asks). */
function toWoff(font: ReturnType<typeof readTables>): Buffer {
  const tags = [...font.tables.keys()].sort();
  const dir = Buffer.alloc(44 + 20 * tags.length);
  dir.write('wOFF', 0, 'latin1');
  dir.writeUInt32BE(font.flavor, 4);
  dir.writeUInt16BE(tags.length, 12);
  const parts: Buffer[] = [];
  let offset = dir.length;
  tags.forEach((tag, i) => {
    const data = font.tables.get(tag)!;
    const z = zlib.deflateSync(data);
    const stored = z.length < data.length ? z : data;
    const p = 44 + 20 * i;
    dir.write(tag, p, 4, 'latin1');
    dir.writeUInt32BE(offset, p + 4);
    dir.writeUInt32BE(stored.length, p + 8);
    dir.writeUInt32BE(data.length, p + 12);
    const padded = Buffer.concat([stored, Buffer.alloc((4 - (stored.length % 4)) % 4)]);
    parts.push(padded);
    offset += padded.length;
  });
  dir.writeUInt32BE(offset, 8);
  return Buffer.concat([dir, ...parts]);
}

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
