import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, makeProject, readManifest, runJianbao } from './project.js';

describe('page-1 previews', () => {
  it('fall back to pdf.js when poppler is not there', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    const r = await runJianbao(['build', '--format', 'pdf'], { cwd: dir, env: { JIANBAO_PREVIEW: 'pdfjs', CI: 'true' } });
    expect(r.code).toBe(0);
    const png = fs.readFileSync(path.join(dir, 'out/articles/a/report.preview.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(360);
    expect(readManifest(path.join(dir, 'out')).outputs[0]!.preview).toBe('articles/a/report.preview.png');
  });

  it('are skipped with a note when no rasteriser is installed, and the index still lists every file', async () => {
    const dir = makeProject({ 'a.yaml': article('甲文') });
    const r = await runJianbao(['build'], { cwd: dir, env: { JIANBAO_PREVIEW: 'none', CI: 'true' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: no PNG previews: install poppler-utils (pdftoppm), or pdfjs-dist with @napi-rs/canvas');
    expect(fs.existsSync(path.join(dir, 'out/articles/a/report.preview.png'))).toBe(false);
    const html = fs.readFileSync(path.join(dir, 'out/index.html'), 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="articles/a/report.pdf"');
    expect(html).toContain('href="articles/a/report.docx"');
    expect(readManifest(path.join(dir, 'out')).outputs.every((o) => o.preview === undefined)).toBe(true);
  });
});
