import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs, docxPlainText } from '../../src/verify/docx-text.js';
import { buildInto, firstMissingInOrder } from '../support.js';
import { articles, issue, issueDate, OUT, readingOrder, SAMPLE } from './sample.js';

function part(docx: Uint8Array, name: string): string {
  return strFromU8(unzipSync(docx, { filter: (f) => f.name === name })[name]!);
}

/** The <w:style> element of a style id in styles.xml. */
function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

describe.each([
  { layout: 'bulletin', pageWidth: 11906 },
  { layout: 'booklet', pageWidth: 8391 },
])('the sample issue in the $layout layout (DOCX)', ({ layout, pageWidth }) => {
  let docx: Uint8Array;
  let document: string;
  let styles: string;

  beforeAll(async () => {
    const { read } = await buildInto([SAMPLE], { layouts: [layout], formats: ['docx'] });
    docx = read(`${OUT}/${layout}.docx`);
    document = part(docx, 'word/document.xml');
    styles = part(docx, 'word/styles.xml');
  });

  it('has its page size', () => {
    expect(document).toContain(`<w:pgSz w:w="${pageWidth}"`);
  });

  it('sets the masthead as styled paragraphs: the series in the red Masthead style, then 第N期, then publisher and date', () => {
    const paragraphs = docxParagraphs(docx);
    const at = paragraphs.findIndex((p) => p.style === 'Masthead');
    expect(paragraphs[at]!.text).toBe(issue.bulletin);
    expect(styleXml(styles, 'Masthead')).toContain('<w:color w:val="E60012"/>');
    expect(styleXml(styles, 'Masthead')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(paragraphs[at + 1]).toEqual({ style: 'IssueNumber', text: `第${issue.issue}期（总第${issue.totalIssue}期）` });
    expect(paragraphs[at + 2]).toEqual({ style: 'MastheadMeta', text: `${issue.publisher}\t${issueDate}` });
    // The markup parser folds every \s, U+3000 among them, into one space (see the report on issue 5).
    expect(paragraphs[at - 1]!.style).toBe('MastheadMark');
    expect(paragraphs[at - 1]!.text).toMatch(/^内部资料[ 　]注意保存\t000001$/);
  });

  it('draws the masthead rule as a red paragraph border, not an image', () => {
    const meta = document.indexOf('编印单位');
    const after = document.slice(meta);
    expect(after).toMatch(/^[\s\S]*?<w:pBdr><w:bottom w:val="single" w:color="E60012" w:sz="\d+"/);
    expect(document).not.toContain('<w:drawing>');
  });

  it('gives columns, titles and the end block named styles', () => {
    const paragraphs = docxParagraphs(docx);
    expect(paragraphs.filter((p) => p.style === 'Column').map((p) => p.text)).toEqual(issue.columns.map((c) => `【${c.name}】`));
    expect(paragraphs.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual(articles.map((a) => a.title));
    // Each contents entry: the title, a tab to the dot leader and the page number (contents.test.ts checks the number).
    expect(paragraphs.filter((p) => p.style === 'TocEntry').map((p) => p.text.replace(/\t\d+$/, ''))).toEqual(articles.map((a) => a.title));
    expect(styleXml(styles, 'Column')).toContain('w:name w:val="栏目"');
    expect(styleXml(styles, 'EndBlock')).toContain('w:name w:val="报尾"');
    expect(styleXml(styles, 'EditorNote')).toMatch(/w:eastAsia="楷体_GB2312"/);
  });

  it('has every text of the issue in order', () => {
    const text = docxPlainText(docx);
    const lastTitle = (articles[articles.length - 1]!.title as string).replace(/\s+/g, '');
    const body = text.slice(text.indexOf(lastTitle) + lastTitle.length);
    expect(firstMissingInOrder(body, readingOrder())).toBeUndefined();
  });

  it('anchors the end block to the bottom of the last page: a floating table with the two rules as its borders, before the last paragraph', () => {
    const paragraphs = docxParagraphs(docx);
    const end = paragraphs.filter((p) => p.style === 'EndBlock').map((p) => p.text);
    expect(end).toEqual([
      `报：${issue.distribution['报']!.join('，')}。`,
      `送：${issue.distribution['送']!.join('，')}。`,
      `发：${issue.distribution['发']!.join('，')}。\t（共印${issue.copies}份）`,
    ]);
    const table = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?报：[\s\S]*?<\/w:tbl>/.exec(document)?.[0] ?? '';
    expect(table).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(table).toMatch(/<w:tblBorders><w:top w:val="single"[^>]*\/><w:left w:val="none"[^>]*\/><w:bottom w:val="single"/);
    // Only the anchor paragraph follows it.
    const rest = document.slice(document.indexOf(table) + table.length, document.indexOf('<w:sectPr'));
    expect(rest.match(/<w:p[ >]/g)).toHaveLength(1);
    expect(rest).not.toContain('<w:t');
    // Continuation lines hang after the label.
    expect(table).toContain('<w:ind w:left="');
    expect(table).toMatch(/w:hanging="\d+"/);
  });
});
