import { fontTableXml, type FontTableEntry } from './font-table.js';

/**
 * The one place where jianbao writes WordprocessingML the docx library has no option for, each
 * edit on a part the library wrote, each element where the schema's sequence puts it (Word
 * refuses a part out of order). Everything else in a draft is the library's.
 */
export interface PartEdits {
  /** Document language, e.g. zh-CN: Word's East Asian theme language. */
  lang?: string;
  /** Punctuation width scheme: quanjiao keeps full-width marks at full width in Word too. */
  punctuation?: 'quanjiao' | 'kaiming' | 'banjiao';
  /** The theme's gap between Han and Latin or digits, in em: 0 turns Word's automatic space off. */
  latinGap?: number;
  /** Whether the section has a document grid: every paragraph is then set off it. */
  grid?: boolean;
  /** The font table's entries; absent leaves the library's (empty) table. */
  fonts?: readonly FontTableEntry[];
}

/**
 * The paragraph defaults of every paragraph (CT_PPrBase order: widowControl, kinsoku,
 * autoSpaceDE, autoSpaceDN, snapToGrid):
 * - widowControl off: on a 22-line grid a page holds 22 lines, as the PDF sets them; Word's
 *   widow control would move a line over and leave 21 (Chinese Word's own Normal has it off).
 * - kinsoku on: East Asian line breaking rules (no 。 at a line start, no “ at a line end).
 * - no overflowPunct: omitted, it is on (ECMA-376 §17.3.1.21), so Word and WPS let a closing
 *   mark hang past the line's end, as the PDF does; LibreOffice then hangs it too. Written as
 *   1, LibreOffice reads it the other way round (writerfilter sets ParaIsHangingPunctuation to
 *   `val == 0`) and pushes the character before the mark down instead: lines of 27 and a lone
 *   效。 where the PDF has none.
 * - autoSpaceDE / autoSpaceDN: Word's automatic space between Han and Latin text / digits, on
 *   only when the theme asks for a gap (`latinGap`). LibreOffice ignores both (writerfilter has
 *   no mapping for them) and always puts 1/5 em there.
 * - snapToGrid off, on a page with a document grid: lines take their styles' exact pitch (579
 *   twips for the body, whole multiples of it for the rest) and characters their styles'
 *   spacing (grid.ts `condensing`), the same in Word, WPS and LibreOffice. On the grid,
 *   LibreOffice 7.4 gives a 16 pt character two 15.8 pt cells and a line taller than the pitch
 *   (a 22 pt title) two pitches.
 */
function paragraphDefaults(edits: PartEdits): string {
  const autoSpace = (edits.latinGap ?? 0) > 0 ? '1' : '0';
  const grid = edits.grid ? '<w:snapToGrid w:val="0"/>' : '';
  return `<w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:autoSpaceDE w:val="${autoSpace}"/><w:autoSpaceDN w:val="${autoSpace}"/>${grid}`;
}

export function editStyles(xml: string, edits: PartEdits): string {
  const defaults = `<w:pPrDefault><w:pPr>${paragraphDefaults(edits)}</w:pPr></w:pPrDefault>`;
  let out: string;
  if (/<w:pPrDefault\/>|<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.test(xml)) out = xml.replace(/<w:pPrDefault\/>|<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/, defaults);
  else if (xml.includes('</w:rPrDefault>')) out = xml.replace('</w:rPrDefault>', `</w:rPrDefault>${defaults}`);
  else out = xml.replace(/(<w:docDefaults>)/, `$1${defaults}`);
  return out;
}

/**
 * East Asian settings, each where the schema's sequence puts it: `w:characterSpacingControl`
 * before `w:compat` (doNotCompress keeps quanjiao punctuation full width, as the PDF sets it,
 * where Word's Chinese default compresses it), and `w:themeFontLang` with the East Asian
 * language after it.
 */
export function editSettings(xml: string, edits: PartEdits): string {
  const lang = edits.lang ?? '';
  const eastAsia = /^(zh|ja|ko)\b/i.test(lang) ? lang : undefined;
  const spacing = edits.punctuation === 'quanjiao' ? 'doNotCompress' : edits.punctuation ? 'compressPunctuation' : undefined;
  let out = xml;
  if (spacing && !out.includes('<w:characterSpacingControl')) {
    const mark = `<w:characterSpacingControl w:val="${spacing}"/>`;
    out = out.includes('<w:compat>') ? out.replace('<w:compat>', `${mark}<w:compat>`) : out.replace('</w:settings>', `${mark}</w:settings>`);
  }
  if (eastAsia && !out.includes('<w:themeFontLang')) {
    const mark = `<w:themeFontLang w:val="en-US" w:eastAsia="${escapeXml(eastAsia)}"/>`;
    out = out.includes('</w:compat>') ? out.replace('</w:compat>', `</w:compat>${mark}`) : out.replace('</w:settings>', `${mark}</w:settings>`);
  }
  return out;
}

/** The font table with an entry for every face the document names (the library writes it empty). */
export function editFontTable(xml: string, edits: PartEdits): string {
  if (!edits.fonts?.length) return xml;
  const entries = fontTableXml(edits.fonts);
  const empty = /<w:fonts\b([^>]*)\/>/;
  if (empty.test(xml)) return xml.replace(empty, `<w:fonts$1>${entries}</w:fonts>`);
  return xml.replace(/<w:fonts\b([^>]*)>[\s\S]*<\/w:fonts>/, `<w:fonts$1>${entries}</w:fonts>`);
}

/**
 * The ids the library draws at random for a watermark's shape, numbered in order of the part
 * instead: the same draft gives the same bytes. `PowerPlusWaterMarkObject` stays their prefix,
 * which Word's Remove Watermark looks for.
 */
export function editHeader(xml: string, firstId: number): { xml: string; next: number } {
  let n = firstId;
  const ids = new Map<string, string>();
  const out = xml.replace(/PowerPlusWaterMarkObject[0-9A-Za-z_-]+/g, (id) => {
    let fixed = ids.get(id);
    if (!fixed) ids.set(id, (fixed = `PowerPlusWaterMarkObject${n++}`));
    return fixed;
  });
  return { xml: out, next: n };
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
