/**
 * The OpenType `name` table: the names a face is known by, in each language it names itself in.
 * A Windows 仿宋 calls itself 仿宋 in Chinese and FangSong in English; an office's 方正 face
 * 方正小标宋简体 and FZXiaoBiaoSong-B05S. Discovery matches a theme's names against all of them.
 */

/** Name ids used here (OpenType `name` table). */
export const NAME_ID = {
  family: 1,
  subfamily: 2,
  fullName: 4,
  postscript: 6,
  typographicFamily: 16,
  typographicSubfamily: 17,
} as const;

export interface NameRecord {
  nameId: number;
  /** BCP 47 tag where the record's language is known (`zh-CN`, `en-US`, …), else ''. */
  lang: string;
  value: string;
}

// Windows language ids of the languages whose names matter here; others keep '' (still matched).
const WINDOWS_LANGS: Record<number, string> = {
  0x0409: 'en-US', 0x0809: 'en-GB', 0x0804: 'zh-CN', 0x1004: 'zh-SG', 0x0404: 'zh-TW', 0x0c04: 'zh-HK',
  0x1404: 'zh-MO', 0x0411: 'ja-JP', 0x0412: 'ko-KR',
};
// Macintosh language ids (platform 1).
const MAC_LANGS: Record<number, string> = { 0: 'en', 11: 'ja', 19: 'zh-TW', 23: 'ko', 33: 'zh-CN' };
// Macintosh script ids and the legacy encodings their names are stored in.
const MAC_ENCODINGS: Record<number, string> = { 0: 'macintosh', 1: 'shift_jis', 2: 'big5', 3: 'euc-kr', 25: 'gbk' };
// Windows encodings other than Unicode (old Chinese fonts: PRC = GBK, Big5).
const WINDOWS_ENCODINGS: Record<number, string> = { 2: 'shift_jis', 3: 'gbk', 4: 'big5', 5: 'euc-kr' };

const decoders = new Map<string, TextDecoder | null>();
function decoder(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label, { fatal: true });
    } catch {
      // A Node built without full ICU lacks the legacy encodings: those records are left out.
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

function utf16be(bytes: Buffer): string {
  const n = bytes.length >> 1;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = bytes.readUInt16BE(2 * i);
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode(...units.subarray(i, i + 4096));
  return s;
}

function decode(platform: number, encoding: number, bytes: Buffer): string | undefined {
  try {
    if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) return utf16be(bytes);
    if (platform === 3) {
      const label = WINDOWS_ENCODINGS[encoding];
      // Stored as 16-bit units: a double-byte character as its two bytes, ASCII as 00 xx.
      return label ? decoder(label)?.decode(bytes.filter((b) => b !== 0)) : undefined;
    }
    if (platform === 1) {
      const label = MAC_ENCODINGS[encoding];
      return label ? decoder(label)?.decode(bytes) : undefined;
    }
  } catch {
    // Bytes that are not valid in the record's encoding: the record is left out.
  }
  return undefined;
}

function langOf(platform: number, language: number, langTags: string[]): string {
  if (language >= 0x8000) return langTags[language - 0x8000] ?? '';
  if (platform === 3) return WINDOWS_LANGS[language] ?? '';
  if (platform === 1) return MAC_LANGS[language] ?? '';
  return '';
}

/**
 * The records of a `name` table (formats 0 and 1) that decode to text. Records outside the
 * table, or in an encoding this Node cannot decode, are left out; a table too short for its own
 * header gives no records.
 */
export function parseNameTable(table: Buffer): NameRecord[] {
  if (table.length < 6) return [];
  const format = table.readUInt16BE(0);
  const count = table.readUInt16BE(2);
  const stringOffset = table.readUInt16BE(4);
  const recordsEnd = 6 + 12 * count;
  if (recordsEnd > table.length) return [];
  const langTags: string[] = [];
  if (format === 1 && recordsEnd + 2 <= table.length) {
    const n = table.readUInt16BE(recordsEnd);
    for (let i = 0; i < n && recordsEnd + 2 + 4 * (i + 1) <= table.length; i++) {
      const len = table.readUInt16BE(recordsEnd + 2 + 4 * i);
      const off = stringOffset + table.readUInt16BE(recordsEnd + 4 + 4 * i);
      langTags.push(off + len <= table.length ? utf16be(table.subarray(off, off + len)) : '');
    }
  }
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const p = 6 + 12 * i;
    const platform = table.readUInt16BE(p);
    const encoding = table.readUInt16BE(p + 2);
    const language = table.readUInt16BE(p + 4);
    const nameId = table.readUInt16BE(p + 6);
    const length = table.readUInt16BE(p + 8);
    const start = stringOffset + table.readUInt16BE(p + 10);
    if (start + length > table.length) continue;
    const value = decode(platform, encoding, table.subarray(start, start + length))?.replace(/\0+$/u, '').trim();
    if (value) out.push({ nameId, lang: langOf(platform, language, langTags), value });
  }
  return out;
}

/** A name for matching: Unicode-normalised (NFKC: full-width letters as ASCII), case and spaces ignored. */
export function nameKey(name: string): string {
  // Most names are plain ASCII, which NFKC leaves as it is (discovery keys thousands of them).
  const s = /[^\x20-\x7e]/.test(name) ? name.normalize('NFKC') : name;
  return s.toLowerCase().replace(/[\s\u3000]+/gu, '');
}
