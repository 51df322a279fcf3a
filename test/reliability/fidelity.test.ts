import { renderDocx } from '../../src/render/docx/render-docx.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { verifyDocx, verifyPdf } from '../../src/verify/index.js';
import { textUnits, unitText } from '../../src/verify/ir-text.js';
import { articleReadingOrder, buildInto, firstMissingInOrder, ROOT, SEED } from '../support.js';
import { article, articleProject, layOut } from './project.js';

const SEED_PDF = 'articles/changzhou-united-front-2020/report.pdf';
const SEED_DOCX = 'articles/changzhou-united-front-2020/report.docx';

describe('nothing lost: the outputs hold every paragraph of the document, in order', () => {
  it('passes on the seed, PDF and DOCX, and the document holds every text of the content', async () => {
    const doc = layOut(ROOT, SEED);
    const { read } = await buildInto([SEED]);
    expect(await verifyPdf(doc, read(SEED_PDF))).toEqual([]);
    expect(verifyDocx(doc, read(SEED_DOCX))).toEqual([]);
    const ir = textUnits(doc).map(unitText).join('').replace(/\s+/g, '');
    expect(firstMissingInOrder(ir, articleReadingOrder(parse(fs.readFileSync(SEED, 'utf8'))))).toBeUndefined();
  });

  it('passes on the seed as a draft (header line and watermark are not content)', async () => {
    const doc = layOut(ROOT, SEED, true);
    const { read } = await buildInto([SEED], { draft: true, formats: ['pdf'] });
    expect(doc.furniture.header?.text).toBe('征求意见稿');
    expect(doc.furniture.watermark?.text).toBe('征求意见稿');
    expect(await verifyPdf(doc, read(SEED_PDF.replace('.pdf', '.draft.pdf')))).toEqual([]);
  });

  it('names the paragraph whose character the PDF lost (a glyph its font lacks)', async () => {
    const { dir, file } = articleProject(article('  - 第一段完好无损。\n  - 第二段有一个𠀀字，会变成空框。\n  - 第三段也完好。\n'), { name: 'lost' });
    const doc = layOut(dir, file);
    // Rendered directly: the build itself refuses this file before rendering (missing-glyph).
    const pdf = await verifyPdf(doc, await renderPdf(doc, { readableRoots: [dir] }), { output: 'out/lost/report.pdf' });
    expect(pdf).toHaveLength(1);
    expect(pdf[0]).toMatchObject({ rule: 'lost-text', severity: 'error', pos: { line: 5, column: 5 } });
    expect(pdf[0]!.message).toBe(
      "the PDF (out/lost/report.pdf) lost text of the paragraph '第二段有一个𠀀字，会变成…': after '第二段有一个' the content has '𠀀' (U+20000), the output has U+0000 (not a printable character)",
    );
    // Word keeps the character and picks a font that has it.
    expect(verifyDocx(doc, await renderDocx(doc))).toEqual([]);
  });

  it('names the paragraph a DOCX lost, and the first character that differs', async () => {
    const doc = layOut(ROOT, SEED);
    const { read } = await buildInto([SEED], { formats: ['docx'] });
    const files = unzipSync(read(SEED_DOCX));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('累计捐款捐物约1.3亿元');
    files['word/document.xml'] = strToU8(xml.replace('累计捐款捐物约1.3亿元', '累计捐款捐物约亿元'));
    const ds = verifyDocx(doc, zipSync(files));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.rule).toBe('lost-text');
    expect(ds[0]!.message).toMatch(/^the DOCX lost text of the paragraph '2020年.面对突如其来…': after '.累计捐款捐物约' the content has '1' \(U\+0031\), the output has '亿' \(U\+4EBF\)$/);
    expect(ds[0]!.pos?.line).toBeGreaterThan(1);
  });

  it('finds a paragraph that is missing altogether, and checks the ones after it', async () => {
    const doc = layOut(ROOT, SEED);
    const { read } = await buildInto([SEED], { formats: ['docx'] });
    const files = unzipSync(read(SEED_DOCX));
    const xml = strFromU8(files['word/document.xml']!);
    const heading = '大战大考彰显担当作为';
    files['word/document.xml'] = strToU8(xml.replace(heading, ''));
    const ds = verifyDocx(doc, zipSync(files));
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining(`lost text of the heading '一、${heading}'`)]);
  });
});
