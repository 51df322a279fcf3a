import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DiagnosticError, formatDiagnostic } from '../../src/diagnostics/index.js';
import { importDocx } from '../../src/import/docx/index.js';
import { png } from '../reliability/images.js';
import { makeDocx, pictureRun, styleXml, trackDelete, trackInsert, trackMark, wordParagraph as p } from './word-xml.js';

/** Styles as Word and WPS write them: built-in names in English, a WPS-style numeric id, a Chinese custom style. */
const STYLES = [
  styleXml('Normal', 'Normal', { isDefault: true }),
  styleXml('Title', 'Title'),
  styleXml('2', 'heading 1', { basedOn: 'Normal' }),
  styleXml('3', 'heading 2', { basedOn: 'Normal' }),
  styleXml('Quote1', '我的引用', { basedOn: 'Normal' }),
  styleXml('Src', '来源'),
  styleXml('Dt', '日期'),
  styleXml('Cap', 'caption'),
  styleXml('Outline', 'Some Heading', { outline: 0 }),
].join('');

function messages(r: { diagnostics: { severity: string }[] }, severity = 'warning'): string[] {
  return (r.diagnostics as Parameters<typeof formatDiagnostic>[0][]).filter((d) => d.severity === severity).map(formatDiagnostic);
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics.map(formatDiagnostic).join('\n');
    throw e;
  }
  throw new Error('no error');
}

describe('reading a Word document made elsewhere', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
  const item = (numId: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const table = `<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('地区')}${cell('数量')}</w:tr><w:tr>${cell('城区')}${cell('12')}</w:tr></w:tbl>`;
  const docx = makeDocx({
    styles: STYLES,
    numbering,
    media: { 'image1.png': { id: 'rIdPic', data: png(4, 4) } },
    body: [
      p('Title', '关于某项工作的报告'),
      p('Normal', '这是开头的一段。'),
      p('2', '一、总体情况'),
      p('Normal', '总体平稳。'),
      p('3', '（一）具体做法'),
      `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:sdt><w:sdtContent><w:r><w:t>内容控件里的文字，</w:t></w:r></w:sdtContent></w:sdt><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:hyperlink r:id="x"><w:r><w:t>链接文字。</w:t></w:r></w:hyperlink></w:p>`,
      item(1, '第一步'),
      item(1, '第二步'),
      item(2, '要点甲'),
      table,
      `<w:p>${pictureRun('rIdPic')}</w:p>`,
      p('Cap', '图1 示意图'),
      p('Quote1', '一段引用，样式不认识。'),
      p('Outline', '二、大纲级别的标题'),
      p('Normal', '有大纲级别的段落即是标题。'),
      p('Src', '来源：某某日报'),
      p('Dt', '2021年3月4日'),
    ].join(''),
  });

  it('maps styles by name, numbers stripped, lists by numbering, tables with their header, pictures with captions', () => {
    const r = importDocx(docx, 'other.docx');
    expect(r.article).toEqual({
      title: '关于某项工作的报告',
      date: '2021-03-04',
      source: '某某日报',
      body: [
        '这是开头的一段。',
        {
          heading: '总体情况',
          body: [
            '总体平稳。',
            {
              heading: '具体做法',
              body: [
                '内容控件里的文字，链接文字。',
                { list: ['第一步', '第二步'], ordered: true },
                { list: ['要点甲'] },
                { table: { header: ['地区', '数量'], rows: [['城区', '12']] } },
                { image: { src: 'figures/other-1.png', caption: '图1 示意图' } },
                '一段引用，样式不认识。',
              ],
            },
          ],
        },
        { heading: '大纲级别的标题', body: ['有大纲级别的段落即是标题。'] },
      ],
    });
    expect(r.images.map((i) => i.src)).toEqual(['figures/other-1.png']);
  });

  it('reads the styles pandoc writes: Title, Author, Date, Abstract, Heading N, First Paragraph, Body Text, Compact', () => {
    const pandoc = [
      styleXml('Normal', 'Normal', { isDefault: true }),
      styleXml('BodyText', 'Body Text', { basedOn: 'Normal' }),
      styleXml('FirstParagraph', 'First Paragraph', { basedOn: 'BodyText' }),
      styleXml('Compact', 'Compact', { basedOn: 'BodyText' }),
      styleXml('Title', 'Title', { basedOn: 'Normal' }),
      styleXml('Author', 'Author', { basedOn: 'Normal' }),
      styleXml('Date', 'Date', { basedOn: 'Normal' }),
      styleXml('Abstract', 'Abstract', { basedOn: 'Normal' }),
      styleXml('Heading1', 'heading 1', { basedOn: 'Normal' }),
    ].join('');
    const d = makeDocx({
      styles: pandoc,
      body: [p('Title', '报告标题'), p('Author', '张三'), p('Date', '2021-03-04'), p('Abstract', '摘要一段。'), p('Heading1', '第一部分'), p('FirstParagraph', '第一段。'), p('BodyText', '第二段。'), p('Compact', '紧凑的一段。')].join(''),
    });
    expect(importDocx(d, 'pandoc.docx').article).toEqual({
      title: '报告标题',
      date: '2021-03-04',
      author: '张三',
      editorNote: '摘要一段。',
      body: [{ heading: '第一部分', body: ['第一段。', '第二段。', '紧凑的一段。'] }],
    });
  });

  it('names a style it does not know, once, where it is first used', () => {
    expect(messages(importDocx(docx, 'other.docx'))).toEqual([
      "other.docx:16:1: warning[unknown-style]: style '我的引用' (Quote1) is not one jianbao knows: its 1 paragraph is imported as a paragraph\n" +
        "  = hint: give them one of the draft's styles in Word (Body Text, Heading 1…4, 编者按, 来源…) to import them as something else",
    ]);
  });

  it('refuses a document that holds several articles, naming them', () => {
    const two = makeDocx({ styles: STYLES, body: p('Title', '第一篇') + p('Normal', '正文。') + p('Title', '第二篇') + p('Normal', '正文。') });
    expect(errorOf(() => importDocx(two, 'two.docx'))).toMatch(/^two\.docx:3:1: error\[several-articles\]: two\.docx holds 2 articles \('第一篇', '第二篇'\)/);
  });

  it('says what a file is when it is no Word document', () => {
    expect(errorOf(() => importDocx(strToU8('PK\x03\x04 cut short'), 'cut.docx'))).toMatch(/^error\[unsupported-input\]: cut\.docx is a Word document \(\.docx\) that cannot be opened: not a zip archive/);
    const odt = zipSync({ 'content.xml': strToU8('<office:document-content/>') });
    expect(errorOf(() => importDocx(odt, 'x.docx'))).toMatch(/^error\[unsupported-input\]: x\.docx cannot be imported: it is an OpenDocument file \(\.odt\), not a Word document/);
  });

  it('refuses a package that claims to inflate to gigabytes, before inflating it', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    // The central directory entry's uncompressed size, 24 bytes after its signature PK\x01\x02.
    const at = Buffer.from(zip).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    new DataView(zip.buffer, zip.byteOffset).setUint32(at + 24, 0x7fffffff, true);
    expect(errorOf(() => importDocx(zip, 'bomb.docx'))).toMatch(/^bomb\.docx:1:1: error\[xml-size\]: bomb\.docx cannot be imported: word\/document\.xml claims 2,147,483,647 bytes; the limit is 16,777,216/);
  });

  it('reports what it cannot read (a text box, a footnote) instead of dropping it silently', () => {
    const d = makeDocx({
      styles: STYLES,
      body: p('Title', '标题') + `<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:drawing><wp:anchor><wp:docPr id="2" name="文本框"/><a:graphic><a:graphicData><w:txbxContent><w:p><w:r><w:t>框里的字</w:t></w:r></w:p></w:txbxContent></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`,
    });
    expect(messages(importDocx(d, 'd.docx')).filter((m) => m.includes('unplaced'))).toEqual([
      'd.docx:2:1: warning[unplaced]: a footnote in this paragraph is not imported\n  = hint: copy what it holds into the YAML by hand if it belongs to the article',
      'd.docx:2:1: warning[unplaced]: a text box in this paragraph is not imported\n  = hint: copy what it holds into the YAML by hand if it belongs to the article',
    ]);
  });
});

describe("Word's tracked changes and comments", () => {
  const body = (paragraphs: string[]) => makeDocx({ styles: STYLES + styleXml('BodyText', 'Body Text') + styleXml('Heading1', 'heading 1'), body: p('Title', '标题') + paragraphs.join('') });
  const text = (r: ReturnType<typeof importDocx>) => r.article.body;

  it('accepts or rejects an insertion and a deletion inside a paragraph', () => {
    const para = trackDelete(trackInsert(p('BodyText', '今年完成了任务。'), '今年', '全面'), '完成了', '任务', 904);
    const d = body([para]);
    expect(text(importDocx(d, 'd.docx', { changes: 'accept' }))).toEqual(['今年全面完成了。']);
    expect(text(importDocx(d, 'd.docx', { changes: 'reject' }))).toEqual(['今年完成了任务。']);
  });

  it('adds or leaves out a paragraph inserted with changes tracked (its mark and its text)', () => {
    const inserted = `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:ins w:id="5" w:author="甲" w:date="2021-03-10T00:00:00Z"><w:r><w:t>新增的一段。</w:t></w:r></w:ins></w:p>`;
    const d = body([trackMark(p('BodyText', '第一段。'), 'ins'), inserted, p('BodyText', '第三段。')]);
    expect(text(importDocx(d, 'd.docx', { changes: 'accept' }))).toEqual(['第一段。', '新增的一段。', '第三段。']);
    expect(text(importDocx(d, 'd.docx', { changes: 'reject' }))).toEqual(['第一段。', '第三段。']);
  });

  it('removes or keeps a paragraph deleted with changes tracked', () => {
    const deleted = trackMark(`<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:del w:id="6" w:author="甲" w:date="2021-03-10T00:00:00Z"><w:r><w:delText>删去的一段。</w:delText></w:r></w:del></w:p>`, 'del', 7);
    const d = body([p('BodyText', '第一段。'), deleted, p('BodyText', '第三段。')]);
    expect(text(importDocx(d, 'd.docx', { changes: 'accept' }))).toEqual(['第一段。', '第三段。']);
    expect(text(importDocx(d, 'd.docx', { changes: 'reject' }))).toEqual(['第一段。', '删去的一段。', '第三段。']);
  });

  it('follows a tracked style change: a paragraph made a heading', () => {
    const restyled = `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="8" w:author="乙" w:date="2021-03-10T00:00:00Z"><w:pPr><w:pStyle w:val="BodyText"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>新的小标题</w:t></w:r></w:p>`;
    const d = body([restyled, p('BodyText', '正文。')]);
    expect(text(importDocx(d, 'd.docx', { changes: 'accept' }))).toEqual([{ heading: '新的小标题', body: ['正文。'] }]);
    expect(text(importDocx(d, 'd.docx', { changes: 'reject' }))).toEqual(['新的小标题', '正文。']);
    expect(errorOf(() => importDocx(d, 'd.docx'))).toContain('d.docx has 1 tracked change (1 style change) by 乙');
  });

  it('drops or keeps a table row inserted with changes tracked', () => {
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const tbl = `<w:tbl><w:tr>${cell('甲')}${cell('1')}</w:tr><w:tr><w:trPr><w:ins w:id="9" w:author="甲" w:date="2021-03-10T00:00:00Z"/></w:trPr>${cell('乙')}${cell('2')}</w:tr></w:tbl>`;
    const d = body([tbl]);
    expect(text(importDocx(d, 'd.docx', { changes: 'accept' }))).toEqual([{ table: { rows: [['甲', '1'], ['乙', '2']] } }]);
    expect(text(importDocx(d, 'd.docx', { changes: 'reject' }))).toEqual([{ table: { rows: [['甲', '1']] } }]);
  });

  it('needs no choice for formatting changes, which change no text', () => {
    const bold = `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="10" w:author="甲" w:date="2021-03-10T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>加粗了。</w:t></w:r></w:p>`;
    const r = importDocx(body([bold]), 'd.docx');
    expect(text(r)).toEqual(['加粗了。']);
    expect(messages(r, 'info')).toContain("info[tracked-formatting]: 1 tracked formatting change: formatting is the theme's, so they change nothing here");
  });

  it('lists comments with their author, text and the words they are on', () => {
    const commented = `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t>累计捐款约</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>1.3亿元</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>。</w:t></w:r></w:p>`;
    const d = makeDocx({
      styles: STYLES + styleXml('BodyText', 'Body Text'),
      body: p('Title', '标题') + commented,
      comments: '<w:comment w:id="0" w:author="审稿人" w:date="2021-03-10T00:00:00Z"><w:p><w:r><w:t>请核实数字</w:t></w:r></w:p></w:comment>',
    });
    const r = importDocx(d, 'd.docx');
    expect(text(r)).toEqual(['累计捐款约1.3亿元。']);
    expect(messages(r, 'info')).toContain("d.docx:2:6: info[comment]: comment 审稿人: 请核实数字 (on '1.3亿元')");
    expect(r.summary.comments).toBe(1);
  });
});
