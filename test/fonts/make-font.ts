// Fonts made for tests: a real face (from node_modules) with its `name` table rewritten (a 楷体
// or a 仿宋 that is really Noto), its OS/2 fsType or weight set, or several faces joined into a
// .ttc; and tiny stand-ins holding only the tables discovery reads. Written to temp folders by
// the tests, never kept in git.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { bufferSource, readSfnt } from '../../src/fonts/opentype/sfnt.js';

const require = createRequire(import.meta.url);

/** Real faces the tests start from (npm packages the project already installs). */
export const BASE_FONTS = {
  serif: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  serifBold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  sansBold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};

export interface Sfnt {
  flavor: number;
  tables: Map<string, Buffer>;
}

/** The tables of a font file (or of one face of a collection), copied. */
export function readTables(file: string | Buffer, index = 0): Sfnt {
  const buf = typeof file === 'string' ? fs.readFileSync(file) : file;
  const src = bufferSource(buf);
  const face = readSfnt(src).faces[index];
  if (!face) throw new Error(`no face ${index}`);
  const start = face.index === 0 && buf.readUInt32BE(0) !== 0x74746366 ? 0 : buf.readUInt32BE(12 + 4 * index);
  const tables = new Map<string, Buffer>();
  for (const [tag, t] of face.tables) tables.set(tag, Buffer.from(buf.subarray(t.offset, t.offset + t.length)));
  return { flavor: buf.readUInt32BE(start), tables };
}

function checksum(b: Buffer): number {
  let sum = 0;
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Lays out faces' tables after their directories, starting at `base`, each table once. */
function layout(fonts: Sfnt[], base: number): { dirs: Buffer[]; body: Buffer[] } {
  let offset = base + fonts.reduce((n, f) => n + 12 + 16 * f.tables.size, 0);
  const dirs: Buffer[] = [];
  const body: Buffer[] = [];
  for (const f of fonts) {
    const tags = [...f.tables.keys()].sort();
    const dir = Buffer.alloc(12 + 16 * tags.length);
    dir.writeUInt32BE(f.flavor, 0);
    dir.writeUInt16BE(tags.length, 4);
    const sel = Math.floor(Math.log2(tags.length));
    dir.writeUInt16BE(16 * 2 ** sel, 6);
    dir.writeUInt16BE(sel, 8);
    dir.writeUInt16BE(16 * tags.length - 16 * 2 ** sel, 10);
    tags.forEach((tag, i) => {
      const data = f.tables.get(tag)!;
      const p = 12 + 16 * i;
      dir.write(tag, p, 4, 'latin1');
      dir.writeUInt32BE(checksum(data), p + 4);
      dir.writeUInt32BE(offset, p + 8);
      dir.writeUInt32BE(data.length, p + 12);
      body.push(data, Buffer.alloc(pad4(data.length) - data.length));
      offset += pad4(data.length);
    });
    dirs.push(dir);
  }
  return { dirs, body };
}

/** An sfnt file of these tables (head.checkSumAdjustment left as it is: no reader here checks it). */
export function writeSfnt(font: Sfnt): Buffer {
  const { dirs, body } = layout([font], 0);
  return Buffer.concat([...dirs, ...body]);
}

/** A TrueType collection (.ttc, version 1) of these faces, in this order. */
export function writeCollection(fonts: Sfnt[]): Buffer {
  const header = Buffer.alloc(12 + 4 * fonts.length);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(fonts.length, 8);
  const { dirs, body } = layout(fonts, header.length);
  let at = header.length;
  dirs.forEach((d, i) => {
    header.writeUInt32BE(at, 12 + 4 * i);
    at += d.length;
  });
  return Buffer.concat([header, ...dirs, ...body]);
}

const LANG_IDS: Record<string, number> = { 'en-US': 0x0409, 'zh-CN': 0x0804, 'zh-TW': 0x0404, 'ja-JP': 0x0411 };

export interface FaceNames {
  /** Family names with their language: `[['楷体', 'zh-CN'], ['KaiTi', 'en-US']]`. */
  families: [string, string][];
  subfamily?: string;
  postscript: string;
}

/** A `name` table (format 0, Windows Unicode records) naming a face. */
export function nameTable(n: FaceNames): Buffer {
  const records: { lang: number; id: number; value: string }[] = [];
  const sub = n.subfamily ?? 'Regular';
  for (const [name, lang] of n.families) {
    const l = LANG_IDS[lang];
    if (l === undefined) throw new Error(`no language id for ${lang}`);
    records.push({ lang: l, id: 1, value: name }, { lang: l, id: 2, value: sub }, { lang: l, id: 4, value: `${name} ${sub}` });
  }
  records.push({ lang: 0x0409, id: 6, value: n.postscript });
  records.sort((a, b) => a.lang - b.lang || a.id - b.id);
  const strings: Buffer[] = [];
  let stringsLength = 0;
  const head = Buffer.alloc(6 + 12 * records.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  records.forEach((r, i) => {
    const s = Buffer.from(r.value, 'utf16le').swap16();
    const p = 6 + 12 * i;
    head.writeUInt16BE(3, p);
    head.writeUInt16BE(1, p + 2);
    head.writeUInt16BE(r.lang, p + 4);
    head.writeUInt16BE(r.id, p + 6);
    head.writeUInt16BE(s.length, p + 8);
    head.writeUInt16BE(stringsLength, p + 10);
    strings.push(s);
    stringsLength += s.length;
  });
  return Buffer.concat([head, ...strings]);
}

export interface FaceChanges extends Partial<FaceNames> {
  fsType?: number;
  weight?: number;
}

/** A copy of a face with new names, fsType or weight. */
export function changeFace(font: Sfnt, c: FaceChanges): Sfnt {
  const tables = new Map(font.tables);
  if (c.families) tables.set('name', nameTable({ families: c.families, subfamily: c.subfamily, postscript: c.postscript ?? c.families[0]![0] }));
  if (c.fsType !== undefined || c.weight !== undefined) {
    const os2 = Buffer.from(tables.get('OS/2')!);
    if (c.weight !== undefined) os2.writeUInt16BE(c.weight, 4);
    if (c.fsType !== undefined) os2.writeUInt16BE(c.fsType, 8);
    tables.set('OS/2', os2);
  }
  return { flavor: font.flavor, tables };
}

/** A real face renamed (and re-flagged), as a font file's bytes: `makeFont(BASE_FONTS.serif, { families: [['楷体', 'zh-CN'], ['KaiTi', 'en-US']], postscript: 'KaiTi' })`. */
export function makeFont(base: string, c: FaceChanges): Buffer {
  return writeSfnt(changeFace(readTables(base), c));
}

/**
 * A stand-in face holding only what discovery reads (name, OS/2, head and an empty glyf/loca):
 * about 1 KB, for tests of many files. Not a font any renderer could use.
 */
export function tinyFace(c: FaceNames & { fsType?: number; weight?: number; italic?: boolean }): Sfnt {
  const os2 = Buffer.alloc(96);
  os2.writeUInt16BE(4, 0);
  os2.writeUInt16BE(c.weight ?? 400, 4);
  os2.writeUInt16BE(c.fsType ?? 0, 8);
  os2.writeUInt16BE(c.italic ? 0x0001 : 0x0040, 62);
  const head = Buffer.alloc(54);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt32BE(0x5f0f3cf5, 12);
  head.writeUInt16BE(1000, 18);
  const tables = new Map<string, Buffer>([
    ['OS/2', os2],
    ['head', head],
    ['name', nameTable(c)],
    ['glyf', Buffer.alloc(0)],
    ['loca', Buffer.alloc(4)],
  ]);
  return { flavor: 0x00010000, tables };
}

/** A WOFF 1.0 of an sfnt's tables (deflated where that makes them smaller, as the spec asks). */
export function toWoff(font: Sfnt): Buffer {
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
