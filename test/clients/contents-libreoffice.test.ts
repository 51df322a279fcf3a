import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { layoutTheme } from '../../src/templates/apply-layout.js';
import { readPdfText } from '../../src/verify/pdf-text.js';
import { readContents, titlePages, type ReadEntry } from '../bulletin/contents-read.js';
import { generatedIssue } from '../bulletin/generated-issue.js';
import { articles, SAMPLE } from '../bulletin/sample.js';
import { ROOT, tempDir } from '../support.js';
import { libreOfficeToPdf } from './clients.js';

const squeeze = (s: string): string => s.replace(/\s+/g, '');
const generated = generatedIssue(16, 5);

/** How LibreOffice's pages of the titles differ from the PDF's, in words: what the test reports. */
function paginationDifference(lo: readonly number[], pdf: readonly number[]): string {
  const shifts = lo.map((p, i) => p - pdf[i]!);
  const moved = shifts.filter((d) => d !== 0);
  if (moved.length === 0) return 'LibreOffice sets every title on the same page as the PDF';
  return `LibreOffice sets ${moved.length} of ${lo.length} titles on another page than the PDF (by ${[...new Set(moved)].sort((a, b) => a - b).map((d) => (d > 0 ? `+${d}` : String(d))).join(', ')} pages; the PDF: ${pdf.join(' ')}; LibreOffice: ${lo.join(' ')})`;
}

describe.each([
  { issue: 'the sample issue', layout: 'bulletin', dir: ROOT, file: SAMPLE, titles: articles.map((a) => a.title as string) },
  { issue: 'the sample issue', layout: 'booklet', dir: ROOT, file: SAMPLE, titles: articles.map((a) => a.title as string) },
  { issue: 'a generated issue of 16 articles', layout: 'bulletin', dir: generated.dir, file: generated.file, titles: generated.titles },
  { issue: 'a generated issue of 16 articles', layout: 'booklet', dir: generated.dir, file: generated.file, titles: generated.titles },
])('the contents of $issue’s $layout DOCX in LibreOffice', ({ layout, dir, file, titles }) => {
  const theme = layoutTheme({ templatesDir: path.join(ROOT, 'templates'), projectDir: ROOT }, layout);
  const bottom = theme.page.margins.bottom - 1;
  let entries: ReadEntry[];
  let loPages: number[];
  let pdfPages: number[];

  beforeAll(async () => {
    const outDir = tempDir();
    const { outputs } = await build({ paths: { ...projectPaths(dir), outDir }, inputs: [file], layouts: [layout], formats: ['pdf', 'docx'], previews: false });
    const output = (ext: string) => path.join(outDir, outputs.find((o) => o.path.endsWith(`/${layout}.${ext}`))!.path);
    const work = tempDir();
    const lo = await readPdfText(new Uint8Array(fs.readFileSync(libreOfficeToPdf(output('docx'), work, path.join(work, 'profile')))));
    loPages = titlePages(lo, theme.styles.title!.size, titles);
    entries = readContents(lo, theme.styles.tocEntry!.size, bottom, loPages[0]!);
    pdfPages = titlePages(await readPdfText(new Uint8Array(fs.readFileSync(output('pdf')))), theme.styles.title!.size, titles);
  });

  it('shows an entry per article whose number is the page LibreOffice sets its title on, within one page', () => {
    expect(entries.map((e) => e.text)).toEqual(titles.map(squeeze));
    entries.forEach((e, i) => expect(Math.abs(e.number - loPages[i]!), `${e.text}: shows ${e.number}, title on page ${loPages[i]}`).toBeLessThanOrEqual(1));
    // What a reader of both would notice: where LibreOffice's pages differ from the PDF's.
    console.info(`${layout}, ${titles.length} articles: ${paginationDifference(loPages, pdfPages)}`);
  });
});
