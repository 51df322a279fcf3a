import { writeZip } from '../../zip/write-zip.js';
import type { DocxParts } from '../../patches/docx.js';
import { renumberBookmarks } from './contents.js';

/** Fixed zip entry time: zip stores local time, so a fixed Date is written the same under any TZ. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** What the package needs beyond the docx library's output. */
export interface PackageOptions {
  /** Document language, e.g. zh-CN: written as the core property dc:language and Word's East Asian theme language. */
  lang?: string;
  /** Punctuation width scheme: quanjiao keeps full-width marks at full width in Word too. */
  punctuation?: 'quanjiao' | 'kaiming' | 'banjiao';
}

const text = (part: string | Uint8Array | undefined): string | undefined => (part === undefined || typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8'));

/**
 * Makes a docx package reproducible and fixes what the docx library cannot express:
 * core-property dates come from the content, entries get a fixed time and order, and
 * `w:overflowPunct w:val="1"` is set in the document defaults so LibreOffice keeps a 、 at a line end.
 * The document's language goes into the core properties and the settings, where Word looks for
 * the East Asian language of new text; and punctuation compression follows the theme. Bookmarks
 * are numbered from 0 in each document.
 */
export function finishDocxPackage(parts: DocxParts, isoDate: string, options: PackageOptions = {}): Uint8Array {
  const files = new Map(parts);
  const stamp = `${isoDate}T00:00:00Z`;
  const core = text(files.get('docProps/core.xml'));
  if (core !== undefined) {
    let xml = core
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    if (options.lang && !xml.includes('<dc:language>')) xml = xml.replace('</cp:coreProperties>', `<dc:language>${escapeXml(options.lang)}</dc:language></cp:coreProperties>`);
    files.set('docProps/core.xml', xml);
  }
  const body = text(files.get('word/document.xml'));
  if (body !== undefined) files.set('word/document.xml', renumberBookmarks(body));
  const styles = text(files.get('word/styles.xml'));
  if (styles !== undefined) files.set('word/styles.xml', withOverflowPunct(styles));
  const settings = text(files.get('word/settings.xml'));
  if (settings !== undefined) files.set('word/settings.xml', withEastAsianSettings(settings, options));
  return writeZip(
    [...files.keys()].sort(contentTypesFirst).map((name) => {
      const data = files.get(name)!;
      return { name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, deflate: true };
    }),
    ZIP_TIME,
  );
}

/**
 * East Asian settings, each where the schema's sequence puts it (Word refuses a settings part out
 * of order): `w:characterSpacingControl` before `w:compat` (doNotCompress keeps quanjiao
 * punctuation full width, as the PDF sets it, where Word's Chinese default compresses it), and
 * `w:themeFontLang` with the East Asian language after it.
 */
function withEastAsianSettings(xml: string, options: PackageOptions): string {
  const lang = options.lang ?? '';
  const eastAsia = /^(zh|ja|ko)\b/i.test(lang) ? lang : undefined;
  const spacing = options.punctuation === 'quanjiao' ? 'doNotCompress' : options.punctuation ? 'compressPunctuation' : undefined;
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

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function withOverflowPunct(xml: string): string {
  const mark = '<w:overflowPunct w:val="1"/>';
  if (xml.includes('<w:pPrDefault><w:pPr>')) return xml.replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${mark}`);
  if (xml.includes('<w:pPrDefault/>')) return xml.replace('<w:pPrDefault/>', `<w:pPrDefault><w:pPr>${mark}</w:pPr></w:pPrDefault>`);
  if (xml.includes('<w:pPrDefault>')) return xml.replace('<w:pPrDefault>', `<w:pPrDefault><w:pPr>${mark}</w:pPr>`);
  return xml.replace(/(<w:docDefaults>)/, `$1<w:pPrDefault><w:pPr>${mark}</w:pPr></w:pPrDefault>`);
}

/** `[Content_Types].xml` first, as Word and the OPC spec expect; then by name. */
function contentTypesFirst(a: string, b: string): number {
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
