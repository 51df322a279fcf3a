import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleReadingOrder, buildInto, firstMissingInOrder, SEED, tempDir } from '../support.js';
import { libreOfficeToPdf, requireClient, run } from './clients.js';

describe('the seed report in real clients', () => {
  let out: string;
  const pieces = articleReadingOrder(parse(fs.readFileSync(SEED, 'utf8')));
  const pdfPath = () => path.join(out, 'articles/changzhou-united-front-2020/report.pdf');
  const docxPath = () => path.join(out, 'articles/changzhou-united-front-2020/report.docx');

  beforeAll(async () => {
    out = (await buildInto([SEED])).out;
  });

  it('poppler reads all the text of the PDF', () => {
    const text = run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', pdfPath(), '-']).replace(/\s+/g, '').replace(/—\d+—/g, '');
    expect(firstMissingInOrder(text, pieces)).toBeUndefined();
  });

  it('poppler sees only embedded subset fonts', () => {
    const lines = run(requireClient('pdffonts', 'poppler-utils'), [pdfPath()]).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/);
    // No official face is installed here (and this repository pins the bundled ones): the 楷体
    // role (编者按) is a real Kai face, LXGW WenKai, not bold Noto Serif.
    const names = lines.map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort();
    expect(names).toEqual(['LXGWWenKai-Regular', 'NotoSansSC-Bold', 'NotoSerifSC-Black', 'NotoSerifSC-Regular']);
  });

  it('LibreOffice opens the DOCX and keeps every character of the seed', () => {
    const dir = tempDir();
    const pdf = libreOfficeToPdf(docxPath(), dir, path.join(dir, 'profile'));
    const text = run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, '').replace(/—\d+—/g, '');
    expect(firstMissingInOrder(text, pieces)).toBeUndefined();
    const pages = Number(/Pages:\s+(\d+)/.exec(run(requireClient('pdfinfo', 'poppler-utils'), [pdf]))![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(8);
  });
});
