import { strFromU8, unzipSync } from 'fflate';

/** Text of each paragraph of word/document.xml, with its style id: what Word shows the editor. */
export function docxParagraphs(docx: Uint8Array): { style: string; text: string }[] {
  const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
  const out: { style: string; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? '';
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? '\t' : decodeXml(t[1]))).join('');
    out.push({ style, text });
  }
  return out;
}

export function docxPlainText(docx: Uint8Array): string {
  return docxParagraphs(docx).map((p) => p.text).join('').replace(/\s+/g, '');
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}
