import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Fixed zip entry time: zip stores local time, so a fixed Date is written the same under any TZ. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Makes a docx package reproducible and fixes what the docx library cannot express:
 * core-property dates come from the content, entries get a fixed time and order, and
 * `w:overflowPunct w:val="1"` is set in the document defaults so LibreOffice keeps a 、 at a line end.
 */
export function finishDocxPackage(bytes: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(bytes);
  const stamp = `${isoDate}T00:00:00Z`;
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`),
    );
  }
  const styles = files['word/styles.xml'];
  if (styles) files['word/styles.xml'] = strToU8(withOverflowPunct(strFromU8(styles)));
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort(contentTypesFirst)) zippable[name] = [files[name]!, { mtime: ZIP_TIME, level: 6 }];
  return zipSync(zippable);
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
