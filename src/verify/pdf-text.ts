import { importPdfJs } from '../external.js';
/** One text item as pdf.js reads it back from a page: position in PDF points, origin bottom-left. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontName: string;
  /** Inside `/Artifact` marked content: drawn, but not content (a table header repeated on a later page). */
  artifact: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** Reads every page's text items with pdf.js (no worker, no network, fonts not rendered). */
export async function readPdfText(pdf: Uint8Array): Promise<PdfPageText[]> {
  const pdfjs = await importPdfJs();
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  const document = await task.promise;
  const pages: PdfPageText[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent({ includeMarkedContent: true });
      const items: PdfTextItem[] = [];
      // Marked content nests: the tags open around each item, artifacts among them.
      const open: boolean[] = [];
      for (const item of content.items) {
        if (!('str' in item)) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push((item as { tag?: string }).tag === 'Artifact');
          else if (item.type === 'endMarkedContent') open.pop();
          continue;
        }
        items.push({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height, fontName: item.fontName, artifact: open.includes(true) });
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
    }
  } finally {
    await document.destroy();
  }
  return pages;
}

/** All text of a PDF in reading order, whitespace removed: what "nothing lost" compares. */
export async function pdfPlainText(pdf: Uint8Array): Promise<string> {
  const pages = await readPdfText(pdf);
  return pages.map((p) => p.items.filter((i) => !i.artifact).map((i) => i.str).join('')).join('').replace(/\s+/g, '');
}
