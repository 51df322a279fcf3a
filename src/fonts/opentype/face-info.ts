import fs from 'node:fs';
import { NAME_ID, parseNameTable } from './name-table.js';
import { type ByteSource, FontFormatError, type SfntFace, bufferSource, fileSource, readSfnt, readSmallTable } from './sfnt.js';
import { MAX_SFNT_BYTES, WOFF_SIGNATURE, sfntFromWoff } from './woff.js';

/**
 * What a face is, read from its own tables: the names it answers to, its weight and slant, its
 * embedding flags and what kind of outlines it has. Plain data (kept in discovery's cache).
 */
export interface FaceInfo {
  /** Index of the face in its collection (0 for a single font). */
  index: number;
  /** Family names (the family, with its weight where it is not Regular, then the typographic family), each in every language the face gives. */
  families: { name: string; lang: string }[];
  /** Full names (`仿宋 常规`, `FangSong Regular`), in every language. */
  fullNames: string[];
  postscriptName?: string;
  /** OS/2 usWeightClass (400 regular, 700 bold); 400 when the face has no OS/2 table. */
  weight: number;
  italic: boolean;
  /** OS/2 fsType (embedding permission); undefined when the face has no OS/2 table. */
  fsType?: number;
  /** `truetype` (glyf), `cff` (CFF or CFF2), or `none` (bitmaps only). */
  outlines: 'truetype' | 'cff' | 'none';
}

/** The faces of an open font file (one, or each of a collection). Throws FontFormatError. */
export function readFaceInfos(src: ByteSource): FaceInfo[] {
  return readSfnt(src).faces.map((face) => faceInfo(src, face));
}

/** Face infos of files already read, by path, with the size and time they had: a theme is loaded for every build, and a watch rebuilds often. */
const infosByFile = new Map<string, { size: number; mtimeMs: number; infos: FaceInfo[] }>();
/** Files kept at most (a machine's installed faces are a few thousand at the very most); the oldest read goes first. */
const KEPT_FILES = 8192;

/** The faces of a font file on disk, reading only its directory and small tables (a WOFF whole, unwrapped); read again only when the file changed. */
export function readFaceInfosOfFile(file: string): FaceInfo[] {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const known = infosByFile.get(file);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return [...known.infos];
    const infos = readFaceInfosOfOpen(fd, stat.size);
    infosByFile.delete(file);
    infosByFile.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, infos });
    if (infosByFile.size > KEPT_FILES) infosByFile.delete(infosByFile.keys().next().value!);
    return [...infos];
  } finally {
    fs.closeSync(fd);
  }
}

function readFaceInfosOfOpen(fd: number, size: number): FaceInfo[] {
  const src = fileSource(fd, size);
  if (size >= 4 && src.read(0, 4).readUInt32BE(0) === WOFF_SIGNATURE) {
    if (size > MAX_SFNT_BYTES) throw new FontFormatError(`a WOFF of ${size} bytes`);
    return readFaceInfos(bufferSource(sfntFromWoff(src.read(0, size))));
  }
  return readFaceInfos(src);
}

function faceInfo(src: ByteSource, face: SfntFace): FaceInfo {
  const name = readSmallTable(src, face, 'name');
  if (!name) throw new FontFormatError(`face ${face.index} has no 'name' table`);
  const records = parseNameTable(name);
  const families: FaceInfo['families'] = [];
  const seen = new Set<string>();
  for (const id of [NAME_ID.family, NAME_ID.typographicFamily]) {
    for (const r of records) {
      if (r.nameId !== id) continue;
      const key = `${r.lang}\u0000${r.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      families.push({ name: r.value, lang: r.lang });
    }
  }
  if (families.length === 0) throw new FontFormatError(`face ${face.index} names no family`);
  const fullNames = [...new Set(records.filter((r) => r.nameId === NAME_ID.fullName).map((r) => r.value))];
  const postscriptName = records.find((r) => r.nameId === NAME_ID.postscript)?.value;

  const os2 = readSmallTable(src, face, 'OS/2');
  const head = readSmallTable(src, face, 'head');
  let weight = 400;
  let italic = false;
  let fsType: number | undefined;
  if (os2 && os2.length >= 64) {
    weight = os2.readUInt16BE(4) || 400;
    fsType = os2.readUInt16BE(8);
    italic = (os2.readUInt16BE(62) & 0x0001) !== 0;
  } else if (head && head.length >= 46) {
    // No OS/2 (some old Mac fonts): head.macStyle has bold and italic.
    const macStyle = head.readUInt16BE(44);
    weight = macStyle & 0x0001 ? 700 : 400;
    italic = (macStyle & 0x0002) !== 0;
  }
  const t = face.tables;
  const outlines: FaceInfo['outlines'] = t.has('glyf') && t.has('loca') ? 'truetype' : t.has('CFF ') || t.has('CFF2') ? 'cff' : 'none';
  const info: FaceInfo = { index: face.index, families, fullNames, weight, italic, outlines };
  if (postscriptName) info.postscriptName = postscriptName;
  if (fsType !== undefined) info.fsType = fsType;
  return info;
}

/** The name to show for a face: its Chinese family name if it has one, else its English one, else the first. */
export function displayFamily(face: Pick<FaceInfo, 'families'>): string {
  const zh = face.families.find((f) => f.lang.startsWith('zh-CN')) ?? face.families.find((f) => f.lang.startsWith('zh'));
  const en = face.families.find((f) => f.lang.startsWith('en'));
  return (zh ?? en ?? face.families[0])?.name ?? '';
}
