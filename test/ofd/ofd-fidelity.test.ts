import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { plan } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import type { Doc } from '../../src/ir/index.js';
import { readOfdText } from '../../src/render/ofd/read-back.js';
import { renderOfd } from '../../src/render/ofd/render-ofd.js';
import { articleReadingOrder, firstMissingInOrder, ROOT, SEED } from '../support.js';
import { articleProject, article, layOut } from '../reliability/project.js';
import { png } from '../reliability/images.js';
import { compareWithPdf, ofdBodyText, type Agreement } from './compare.js';
import { checkPackage } from './ofd-schema.js';
import type { OfdRead } from './read-ofd.js';
import { layoutTheme } from '../../src/templates/apply-layout.js';
import { readPdfText } from '../../src/verify/pdf-text.js';
import { readContents, titlePages } from '../bulletin/contents-read.js';
import { generatedIssue } from '../bulletin/generated-issue.js';
import { dotsOf, pageContents } from '../bulletin/pdf-strokes.js';

const MM = 25.4 / 72;

const BULLETIN = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');

function laidOut(file: string, layout: string, draft = false, projectDir = ROOT): Doc {
  return plan({ paths: projectPaths(projectDir), inputs: [file], layouts: [layout], draft })[0]!.doc;
}

/** What every OFD must satisfy, whatever its content. */
function expectSound(a: Agreement): void {
  // Same pages, same size (mm), every glyph where the PDF has it.
  expect(a.ofd.pages.length).toBe(a.pdfPages.length);
  a.ofd.pages.forEach((p, i) => {
    expect(p.width).toBeCloseTo((a.pdfPages[i]!.width * 25.4) / 72, 3);
    expect(p.height).toBeCloseTo((a.pdfPages[i]!.height * 25.4) / 72, 3);
  });
  expect(a.unmatched).toEqual([]);
  expect(a.ofdChars).toBe(a.pdfGlyphs);
  expect(a.worst).toBeLessThan(0.1);
  // Well-formed parts that follow GB/T 33190's schema.
  expect(checkPackage(a.ofd.parts)).toEqual([]);
  expectFontsMapText(a.ofd);
}

/** Each font's own cmap (read by fontkit from the embedded file) maps every character drawn with it. */
function expectFontsMapText(ofd: OfdRead): void {
  const unmapped: string[] = [];
  for (const page of ofd.pages) {
    for (const code of page.codes) {
      const font = ofd.fonts.get(code.fontId);
      expect(font, `font ${code.fontId}`).toBeDefined();
      const parsed = (fontkit as unknown as { create(b: Buffer): fontkit.Font }).create(Buffer.from(font!.bytes));
      for (const ch of code.text) if (!parsed.hasGlyphForCodePoint(ch.codePointAt(0)!)) unmapped.push(`${ch} in ${font!.name}`);
    }
  }
  expect(unmapped).toEqual([]);
}

describe('OFD of the seed report', () => {
  let a: Agreement;
  beforeAll(async () => {
    a = await compareWithPdf(laidOut(SEED, 'report'), SEED);
  });

  it('has the PDF’s pages, page sizes and glyph positions, and a sound package', () => {
    expect(a.pdfGlyphs).toBeGreaterThan(2500);
    expectSound(a);
  });

  it('holds every character of the content in its TextCodes, in order', () => {
    const pieces = articleReadingOrder(parse(fs.readFileSync(SEED, 'utf8')));
    const text = ofdBodyText(a.ofd);
    expect(text).not.toMatch(/—\d+—/);
    expect(pieces.length).toBeGreaterThan(20);
    expect(firstMissingInOrder(text, pieces)).toBeUndefined();
  });

  it('reads back (as --verify and the manifest do) the same pages and text as the test reader', () => {
    const back = readOfdText(a.ofdBytes);
    expect(back.pages).toBe(a.ofd.pages.length);
    expect(back.text.join('')).toBe(ofdBodyText(a.ofd));
  });

  it('lists the headings as outlines and takes DocInfo from the content', () => {
    expect(a.ofd.outline[0]).toBe('一、大战大考彰显担当作为');
    expect(a.ofd.outline.length).toBe(10);
    expect(a.ofd.docInfo).toMatchObject({ Title: '创新举措凝心聚力 推进常州统战事业蓬勃发展', CreationDate: '2021-03-04', ModDate: '2021-03-04' });
    expect(a.ofd.docInfo.DocID).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes the same bytes every time, in any time zone', async () => {
    const tz = process.env.TZ;
    const bytes: Buffer[] = [];
    try {
      for (const zone of ['America/Los_Angeles', 'Asia/Shanghai']) {
        process.env.TZ = zone;
        bytes.push(Buffer.from(await renderOfd(laidOut(SEED, 'report'), { readableRoots: [path.dirname(SEED)] })));
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expect(Buffer.compare(bytes[0]!, Buffer.from(a.ofdBytes))).toBe(0);
    expect(Buffer.compare(bytes[1]!, Buffer.from(a.ofdBytes))).toBe(0);
  });
});

describe('OFD of a draft bulletin', () => {
  let a: Agreement;
  beforeAll(async () => {
    a = await compareWithPdf(laidOut(BULLETIN, 'bulletin', true), BULLETIN);
  });

  it('has the PDF’s glyphs, the rotated watermark’s too, and a sound package', () => {
    expectSound(a);
  });

  it('leaves the draft marks out of the text read back', () => {
    expect(readOfdText(a.ofdBytes).text.join('')).not.toContain('征求意见稿');
  });

  it('puts the page number, then the header line and the watermark, on Foreground layers of their own', () => {
    a.ofd.pages.forEach((page, i) => {
      const foreground = page.codes.filter((c) => c.layer === 'Foreground').map((c) => c.text);
      expect(foreground).toEqual(['—', String(i + 1), '—', '征求意见稿', '征求意见稿']);
      expect(page.codes.filter((c) => c.layer === 'Body').some((c) => c.text.includes('征求意见稿'))).toBe(false);
    });
  });

  it('draws the masthead’s red rule and the 报尾 rules as paths', () => {
    expect(a.ofd.pages[0]!.paths).toBeGreaterThan(0);
    expect(a.ofd.pages[a.ofd.pages.length - 1]!.paths).toBeGreaterThanOrEqual(2);
    const first = a.ofd.parts.get('Doc_0/Pages/Page_0/Content.xml')!;
    const rule = JSON.stringify(first).includes('"Value":"230 0 18"');
    expect(rule).toBe(true);
  });
});

describe('OFD of an article whose Latin words hyphenate at line ends', () => {
  it('draws each line-end hyphen after its runs where the PDF draws it', async () => {
    // The same sentence after lead-ins of 0 to 27 characters: some line ends inside a long word.
    const lead = '在示例培训中技术人员结合工作实际逐一介绍并解释了这些常用术语的具体含义';
    const sentence = 'Internationalization、interoperability和accessibility等术语（示例）。';
    const body = Array.from({ length: 28 }, (_, k) => `  - ${lead.slice(0, k)}${sentence}`).join('\n');
    const { dir, file } = articleProject(article(body));
    const a = await compareWithPdf(layOut(dir, file), file);
    expectSound(a);
    const hyphens = a.ofd.pages.flatMap((p) => p.chars).filter((c) => c.text === '-' && c.layer === 'Body');
    expect(hyphens.length).toBeGreaterThan(0);
    // Each one ends a full line: the rightmost glyph of the text block (the lines are justified).
    const right = Math.max(...a.ofd.pages.flatMap((p) => p.chars).filter((c) => c.layer === 'Body').map((c) => c.x));
    for (const h of hyphens) expect(Math.abs(h.x - right)).toBeLessThan(0.05);
  });
});

describe('OFD of an article with a picture', () => {
  it('places the picture as an ImageObject over the same box as the PDF’s', async () => {
    const { dir, file } = articleProject(article('  - 图前的段落。\n  - image: { src: chart.png, caption: 示例图 }\n  - 图后的段落。'));
    fs.writeFileSync(path.join(path.dirname(file), 'chart.png'), png(40, 20));
    const a = await compareWithPdf(layOut(dir, file), file);
    expectSound(a);
    expect(a.ofd.pages[0]!.images).toHaveLength(1);
    expect(a.pdfImages).toHaveLength(1);
    const [o, p] = [a.ofd.pages[0]!.images[0]!, a.pdfImages[0]!];
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(o[k] - p[k])).toBeLessThan(0.1);
    const res = a.ofd.parts.get('Doc_0/DocumentRes.xml')!;
    expect(JSON.stringify(res)).toContain('"Type":"Image"');
  });
});

describe('OFD of an issue whose contents list runs over two pages', () => {
  const issue = generatedIssue(16, 5);
  const theme = layoutTheme({ templatesDir: path.join(ROOT, 'templates'), projectDir: ROOT }, 'bulletin');
  let a: Agreement;
  beforeAll(async () => {
    a = await compareWithPdf(laidOut(issue.file, 'bulletin', false, issue.dir), issue.file);
  });

  it('has the PDF’s glyphs, the contents’ page numbers among them, and a sound package', () => {
    expectSound(a);
  });

  it('prints each entry’s page number, the page its title is on, where the PDF prints it', async () => {
    const pages = await readPdfText(a.pdf);
    const printedOn = titlePages(pages, theme.styles.title!.size, issue.titles);
    const entries = readContents(pages, theme.styles.tocEntry!.size, theme.page.margins.bottom - 1, printedOn[0]!);
    expect(entries.map((e) => e.number)).toEqual(printedOn);
    const inOfd = entries.map((e) => {
      const last = e.lines[e.lines.length - 1]!;
      const baseline = (pages[last.page - 1]!.height - last.y) * MM;
      const line = a.ofd.pages[last.page - 1]!.chars.filter((c) => c.layer === 'Body' && Math.abs(c.y - baseline) < 0.1).sort((u, v) => u.x - v.x);
      return Number(/(\d+)$/.exec(line.map((c) => c.text).join(''))?.[1]);
    });
    expect(inOfd).toEqual(printedOn);
  });

  it('draws the leader dots as filled paths where the PDF draws them', async () => {
    const contents = await pageContents(a.pdf);
    let dots = 0;
    contents.forEach((content, p) => {
      const height = a.pdfPages[p]!.height;
      const inPdf = dotsOf(content).map((d) => ({ x: d.x * MM, y: (height - d.y) * MM }));
      const inOfd = a.ofd.pages[p]!.pathBoxes.filter((b) => b.filled && b.width <= 3 * MM && b.height <= 3 * MM).map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }));
      expect(inOfd.length, `page ${p + 1}`).toBe(inPdf.length);
      const order = (u: { x: number; y: number }, v: { x: number; y: number }) => u.y - v.y || u.x - v.x;
      inPdf.sort(order);
      inOfd.sort(order);
      inPdf.forEach((d, i) => expect(Math.hypot(d.x - inOfd[i]!.x, d.y - inOfd[i]!.y)).toBeLessThan(0.1));
      dots += inPdf.length;
    });
    expect(dots).toBeGreaterThan(16 * 5);
  });
});
