import { parsedFont } from '../../fonts/font-file.js';
import type { Doc, FontFace } from '../../ir/index.js';

/**
 * One `w:font` of the font table: what Word and WPS use to find a face, or a substitute of the
 * same kind, when the named one is not installed (ECMA-376 Part 1 §17.8.3). LibreOffice reads
 * only the name and charset (writerfilter's FontTable), and substitutes by name alone.
 */
export interface FontTableEntry {
  name: string;
  /**
   * One alternative name (§17.8.3.1). The standard allows a comma list; Word takes the whole
   * value as one name of at most 31 characters (MS-OI29500 2.1.262), so one name it is.
   */
  altName?: string;
  /** PANOSE-1, 20 hex digits (§17.8.3.13). */
  panose?: string;
  /** Windows character set, hex (§17.8.3.2): 86 is GB2312, 00 ANSI. */
  charset: string;
  /** §17.8.3.6: roman (serif), swiss (sans), modern (fixed pitch), script, decorative, auto. */
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  /** §17.8.3.12. */
  pitch: 'fixed' | 'variable' | 'default';
  /** OS/2 ulUnicodeRange1–4 and ulCodePageRange1–2 as 8 hex digits each (§17.8.3.16). */
  sig?: [string, string, string, string, string, string];
}

type Facts = Omit<FontTableEntry, 'name' | 'altName'>;

/**
 * The faces Chinese offices name, as Word and WPS describe them in the font tables they write
 * (values read from documents Word 2010+ and WPS 2019 saved): the English name of a face is the
 * same face. Any other name is described from the role's own font file (`fromFile`).
 */
const GB2312_FACE: Facts = { panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed', sig: ['00000001', '080E0000', '00000000', '00000000', '00040000', '00000000'] };
const GBK_FIXED_FACE: Facts = { panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed', sig: ['800002BF', '38CF7CFA', '00000016', '00000000', '00040001', '00000000'] };
const SONG: Facts = { panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable', sig: ['00000003', '288F0000', '00000016', '00000000', '00040001', '00000000'] };
const KNOWN_FACES: Readonly<Record<string, Facts>> = {
  '仿宋_GB2312': GB2312_FACE,
  FangSong_GB2312: GB2312_FACE,
  '楷体_GB2312': GB2312_FACE,
  KaiTi_GB2312: GB2312_FACE,
  '仿宋': GBK_FIXED_FACE,
  FangSong: GBK_FIXED_FACE,
  '楷体': GBK_FIXED_FACE,
  KaiTi: GBK_FIXED_FACE,
  '黑体': GBK_FIXED_FACE,
  SimHei: GBK_FIXED_FACE,
  '宋体': SONG,
  SimSun: SONG,
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable', sig: ['E0002AFF', 'C0007841', '00000009', '00000000', '000001FF', '00000000'] },
};

/**
 * Every face the document's styles and furniture name, East Asian and Latin, each once, in the
 * order the styles use them: Word lists a document's fonts the same way.
 */
export function fontTableEntries(doc: Doc): FontTableEntry[] {
  const roles = [...Object.values(doc.styles).map((s) => s.font), ...(doc.furniture.watermark ? [doc.furniture.watermark.font] : [])];
  const out = new Map<string, FontTableEntry>();
  for (const role of roles) {
    const face = doc.fonts[role];
    if (!face) continue;
    const name = face.names[0]!;
    if (!out.has(name)) out.set(name, { name, ...(face.names[1] && face.names[1].length <= 31 ? { altName: face.names[1] } : {}), ...(KNOWN_FACES[name] ?? fromFile(face)) });
    if (!out.has(face.latin)) out.set(face.latin, { name: face.latin, ...(KNOWN_FACES[face.latin] ?? { charset: '00', family: 'auto', pitch: 'variable' }) });
  }
  return [...out.values()];
}

/**
 * A face no table here knows, described by the role's font file. When that file is the named
 * face itself (in fonts/ or installed), its PANOSE number stands. When it is a stand-in (the
 * bundled open face), the number says only what the stand-in shows for sure: serif or sans and
 * the weight (from usWeightClass: the bundled faces give every weight the same PANOSE weight);
 * the rest is 0, "any". So Word looks for a heavy serif for the title, a sans for 黑体.
 */
function fromFile(face: FontFace): Facts {
  let os2: Os2 | undefined;
  try {
    os2 = (parsedFont(face.file) as unknown as { 'OS/2'?: Os2 })['OS/2'];
  } catch {
    os2 = undefined;
  }
  if (!os2) return { charset: '86', family: 'auto', pitch: 'default' };
  const own = face.names.some((n) => n === face.family);
  const p = [...os2.panose];
  const panose = own ? p : [p[0] === 2 ? 2 : p[0] ?? 0, p[0] === 2 ? (p[1] ?? 0) : 0, panoseWeight(os2.usWeightClass), 0, 0, 0, 0, 0, 0, 0];
  const gb2312 = ((os2.codePageRange?.[0] ?? 0) & (1 << 18)) !== 0;
  return {
    panose: panose.map((d) => d.toString(16).toUpperCase().padStart(2, '0')).join(''),
    charset: gb2312 ? '86' : '00',
    family: familyOf(p),
    pitch: p[3] === 9 ? 'fixed' : 'variable',
    sig: [...(os2.ulCharRange ?? [0, 0, 0, 0]), ...(os2.codePageRange ?? [0, 0])].map(hex8) as FontTableEntry['sig'] & string[],
  };
}

interface Os2 {
  panose: number[];
  usWeightClass: number;
  ulCharRange?: number[];
  codePageRange?: number[];
}

const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');

/** PANOSE weight (2 very light … 5 book, 8 bold, 10 black) of an OS/2 weight class. */
function panoseWeight(weightClass: number): number {
  return Math.min(11, Math.max(2, Math.round(weightClass / 100) + 1));
}

/** The font family kind of a PANOSE number: Latin text faces by their serif style. */
function familyOf(p: readonly number[]): FontTableEntry['family'] {
  if (p[0] === 3) return 'script';
  if (p[0] === 4 || p[0] === 5) return 'decorative';
  if (p[0] !== 2) return 'auto';
  if (p[3] === 9) return 'modern';
  const serif = p[1] ?? 0;
  if (serif >= 11) return 'swiss';
  if (serif >= 2) return 'roman';
  return 'auto';
}

/** The `w:font` elements of the font table, in the schema's order (CT_Font). */
export function fontTableXml(entries: readonly FontTableEntry[]): string {
  return entries
    .map((e) => {
      const sig = e.sig ? `<w:sig w:usb0="${e.sig[0]}" w:usb1="${e.sig[1]}" w:usb2="${e.sig[2]}" w:usb3="${e.sig[3]}" w:csb0="${e.sig[4]}" w:csb1="${e.sig[5]}"/>` : '';
      return (
        `<w:font w:name="${attr(e.name)}">` +
        (e.altName ? `<w:altName w:val="${attr(e.altName)}"/>` : '') +
        (e.panose ? `<w:panose1 w:val="${e.panose}"/>` : '') +
        `<w:charset w:val="${e.charset}"/><w:family w:val="${e.family}"/><w:pitch w:val="${e.pitch}"/>${sig}</w:font>`
      );
    })
    .join('');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
