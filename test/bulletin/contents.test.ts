import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, plan } from '../../src/pipeline/build.js';
import { outputFormat } from '../../src/render/registry.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { layoutTheme } from '../../src/templates/apply-layout.js';
import { readPdfText, type PdfPageText } from '../../src/verify/pdf-text.js';
import { ROOT, tempDir } from '../support.js';
import { docxPageReferences, linesOfSize, printedPageNumber, readContents, titlePages, type ReadEntry } from './contents-read.js';
import { generatedIssue } from './generated-issue.js';
import { dotsOf, pageContents } from './pdf-strokes.js';
import { articles, SAMPLE } from './sample.js';

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Builds an issue's PDF and DOCX in a layout with the package's templates; reads both back. */
async function builtIssue(projectDir: string, file: string, layout: string) {
  const outDir = tempDir();
  const { outputs } = await build({ paths: { ...projectPaths(projectDir), outDir }, inputs: [file], layouts: [layout], formats: ['pdf', 'docx'], previews: false });
  const read = (ext: string) => new Uint8Array(fs.readFileSync(path.join(outDir, outputs.find((o) => o.path.endsWith(`/${layout}.${ext}`))!.path)));
  const pdf = read('pdf');
  return { pdf, pages: await readPdfText(pdf), contents: await pageContents(pdf), docx: read('docx') };
}

const generated = generatedIssue(16, 5);

describe.each([
  { issue: 'the sample issue', layout: 'bulletin', dir: ROOT, file: SAMPLE, titles: articles.map((a) => a.title as string), onePage: true },
  { issue: 'the sample issue', layout: 'booklet', dir: ROOT, file: SAMPLE, titles: articles.map((a) => a.title as string), onePage: true },
  { issue: 'a generated issue of 16 articles', layout: 'bulletin', dir: generated.dir, file: generated.file, titles: generated.titles, onePage: false },
  { issue: 'a generated issue of 16 articles', layout: 'booklet', dir: generated.dir, file: generated.file, titles: generated.titles, onePage: false },
])('the contents of $issue in the $layout layout', ({ layout, dir, file, titles, onePage }) => {
  const theme = layoutTheme({ templatesDir: path.join(ROOT, 'templates'), projectDir: ROOT }, layout);
  const entrySize = theme.styles.tocEntry!.size;
  const bottom = theme.page.margins.bottom - 1;
  const textRight = theme.page.width - theme.page.margins.right;
  let pages: PdfPageText[];
  let contents: string[];
  let docx: Uint8Array;
  let entries: ReadEntry[];
  let printedOn: number[];

  beforeAll(async () => {
    ({ pages, contents, docx } = await builtIssue(dir, file, layout));
    printedOn = titlePages(pages, theme.styles.title!.size, titles);
    // The contents end before the first title.
    entries = readContents(pages, entrySize, bottom, printedOn[0]!);
  });

  it('has an entry per article, in order, whose number is the page its title is printed on, as that page numbers itself', () => {
    expect(entries.map((e) => e.text)).toEqual(titles.map(squeeze));
    expect(entries.map((e) => e.number)).toEqual(printedOn);
    for (const page of printedOn) expect(printedPageNumber(pages[page - 1]!)).toBe(page);
    // Not 1, 2, 3…: the titles fall on pages with other articles and pages of body in between.
    if (!onePage) expect(new Set(printedOn).size).toBeLessThan(printedOn.length);
  });

  it('sets each number flush with the right edge of the text block, after a dot leader from the end of the entry', () => {
    for (const e of entries) {
      expect(e.numberRight).toBeCloseTo(textRight, 0);
      const last = e.lines[e.lines.length - 1]!;
      const textEnd = last.items[last.items.length - 2]!;
      const number = last.items[last.items.length - 1]!;
      const dots = dotsOf(contents[last.page - 1]!).filter((d) => d.y > last.y && d.y < last.y + entrySize && d.x > textEnd.x && d.x < number.x + number.width);
      expect(dots.length, e.text).toBeGreaterThan(3);
      expect(Math.min(...dots.map((d) => d.x))).toBeGreaterThan(textEnd.x + textEnd.width);
      expect(Math.max(...dots.map((d) => d.x))).toBeLessThan(number.x);
    }
  });

  it('wraps a long entry with a hanging indent, and never splits an entry across pages', () => {
    const wrapped = entries.filter((e) => e.lines.length > 1);
    if (!onePage) expect(wrapped.length).toBeGreaterThan(0);
    for (const e of wrapped) {
      expect(new Set(e.lines.map((l) => l.page)).size, e.text).toBe(1);
      for (const l of e.lines.slice(1)) expect(l.items[0]!.x - e.lines[0]!.items[0]!.x).toBeCloseTo(entrySize * (theme.styles.tocEntry!.hanging ?? 0), 0);
    }
  });

  it('keeps each column label on the page of its first entry', () => {
    const lines = linesOfSize(pages.slice(0, printedOn[0]!), entrySize, bottom).filter((l) => l.page > 1 || l.y < entries[0]!.lines[0]!.y + 2 * entrySize);
    const labels = lines.flatMap((l, i) => (/^【.*】$/.test(l.text) ? [i] : []));
    expect(labels.length).toBeGreaterThan(0);
    for (const i of labels) expect(lines[i + 1]!.page, lines[i]!.text).toBe(lines[i]!.page);
  });

  it(onePage ? 'keeps the list on page 1, where it fits' : 'runs over two pages, breaking between entries', () => {
    const onPages = new Set(entries.flatMap((e) => e.lines.map((l) => l.page)));
    expect([...onPages]).toEqual(onePage ? [1] : [1, 2]);
  });

  it('gives the DOCX a PAGEREF per entry to a bookmark on that article’s title, with the PDF’s number as its result', () => {
    const { entries: refs, bookmarked } = docxPageReferences(docx);
    expect(refs.map((r) => squeeze(r.text))).toEqual(titles.map(squeeze));
    refs.forEach((r, i) => {
      expect(r.instruction).toBe(`PAGEREF ${r.bookmark} \\h`);
      expect(bookmarked.get(r.bookmark)).toEqual({ style: 'Title', text: titles[i] });
      expect(r.result).toBe(String(entries[i]!.number));
    });
  });
});

describe('the bookmarks of a DOCX', () => {
  it('are numbered from 0 in each document, so its bytes do not depend on what was rendered before it', async () => {
    const write = await outputFormat('docx').load();
    const [sample] = plan({ paths: projectPaths(ROOT), inputs: [SAMPLE], layouts: ['booklet'] });
    const [other] = plan({ paths: projectPaths(generated.dir), inputs: [generated.file], layouts: ['booklet'] });
    const first = await write(sample!.doc, { readableRoots: [] });
    await write(other!.doc, { readableRoots: [] });
    const again = await write(sample!.doc, { readableRoots: [] });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const ids = [...docxXml(first).matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['0', '1', '2']);
  });
});

function docxXml(docx: Uint8Array): string {
  return strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
}
