import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBytes } from '../../src/import/readers/index.js';
import { docxParagraphs } from '../../src/verify/docx-text.js';
import { pdfPlainText } from '../../src/verify/pdf-text.js';
import { makeProject } from '../pipeline/project.js';
import { cli } from '../support.js';

/**
 * An imported notice with attachments, built: 附件说明 comes after the body and before the
 * signature's date, as GB/T 9704 places it, in the PDF and in the Word file.
 */
const PAGE = fileURLToPath(new URL('./pages/jiyue-02-notice.html', import.meta.url));

describe('attachments of an imported page, rendered', () => {
  let dir: string;
  beforeAll(async () => {
    const imported = importBytes(fs.readFileSync(PAGE), PAGE);
    expect(imported.article.attachments).toEqual(['示例县节日期间安全生产检查表', '示例县节日期间值班安排表']);
    dir = makeProject({ 'notice.yaml': imported.yaml });
    const r = await cli(['build', '--jobs', '1', '--layout', 'report'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints 附件说明 after the body in the PDF, the first numbered after 附件：', async () => {
    const text = (await pdfPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/notice/report.pdf'))))).replace(/\s/g, '');
    const body = text.indexOf('遇有突发事件');
    const first = text.indexOf('附件：1.示例县节日期间安全生产检查表');
    const second = text.indexOf('2.示例县节日期间值班安排表');
    expect(body).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(body);
    expect(second).toBeGreaterThan(first);
  });

  it('writes them as paragraphs of their own style in the Word file', () => {
    const paragraphs = docxParagraphs(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/notice/report.docx'))));
    const at = paragraphs.findIndex((p) => p.text === '附件：1.示例县节日期间安全生产检查表');
    expect(at).toBeGreaterThan(0);
    expect(paragraphs[at]!.style).toBe('Attachments');
    expect(paragraphs[at + 1]).toMatchObject({ text: '2.示例县节日期间值班安排表', style: 'AttachmentsMore' });
  });
});
