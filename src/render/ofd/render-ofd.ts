import { createHash } from 'node:crypto';
import type { Doc } from '../../ir/index.js';
import { writeZip, type ZipEntry } from '../../zip/write-zip.js';
import { layOutPdf } from '../pdf/laid-out.js';
import type { WriterOptions } from '../writer.js';
import { pageContent } from './page-content.js';
import type { LaidOutDocument, OutlineEntry } from './page-model.js';
import { recordPages } from './record-pages.js';
import { fontResources, imageResources } from './resources.js';
import { box, mm } from './units.js';
import { el, num, textEl, xmlPart } from './xml.js';

export type OfdOptions = WriterOptions;

/**
 * Renders the IR to an OFD package (GB/T 33190-2016) with the same pages as the PDF: the PDF's
 * own layout pass, recorded glyph by glyph (record-pages.ts), written as OFD's XML parts.
 */
export async function renderOfd(doc: Doc, options: OfdOptions): Promise<Uint8Array> {
  const layout = await layOutPdf(doc, options);
  return writeOfd(doc, recordPages(doc, layout));
}

const DOC_ROOT = 'Doc_0';

/**
 * The package: OFD.xml (DocInfo), Doc_0/Document.xml (CommonData, Pages, Outlines),
 * PublicRes.xml (fonts), DocumentRes.xml (images), a Content.xml per page and the Res files.
 * Reproducible: ids count in document order, dates come from the content, the DocID is a hash
 * of the other parts, and zip entries carry the content's date as local fields (any time zone).
 */
export function writeOfd(doc: Doc, laidOut: LaidOutDocument): Uint8Array {
  let lastId = 0;
  const nextId = () => ++lastId;
  const first = laidOut.pages[0];
  if (!first) throw new Error('a document without pages');
  const size = { width: first.width, height: first.height };
  const whole = new Set(Object.values(doc.fonts).filter((f) => f.embedWhole).map((f) => f.file));
  const fonts = fontResources(laidOut, nextId, whole);
  const images = imageResources(laidOut, nextId);
  const pageIds = laidOut.pages.map(() => nextId());
  const contents = laidOut.pages.map((page) => pageContent(page, { fonts: fonts.byFile, images: images.byFile }, nextId, size));
  const outlines = laidOut.outline.length > 0 ? el('Outlines', {}, ...laidOut.outline.map((o) => outlineElem(o, pageIds))) : undefined;

  const parts = new Map<string, string | Uint8Array>();
  parts.set(`${DOC_ROOT}/Document.xml`, xmlPart(
    el(
      'Document',
      {},
      el(
        'CommonData',
        {},
        textEl('MaxUnitID', String(lastId)),
        el('PageArea', {}, textEl('PhysicalBox', box({ x: 0, y: 0, ...size }))),
        textEl('PublicRes', 'PublicRes.xml'),
        textEl('DocumentRes', 'DocumentRes.xml'),
      ),
      el('Pages', {}, ...pageIds.map((id, i) => el('Page', { ID: id, BaseLoc: `Pages/Page_${i}/Content.xml` }))),
      outlines,
    ),
  ));
  parts.set(`${DOC_ROOT}/PublicRes.xml`, xmlPart(el('Res', { BaseLoc: 'Res' }, fonts.xml)));
  parts.set(`${DOC_ROOT}/DocumentRes.xml`, xmlPart(el('Res', { BaseLoc: 'Res' }, images.xml)));
  contents.forEach((xml, i) => parts.set(`${DOC_ROOT}/Pages/Page_${i}/Content.xml`, xml));
  for (const f of [...fonts.files, ...images.files]) parts.set(`${DOC_ROOT}/Res/${f.name}`, f.data);

  const entries: ZipEntry[] = [{ name: 'OFD.xml', data: utf8(ofdXml(doc, docId(parts))), deflate: true }];
  const stored = new Set(images.files.map((f) => `${DOC_ROOT}/Res/${f.name}`));
  for (const [name, data] of parts) entries.push({ name, data: typeof data === 'string' ? utf8(data) : data, deflate: !stored.has(name) });
  const [y, m, d] = doc.meta.date.split('-').map(Number) as [number, number, number];
  return writeZip(entries, new Date(y, m - 1, d));
}

/** The document's identity: 32 hex digits of a SHA-256 over every other part, names and bytes. */
function docId(parts: ReadonlyMap<string, string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const [name, data] of parts) hash.update(name).update('\0').update(data).update('\0');
  return hash.digest('hex').slice(0, 32);
}

function ofdXml(doc: Doc, id: string): string {
  const meta = doc.meta;
  const keywords = (meta.keywords ?? '').split(/[,，;；\s]+/).filter(Boolean);
  return xmlPart(
    el(
      'OFD',
      { Version: '1.0', DocType: 'OFD' },
      el(
        'DocBody',
        {},
        el(
          'DocInfo',
          {},
          textEl('DocID', id),
          textEl('Title', meta.title),
          meta.author ? textEl('Author', meta.author) : undefined,
          meta.subject ? textEl('Subject', meta.subject) : undefined,
          textEl('CreationDate', meta.date),
          textEl('ModDate', meta.date),
          keywords.length > 0 ? el('Keywords', {}, ...keywords.map((k) => textEl('Keyword', k))) : undefined,
          textEl('Creator', 'jianbao'),
        ),
        textEl('DocRoot', `${DOC_ROOT}/Document.xml`),
      ),
    ),
  );
}

/** A heading as an outline entry that goes to its first line (XYZ: left edge, the line's top). */
function outlineElem(o: OutlineEntry, pageIds: readonly number[]): string {
  const action = el('Action', { Event: 'CLICK' }, el('Goto', {}, el('Dest', { Type: 'XYZ', PageID: pageIds[o.page], Left: 0, Top: num(mm(o.y)) })));
  return el('OutlineElem', { Title: o.title }, el('Actions', {}, action), ...o.children.map((c) => outlineElem(c, pageIds)));
}

function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}
