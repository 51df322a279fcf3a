import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfmake, registerFonts } from '../render/pdf/pdfmake-env.js';
import { layoutTheme } from '../templates/apply-layout.js';
import { readPdfText } from '../verify/pdf-text.js';
import { ROOT } from '../../test/support.js';
import { anchoredPage } from './pdfmake.js';

describe('pdfmake’s page of a node with an id (anchoredPage in src/patches/pdfmake.ts)', () => {
  it('is the page the node is drawn on, and the number a page reference to it prints, after an unbreakable block moved it', async () => {
    const theme = layoutTheme({ templatesDir: path.join(ROOT, 'templates'), projectDir: ROOT }, 'bulletin');
    registerFonts(theme.fonts);
    const title = { text: '示例标题', id: 'target' };
    const filler = Array.from({ length: 30 }, (_, i) => ({ text: `示例正文第${i + 1}行` }));
    const def = {
      pageSize: 'A5',
      defaultStyle: { font: 'body', fontSize: 12 },
      content: [
        { text: [{ text: '见第' }, { pageReference: 'target' }, { text: '页' }] },
        ...filler,
        // Too tall for what is left of page 1: pdfmake moves it whole to page 2.
        { stack: [title, ...filler.slice(0, 10).map((f) => ({ ...f }))], unbreakable: true },
      ],
    };
    const pdf = await pdfmake().createPdf(def).getBuffer();
    const pages = await readPdfText(new Uint8Array(pdf));
    const onPage = pages.findIndex((p) => p.items.some((i) => i.str === '示例标题')) + 1;
    expect(onPage).toBe(2);
    expect(anchoredPage(title)).toBe(onPage);
    expect(pages[0]!.items.map((i) => i.str).join('').replace(/\s+/g, '')).toContain(`见第${onPage}页`);
  });
});
