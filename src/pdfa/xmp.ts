/**
 * The XMP metadata packet of a PDF, from its Info dictionary's entries: each entry's XMP twin
 * (ISO 19005-2 §6.6.2.3.1: Title ↔ dc:title, Author ↔ dc:creator, Subject ↔ dc:description,
 * Keywords ↔ pdf:Keywords, Creator ↔ xmp:CreatorTool, Producer ↔ pdf:Producer,
 * CreationDate ↔ xmp:CreateDate, ModDate ↔ xmp:ModifyDate), every value XML-escaped, and the
 * PDF/A identification when a part is given.
 */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

export interface PdfaId {
  part: number;
  conformance: 'A' | 'B' | 'U';
}

export function escapeXmp(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** An XMP date: ISO 8601 to the second, in UTC (the instant the Info date's D:…Z names). */
export function xmpDate(d: Date): string {
  return `${d.toISOString().split('.')[0]}Z`;
}

/** The whole packet: the PDF/A identification when given, then the Info entries' twins. */
export function xmpPacket(info: PdfInfo, pdfa?: PdfaId): string {
  const id = pdfa ? description('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', [`<pdfaid:part>${pdfa.part}</pdfaid:part>`, `<pdfaid:conformance>${pdfa.conformance}</pdfaid:conformance>`]) : '';
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    id,
    xmpDescriptions(info),
    '</rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

const description = (ns: string, body: string[]) => (body.length > 0 ? `<rdf:Description rdf:about="" ${ns}>${body.join('')}</rdf:Description>` : '');

/** The rdf:Description elements that twin the Info entries (what goes inside rdf:RDF). */
export function xmpDescriptions(info: PdfInfo): string {
  const e = escapeXmp;
  const alt = (v: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${e(v)}</rdf:li></rdf:Alt>`;
  const dc = ['<dc:format>application/pdf</dc:format>'];
  if (info.Title) dc.push(`<dc:title>${alt(info.Title)}</dc:title>`);
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${e(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) dc.push(`<dc:description>${alt(info.Subject)}</dc:description>`);
  const xmp: string[] = [];
  if (info.CreationDate) xmp.push(`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`);
  if (info.ModDate) xmp.push(`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`);
  if (info.Creator) xmp.push(`<xmp:CreatorTool>${e(info.Creator)}</xmp:CreatorTool>`);
  const pdf: string[] = [];
  if (info.Producer) pdf.push(`<pdf:Producer>${e(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) pdf.push(`<pdf:Keywords>${e(info.Keywords)}</pdf:Keywords>`);
  return [
    description('xmlns:dc="http://purl.org/dc/elements/1.1/"', dc),
    description('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', xmp),
    description('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', pdf),
  ].join('\n');
}
