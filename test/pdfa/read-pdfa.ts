import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { SaxesParser } from 'saxes';

/** What a PDF/A check reads back: the Info dictionary, the XMP packet's values, the output intents. */
export interface PdfaFacts {
  info: Record<string, string>;
  /** XMP values by local name (`title`, `creator`, `CreateDate`, `part`…). */
  xmp: Map<string, string>;
  /** The XMP packet as written, and whether it is well-formed XML. */
  xmpText: string;
  intents: { subtype: string; identifier: string; profileComponents: number; profile: Uint8Array }[];
  trailerId: boolean;
  /** Fonts whose programs are not embedded. */
  unembeddedFonts: string[];
}

const text = (v: unknown): string => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : String(v));

/** Reads the PDF/A-relevant parts of a PDF with pdf-lib, independent of the writer. */
export async function readPdfa(bytes: Uint8Array): Promise<PdfaFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const infoDict = ctx.lookup(ctx.trailerInfo.Info) as PDFDict | undefined;
  const info: Record<string, string> = {};
  for (const [k, v] of infoDict?.entries() ?? []) info[k.decodeText()] = text(ctx.lookup(v));
  const metaRef = doc.catalog.get(PDFName.of('Metadata'));
  const meta = metaRef ? (ctx.lookup(metaRef) as PDFRawStream) : undefined;
  const xmpText = meta ? new TextDecoder().decode(meta.dict.get(PDFName.of('Filter')) ? decodePDFRawStream(meta).decode() : meta.contents) : '';
  const xmp = new Map<string, string>();
  if (xmpText) {
    const parser = new SaxesParser({ xmlns: true });
    const stack: string[] = [];
    parser.on('error', (e) => {
      throw new Error(`XMP is not well-formed: ${e.message}`);
    });
    parser.on('opentag', (t) => void stack.push(t.local));
    parser.on('closetag', () => void stack.pop());
    parser.on('text', (t) => {
      if (!t.trim()) return;
      // An rdf:li's value belongs to the property two levels up (dc:title/rdf:Alt/rdf:li).
      const name = stack[stack.length - 1] === 'li' ? stack[stack.length - 3]! : stack[stack.length - 1]!;
      xmp.set(name, (xmp.get(name) ?? '') + t);
    });
    parser.write(xmpText.replace(/<\?xpacket[^?]*\?>/g, '')).close();
  }
  const intents: PdfaFacts['intents'] = [];
  const list = doc.catalog.lookup(PDFName.of('OutputIntents'));
  if (list instanceof PDFArray) {
    for (let i = 0; i < list.size(); i++) {
      const intent = list.lookup(i) as PDFDict;
      const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream;
      intents.push({
        subtype: String(intent.get(PDFName.of('S'))),
        identifier: text(intent.get(PDFName.of('OutputConditionIdentifier'))),
        profileComponents: Number(String(profile.dict.get(PDFName.of('N')))),
        profile: decodePDFRawStream(profile).decode(),
      });
    }
  }
  const unembeddedFonts: string[] = [];
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj instanceof PDFStream || String(obj.get(PDFName.of('Type'))) !== '/FontDescriptor') continue;
    if (!['FontFile', 'FontFile2', 'FontFile3'].some((k) => obj.has(PDFName.of(k)))) unembeddedFonts.push(String(obj.get(PDFName.of('FontName'))));
  }
  return { info, xmp, xmpText, intents, trailerId: Boolean(ctx.trailerInfo.ID), unembeddedFonts };
}

/** The instant a PDF date (D:YYYYMMDDHHmmSS, Z or ±HH'mm) names. */
export function pdfDate(d: string): number {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(d);
  if (!m) throw new Error(`not a PDF date: ${d}`);
  const [, y, mo = '01', da = '01', h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.replace(/'/g, '').slice(3, 5)));
  return Date.UTC(+y!, +mo - 1, +da, +h, +mi, +s) - offset * 60_000;
}
