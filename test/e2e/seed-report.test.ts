import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docxParagraphs, docxPlainText } from '../../src/verify/docx-text.js';
import { pdfPlainText, readPdfText } from '../../src/verify/pdf-text.js';
import { articleReadingOrder, buildInto, firstMissingInOrder, SEED } from '../support.js';

const PDF = 'articles/changzhou-united-front-2020/report.pdf';
const DOCX = 'articles/changzhou-united-front-2020/report.docx';

describe('the seed report, PDF and DOCX', () => {
  let pdf: Uint8Array;
  let docx: Uint8Array;
  const pieces = articleReadingOrder(parse(fs.readFileSync(SEED, 'utf8')));

  beforeAll(async () => {
    const { read, result } = await buildInto([SEED]);
    expect(result.outputs.map((o) => o.path).sort()).toEqual([DOCX, PDF]);
    pdf = read(PDF);
    docx = read(DOCX);
  });

  it('has every character of the content in order in the PDF text layer', async () => {
    // Page numbers sit between a paragraph's halves where it crosses a page; they are not content.
    const text = (await pdfPlainText(pdf)).replace(/—\d+—/g, '');
    expect(pieces.length).toBeGreaterThan(20);
    expect(firstMissingInOrder(text, pieces)).toBeUndefined();
  });

  it('has every character of the content in order in the DOCX', () => {
    expect(firstMissingInOrder(docxPlainText(docx), pieces)).toBeUndefined();
  });

  it('embeds its fonts as subsets', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([A-Za-z0-9+-]+)/g)].map((m) => m[1]!);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+/);
    expect((raw.match(/\/FontFile2/g) ?? []).length).toBe(new Set(baseFonts).size);
  });

  it('takes its PDF dates from the content, not the clock', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    // pdfkit writes the date as an indirect string object: (D:20210304000000Z)
    expect(raw).toContain('(D:20210304000000Z)');
    expect(raw).not.toMatch(/\(D:(?!20210304)\d{8}/);
  });

  it('puts GB/T 9704 page numbers at the foot: — 1 — at the right of odd pages, left of even pages', async () => {
    const pages = await readPdfText(pdf);
    const margins = { left: (28 * 72) / 25.4, right: 595.28 - (26 * 72) / 25.4 };
    for (const [i, page] of pages.entries()) {
      const n = i + 1;
      const number = page.items.find((it) => it.str.replace(/\s/g, '') === `—${n}—`);
      expect(number, `page ${n} number`).toBeDefined();
      expect(number!.y).toBeLessThan((35 * 72) / 25.4);
      if (n % 2 === 1) expect(number!.x + number!.width).toBeGreaterThan(margins.right - 40);
      else expect(number!.x).toBeLessThan(margins.left + 40);
    }
  });

  it('makes the section headings Word Heading 1 paragraphs with their numbers', () => {
    const headings = docxParagraphs(docx).filter((p) => p.style === 'Heading1');
    expect(headings.map((h) => h.text)).toHaveLength(10);
    expect(headings[0]!.text).toBe('一、大战大考彰显担当作为');
    expect(headings[9]!.text).toBe('十、机关党建水平全面提升');
    expect(docxParagraphs(docx).find((p) => p.style === 'Title')).toMatchObject({ style: 'Title', text: '创新举措凝心聚力 推进常州统战事业蓬勃发展' });
  });
});
