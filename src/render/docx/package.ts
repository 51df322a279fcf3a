import { writeZip } from '../../zip/write-zip.js';
import type { DocxParts } from '../../patches/docx.js';
import { renumberBookmarks } from './contents.js';
import { editFontTable, editHeader, editSettings, editStyles, escapeXml, type PartEdits } from './part-edits.js';

/** Fixed zip entry time: zip stores local time, so a fixed Date is written the same under any TZ. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** What the package needs beyond the docx library's output (see part-edits.ts). */
export type PackageOptions = PartEdits;

const text = (part: string | Uint8Array | undefined): string | undefined => (part === undefined || typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8'));

/**
 * Makes a docx package reproducible and fixes what the docx library cannot express:
 * core-property dates come from the content, entries get a fixed time and order, and the parts
 * the library cannot write as Word needs them are edited (part-edits.ts): paragraph defaults,
 * styles off the grid, settings, the font table, the watermark's ids.
 * The document's language goes into the core properties too. Bookmarks are numbered from 0 in
 * each document.
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
  const edit = (name: string, f: (xml: string) => string) => {
    const xml = text(files.get(name));
    if (xml !== undefined) files.set(name, f(xml));
  };
  edit('word/document.xml', renumberBookmarks);
  edit('word/styles.xml', (xml) => editStyles(xml, options));
  edit('word/settings.xml', (xml) => editSettings(xml, options));
  edit('word/fontTable.xml', (xml) => editFontTable(xml, options));
  let shapeId = 1;
  for (const name of [...files.keys()].filter((n) => /^word\/header\d*\.xml$/.test(n)).sort(byNumber)) {
    edit(name, (xml) => {
      const r = editHeader(xml, shapeId);
      shapeId = r.next;
      return r.xml;
    });
  }
  return writeZip(
    [...files.keys()].sort(contentTypesFirst).map((name) => {
      const data = files.get(name)!;
      return { name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, deflate: true };
    }),
    ZIP_TIME,
  );
}

/** header2.xml after header1.xml, header10.xml after header9.xml. */
function byNumber(a: string, b: string): number {
  return Number(/\d+/.exec(a)?.[0] ?? 0) - Number(/\d+/.exec(b)?.[0] ?? 0);
}

/** `[Content_Types].xml` first, as Word and the OPC spec expect; then by name. */
function contentTypesFirst(a: string, b: string): number {
  if (a === '[Content_Types].xml') return -1;
  if (b === '[Content_Types].xml') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
