import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { sha256 } from '../../src/outputs/manifest.js';
import { pdfPlainText } from '../../src/verify/pdf-text.js';
import { article, articleProject, layOut } from './project.js';

describe('a PDF depends on its own document only', () => {
  // Noto draws ～ (U+FF5E) and 〜 (U+301C) with one glyph; fontkit remembers a glyph with the
  // character of its first lookup, and the process shares parsed fonts between documents.
  it('reads 〜 as 〜 and gives the same bytes, whichever document the process rendered before', async () => {
    const tilde = articleProject(article('  - 第二段写作1～2。\n'), { name: 'tilde' });
    const wave = articleProject(article('  - 第一段写作〜。\n'), { name: 'wave' });
    const tildeDoc = layOut(tilde.dir, tilde.file);
    const waveDoc = layOut(wave.dir, wave.file);
    const tildeFirst = await renderPdf(tildeDoc, { readableRoots: [tilde.dir] });
    const waveAfter = await renderPdf(waveDoc, { readableRoots: [wave.dir] });
    expect(await pdfPlainText(waveAfter)).toContain('第一段写作〜。');
    const tildeAfter = await renderPdf(tildeDoc, { readableRoots: [tilde.dir] });
    expect(sha256(tildeAfter)).toBe(sha256(tildeFirst));
    expect(await pdfPlainText(tildeAfter)).toContain('第二段写作1～2。');
  });
});
