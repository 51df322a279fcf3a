// Which embedded font sets a piece of text in a PDF, read back with pdf.js: the BaseFont name
// (`CZZZZZ+LXGWWenKai-Regular`) of every text item holding part of the text, as pdffonts names them.
import { importPdfJs } from '../../src/external.js';

export async function fontsOfText(pdf: Uint8Array, text: string): Promise<string[]> {
  const pdfjs = await importPdfJs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const found = new Set<string>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getOperatorList();
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const s = item.str.trim();
        if (s.length < 2 || !(text.includes(s) || s.includes(text))) continue;
        const font = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
        if (font?.name) found.add(font.name);
      }
    }
  } finally {
    await doc.destroy();
  }
  return [...found].sort();
}

/** The PostScript names of a PDF's fonts, subset tags removed (`LXGWWenKai-Regular`). */
export function baseFonts(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...new Set([...raw.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g)].map((m) => m[1]!))].sort();
}
