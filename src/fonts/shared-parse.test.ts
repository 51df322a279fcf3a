import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plan } from '../pipeline/plan.js';
import { projectPaths } from '../pipeline/project.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { fontParses } from './font-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = path.join(ROOT, 'content/articles/changzhou-united-front-2020.yaml');

describe('fonts in a process', () => {
  it('are parsed once per file, for the glyph check, the composer and pdfkit alike, however many documents', async () => {
    const paths = projectPaths(ROOT);
    const [planned] = plan({ paths, inputs: [SEED], layouts: ['report'] });
    const doc = planned!.doc;
    const files = new Set(Object.values(doc.fonts).flatMap((f) => [f.file, ...(f.bold ? [f.bold.file] : [])]));
    const ctx = { readableRoots: [paths.contentDir] };
    const first = await renderPdf(doc, ctx);
    const second = await renderPdf(doc, ctx);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(fontParses()).toBe(files.size);
  });

  it('are embedded as subsets: the seed PDF holds a small part of its 50 MB of faces', async () => {
    const paths = projectPaths(ROOT);
    const [planned] = plan({ paths, inputs: [SEED], layouts: ['report'] });
    const pdf = await renderPdf(planned!.doc, { readableRoots: [paths.contentDir] });
    expect(pdf.byteLength).toBeLessThan(400 * 1024);
    // pdfkit names a subset font with a six-letter tag: ABCDEF+Name.
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+/);
  });
});
