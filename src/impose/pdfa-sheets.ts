import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { PDFDocument } from 'pdf-lib';
import { xmpPacket, type PdfInfo } from '../pdfa/xmp.js';

const ICC = 'sRGB_IEC61966_2_1.icc';

/**
 * The sRGB profile pdfkit embeds in its PDF/A output intents, so the print sheets carry the very
 * same one: next to the CLI bundle (scripts/bundle.mjs copies pdfkit's data folder to dist/data),
 * else in pdfkit's package.
 */
export function srgbProfile(): Uint8Array {
  const nextToBundle = fileURLToPath(new URL(`data/${ICC}`, import.meta.url));
  const file = fs.existsSync(nextToBundle) ? nextToBundle : createRequire(import.meta.url).resolve(`pdfkit/js/data/${ICC}`);
  return new Uint8Array(fs.readFileSync(file));
}

/**
 * Makes a pdf-lib document PDF/A-2b, as pdfkit (patched, see src/patches) makes the pages it
 * imposes: the Info entries and their XMP twins (escaped, dates equal), the PDF/A identification,
 * an sRGB output intent, and a file identifier derived from the metadata (the same input gives
 * the same bytes). The fonts are the source PDF's embedded subsets, carried with its pages.
 */
export async function markPdfA(out: PDFDocument, info: Required<Pick<PdfInfo, 'CreationDate' | 'ModDate'>> & PdfInfo): Promise<void> {
  const { PDFName, PDFHexString, PDFString } = await import('pdf-lib');
  const context = out.context;
  if (info.Title) out.setTitle(info.Title);
  if (info.Author) out.setAuthor(info.Author);
  if (info.Subject) out.setSubject(info.Subject);
  if (info.Keywords) out.setKeywords([info.Keywords]);
  if (info.Creator) out.setCreator(info.Creator);
  if (info.Producer) out.setProducer(info.Producer);
  out.setCreationDate(info.CreationDate);
  out.setModificationDate(info.ModDate);
  const xmp = xmpPacket(info, { part: 2, conformance: 'B' });
  const metadata = context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  out.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  const profile = context.flateStream(srgbProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: context.register(profile),
  });
  out.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  const id = createHash('md5').update(xmp).digest('hex');
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/**
 * Whether a PDF says it is PDF/A-2b: its catalog's XMP metadata names part 2, conformance B
 * (jianbao's PDFs are, with `--pdfa` or a theme's `pdf.standard`); its print sheets are then made so too.
 */
export async function isPdfA2b(doc: PDFDocument): Promise<boolean> {
  const { PDFName, PDFRawStream } = await import('pdf-lib');
  const ref = doc.catalog.get(PDFName.of('Metadata'));
  const stream = ref ? doc.context.lookup(ref) : undefined;
  if (!(stream instanceof PDFRawStream)) return false;
  const filter = stream.dict.get(PDFName.of('Filter'));
  // pdfkit writes the metadata stream uncompressed, as PDF/A asks.
  if (filter) return false;
  const xmp = new TextDecoder().decode(stream.contents);
  return /<pdfaid:part>\s*2\s*<\/pdfaid:part>/.test(xmp) && /<pdfaid:conformance>\s*B\s*<\/pdfaid:conformance>/.test(xmp);
}
