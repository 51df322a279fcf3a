import fs from 'node:fs';
import * as fontkitModule from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { BASE_FONTS, changeFace, makeFont, readTables, tinyFace, writeCollection, writeSfnt } from '../../../test/fonts/make-font.js';
import { displayFamily, readFaceInfos, readFaceInfosOfFile } from './face-info.js';
import { nameKey, parseNameTable } from './name-table.js';
import { FontFormatError, SFNT_LIMITS, bufferSource, readSfnt } from './sfnt.js';

const fontkit = fontkitModule as unknown as { create(buf: Uint8Array): Font };
const infos = (buf: Buffer) => readFaceInfos(bufferSource(buf));

describe('reading a face from its own tables', () => {
  it('gives the names, weight, fsType and outlines fontkit sees in a real face', () => {
    const [face] = readFaceInfosOfFile(BASE_FONTS.serif);
    const f = fontkit.create(fs.readFileSync(BASE_FONTS.serif));
    expect(face!.families.map((x) => x.name)).toContain(f.familyName);
    expect(face!.postscriptName).toBe(f.postscriptName);
    expect(face!.weight).toBe(400);
    expect(face!.fsType).toBe(0);
    expect(face!.outlines).toBe('truetype');
    expect(face!.italic).toBe(false);
  });

  it('reads localized family names, and shows the Chinese one', () => {
    const buf = makeFont(BASE_FONTS.serif, { families: [['仿宋', 'zh-CN'], ['FangSong', 'en-US']], postscript: 'FangSong' });
    const [face] = infos(buf);
    expect(face!.families).toEqual([
      { name: 'FangSong', lang: 'en-US' },
      { name: '仿宋', lang: 'zh-CN' },
    ]);
    expect(displayFamily(face!)).toBe('仿宋');
    expect(face!.fullNames).toContain('仿宋 Regular');
    // fontkit, which the renderer uses, reads the same names back.
    const f = fontkit.create(buf) as Font & { name: { records: { fontFamily: Record<string, string> } } };
    expect(Object.values(f.name.records.fontFamily)).toEqual(expect.arrayContaining(['仿宋', 'FangSong']));
  });

  it('reads each face of a collection with its index', () => {
    const ttc = writeCollection([
      tinyFace({ families: [['Test JP', 'ja-JP']], postscript: 'TestJP' }),
      tinyFace({ families: [['楷体', 'zh-CN'], ['KaiTi', 'en-US']], postscript: 'KaiTi', weight: 500 }),
    ]);
    const faces = infos(ttc);
    expect(faces.map((f) => [f.index, displayFamily(f), f.weight])).toEqual([
      [0, 'Test JP', 400],
      [1, '楷体', 500],
    ]);
  });

  it('decodes names kept in GBK by old Chinese fonts (Windows PRC encoding)', () => {
    // One record: platform 3, encoding 3 (PRC), zh-CN, family: 仿宋_GB2312 in GBK as 16-bit units.
    const gbk = Buffer.from([0xb7, 0xc2, 0xcb, 0xce, 0x00, 0x5f, 0x00, 0x47, 0x00, 0x42, 0x00, 0x32, 0x00, 0x33, 0x00, 0x31, 0x00, 0x32]);
    const table = Buffer.alloc(6 + 12 + gbk.length);
    table.writeUInt16BE(1, 2);
    table.writeUInt16BE(18, 4);
    [3, 3, 0x0804, 1, gbk.length, 0].forEach((v, i) => table.writeUInt16BE(v, 6 + 2 * i));
    gbk.copy(table, 18);
    expect(parseNameTable(table)).toEqual([{ nameId: 1, lang: 'zh-CN', value: '仿宋_GB2312' }]);
  });

  it('matches names whatever their case, width or spaces', () => {
    expect(nameKey('FangSong')).toBe(nameKey('fangsong'));
    expect(nameKey('Ｆａｎｇｓｏｎｇ')).toBe(nameKey('FangSong'));
    expect(nameKey('Kaiti SC')).toBe(nameKey('KaitiSC'));
    expect(nameKey('仿宋_GB2312')).not.toBe(nameKey('仿宋'));
  });
});

describe('bad font files', () => {
  const good = writeSfnt(tinyFace({ families: [['X', 'en-US']], postscript: 'X' }));
  const bad: [string, Buffer, RegExp][] = [
    ['empty', Buffer.alloc(0), /too short/],
    ['text', Buffer.from('this is not a font at all, just text'), /not an OpenType font/],
    ['truncated', good.subarray(0, good.length - 40), /outside the file/],
    ['a WOFF', Buffer.concat([Buffer.from('wOFF'), Buffer.alloc(60)]), /WOFF/],
    ['a collection of no faces', Buffer.concat([Buffer.from('ttcf'), Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])]), /no faces/],
  ];
  for (const [what, buf, message] of bad) {
    it(`throw FontFormatError for ${what}`, () => {
      expect(() => infos(buf)).toThrow(FontFormatError);
      expect(() => infos(buf)).toThrow(message);
    });
  }

  it('are bounded: a huge table count or face count is refused before anything is read', () => {
    const many = Buffer.from(good);
    many.writeUInt16BE(0xffff, 4);
    expect(() => readSfnt(bufferSource(many))).toThrow(/65535 tables/);
    const ttc = Buffer.alloc(16);
    ttc.write('ttcf', 0, 'latin1');
    ttc.writeUInt32BE(0x7fffffff, 8);
    expect(() => readSfnt(bufferSource(ttc))).toThrow(new RegExp(`at most ${SFNT_LIMITS.maxFaces}`));
  });

  it('a name record pointing past the table is left out, the others kept', () => {
    const font = readTables(writeSfnt(tinyFace({ families: [['楷体', 'zh-CN'], ['KaiTi', 'en-US']], postscript: 'KaiTi' })));
    const name = Buffer.from(font.tables.get('name')!);
    // Records are sorted by language: en-US (ids 1, 2, 4, 6), then zh-CN (1, …). Break zh-CN's family.
    expect(name.readUInt16BE(6 + 12 * 4 + 4)).toBe(0x0804);
    name.writeUInt16BE(0xfff0, 6 + 12 * 4 + 10);
    const [face] = infos(writeSfnt({ ...font, tables: new Map([...font.tables, ['name', name]]) }));
    expect(face!.families).toEqual([{ name: 'KaiTi', lang: 'en-US' }]);
  });

  it('a face without a family name is refused with the reason', () => {
    const font = changeFace(tinyFace({ families: [['X', 'en-US']], postscript: 'X' }), {});
    font.tables.delete('name');
    expect(() => infos(writeSfnt(font))).toThrow(/no 'name' table/);
  });
});
