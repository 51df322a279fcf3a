import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../docx/fixture.js';
import { buildInto, SEED, tempDir } from '../support.js';
import { libreOfficeToPdf, requireClient, run } from './clients.js';

const MARK = '征求意见稿';
const OUT = 'articles/changzhou-united-front-2020';

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run(requireClient('pdfinfo', 'poppler-utils'), [pdf]))![1]);
}

function pageText(pdf: string, page: number): string {
  return run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-']).replace(/\s+/g, '');
}

function allText(pdf: string): string {
  return run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, '');
}

/** The files of a build copied out, so LibreOffice writes its PDF next to a DOCX of a known name. */
function copy(out: string, rel: string, as: string): string {
  const dir = tempDir('jianbao-draft-');
  const file = path.join(dir, as);
  fs.copyFileSync(path.join(out, rel), file);
  return file;
}

describe('a draft is marked 征求意见稿 in both outputs; a final build is not', () => {
  let draftOut: string;
  let finalOut: string;

  beforeAll(async () => {
    draftOut = (await buildInto([SEED], { draft: true })).out;
    finalOut = (await buildInto([SEED])).out;
  });

  it('the PDF of a --draft build has the mark on every page (header line and watermark)', () => {
    const pdf = path.join(draftOut, OUT, 'report.draft.pdf');
    const n = pages(pdf);
    expect(n).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= n; p++) expect(pageText(pdf, p), `page ${p}`).toContain(MARK);
  });

  it('LibreOffice shows the header line of the draft DOCX on every page', () => {
    const dir = tempDir('jianbao-draft-lo-');
    const pdf = libreOfficeToPdf(copy(draftOut, `${OUT}/report.draft.docx`, 'draft.docx'), dir, path.join(dir, 'profile'));
    const n = pages(pdf);
    expect(n).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= n; p++) expect(pageText(pdf, p).startsWith(MARK), `page ${p}`).toBe(true);
  });

  it('a final build has no mark, in the PDF or in LibreOffice’s rendering of the DOCX', () => {
    expect(allText(path.join(finalOut, OUT, 'report.pdf'))).not.toContain(MARK);
    const dir = tempDir('jianbao-final-lo-');
    const pdf = libreOfficeToPdf(copy(finalOut, `${OUT}/report.docx`, 'final.docx'), dir, path.join(dir, 'profile'));
    expect(allText(pdf)).not.toContain(MARK);
  });

  it('`draft: true` in the content file marks the outputs as --draft does', async () => {
    const dir = tempDir('jianbao-draft-field-');
    const file = path.join(dir, 'content/articles/d.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'title: 示例标题\ndate: 2021-03-04\ndraft: true\nbody:\n  - 一段正文。\n');
    const { out } = await buildProject(dir, [file]);
    expect(allText(path.join(out, 'articles/d/report.draft.pdf'))).toContain(MARK);
    const lo = tempDir('jianbao-draft-field-lo-');
    expect(allText(libreOfficeToPdf(copy(out, 'articles/d/report.draft.docx', 'd.docx'), lo, path.join(lo, 'profile')))).toContain(MARK);
  });
});
