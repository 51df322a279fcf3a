import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, outputPath, plan, type Planned } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { textUnits, unitText } from '../../src/verify/ir-text.js';
import { richProject } from '../docx/fixture.js';
import { firstMissingInOrder, ROOT, tempDir } from '../support.js';
import { requireClient, run } from './clients.js';

/** One DOCX the project builds, with the document it was rendered from. */
interface Case {
  name: string;
  planned: Planned;
  docx: string;
  pdf: string;
}

/** Builds every DOCX of a project folder and converts them all to PDF in one LibreOffice run. */
async function casesOf(projectDir: string, flat: string): Promise<Case[]> {
  const paths = { ...projectPaths(projectDir), outDir: tempDir('jianbao-lo-out-') };
  const planned = plan({ paths, inputs: [] });
  await build({ paths, inputs: [], formats: ['docx'] });
  return planned.map((p) => {
    const rel = outputPath(paths, p.source, p.layout, 'docx');
    const name = rel.replace(/\//g, '--');
    fs.copyFileSync(path.join(paths.outDir, rel), path.join(flat, name));
    return { name, planned: p, docx: path.join(flat, name), pdf: path.join(flat, name.replace(/\.docx$/, '.pdf')) };
  });
}

function pdfText(pdf: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', ...range, pdf, '-']);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('every DOCX the project builds, opened in LibreOffice', () => {
  let cases: Case[] = [];

  beforeAll(async () => {
    const flat = tempDir('jianbao-lo-');
    cases = [...(await casesOf(ROOT, flat)), ...(await casesOf(richProject().dir, flat))];
    const soffice = requireClient('soffice', 'libreoffice-writer-nogui');
    run(soffice, [`-env:UserInstallation=file://${path.join(flat, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', flat, ...cases.map((c) => c.docx)], { timeout: 280_000 });
  }, 300_000);

  it('covers the seed, the sample articles and issue, and an article with tables, pictures and lists', () => {
    const names = cases.map((c) => c.name);
    expect(names).toContain('articles--changzhou-united-front-2020--report.docx');
    expect(names).toContain('articles--rich--report.docx');
    // The sample issue in both its layouts, when the project has it.
    if (fs.existsSync(path.join(ROOT, 'content/bulletins'))) expect(names.filter((n) => n.startsWith('bulletins--')).length).toBeGreaterThanOrEqual(2);
    for (const c of cases) expect(fs.existsSync(c.pdf), `${c.name} converted`).toBe(true);
  });

  it('keeps every character of every paragraph, heading, cell, caption and list item, in order', () => {
    for (const c of cases) {
      const text = squash(pdfText(c.pdf)).replace(/—\d+—/g, '');
      const pieces = textUnits(c.planned.doc).map(unitText);
      expect(pieces.length, c.name).toBeGreaterThan(3);
      expect(firstMissingInOrder(text, pieces), c.name).toBeUndefined();
    }
  });

  it('has no empty page', () => {
    for (const c of cases) {
      const pages = Number(/Pages:\s+(\d+)/.exec(run(requireClient('pdfinfo', 'poppler-utils'), [c.pdf]))![1]);
      for (let n = 1; n <= pages; n++) {
        const text = squash(pdfText(c.pdf, n)).replace(/—\d+—/g, '');
        expect(text, `${c.name} page ${n}`).not.toBe('');
      }
    }
  });

  it('keeps every word inside the text block across (a closing mark may hang one character past it): no table runs over the margins', () => {
    for (const c of cases) {
      const html = path.join(path.dirname(c.pdf), `${path.basename(c.pdf, '.pdf')}.bbox.html`);
      run(requireClient('pdftotext', 'poppler-utils'), ['-bbox', c.pdf, html]);
      const { margins } = c.planned.doc.page;
      const xml = fs.readFileSync(html, 'utf8');
      let words = 0;
      for (const page of xml.split('<page ').slice(1)) {
        const width = Number(/width="([\d.]+)"/.exec(page)![1]);
        for (const w of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
          expect(Number(w[1]), `${c.name}: '${w[3]}' starts left of the text block`).toBeGreaterThanOrEqual(margins.left - 2);
          // Hanging punctuation (GB/T 9704 and the PDF): a closing mark at a line's end past the edge by at most its own width.
          const hang = /[，。、：；？！）》”’]$/.test(w[3]!) ? 16 : 0;
          expect(Number(w[2]), `${c.name}: '${w[3]}' runs past the text block`).toBeLessThanOrEqual(width - margins.right + 2 + hang);
          words++;
        }
      }
      expect(words, `${c.name}: words measured`).toBeGreaterThan(20);
    }
  });
});
