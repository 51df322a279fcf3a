import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/docx/index.js';
import { buildInto, ROOT, SEED } from '../support.js';
import { editDocx, paragraphsOf, partOf, wordParagraph } from './word-xml.js';

/** The `<w:style>` element of a style id. */
function style(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

const ARTICLES = fs.readdirSync(path.join(ROOT, 'content/articles')).filter((f) => f.endsWith('.yaml')).sort();

describe('a Word draft as an office would make it by hand', () => {
  let docx: Uint8Array;
  let draft: Uint8Array;
  const part = (name: string) => partOf(docx, name);

  beforeAll(async () => {
    docx = (await buildInto([SEED], { formats: ['docx'] })).read('articles/changzhou-united-front-2020/report.docx');
    draft = (await buildInto([SEED], { formats: ['docx'], draft: true })).read('articles/changzhou-united-front-2020/report.docx');
  });

  it.each(ARTICLES)('gives every paragraph of %s a named style that styles.xml defines', async (name) => {
    const built = (await buildInto([path.join(ROOT, 'content/articles', name)], { layouts: ['report'], formats: ['docx'] })).read(`articles/${name.replace(/\.yaml$/, '')}/report.docx`);
    const styles = partOf(built, 'word/styles.xml');
    for (const p of paragraphsOf(partOf(built, 'word/document.xml')).filter((q) => q.text.trim() !== '')) {
      expect(p.style, p.text).not.toBe('');
      expect(style(styles, p.style), p.style).toMatch(/<w:name w:val="[^"]+"\/>/);
    }
  });

  it('uses the theme’s style names: Title, heading 1, Body Text, 编者按, 来源, 日期, 栏目; all in the style gallery', () => {
    const styles = part('word/styles.xml');
    const names = Object.fromEntries([...styles.matchAll(/w:styleId="([^"]+)"[^>]*><w:name w:val="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    expect(names).toMatchObject({ Title: 'Title', Heading1: 'heading 1', Heading2: 'heading 2', Heading3: 'heading 3', Heading4: 'heading 4', BodyText: 'Body Text', EditorNote: '编者按', Source: '来源', Date: '日期', Column: '栏目' });
    for (const id of ['Title', 'Heading1', 'BodyText', 'EditorNote', 'Source', 'Date', 'Column']) expect(style(styles, id), id).toContain('<w:qFormat/>');
    const used = paragraphsOf(part('word/document.xml')).map((p) => p.style);
    expect([...new Set(used)]).toEqual(['Column', 'Title', 'EditorNote', 'Heading1', 'BodyText', 'Source', 'Date']);
  });

  it('has styles for what the theme does not name: 图片 (a picture’s line, never of exact height) and 表头 (bold header cells)', () => {
    const styles = part('word/styles.xml');
    expect(style(styles, 'Picture')).toContain('<w:name w:val="图片"/>');
    expect(style(styles, 'Picture')).toContain('<w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/>');
    expect(style(styles, 'Picture')).toContain('<w:jc w:val="center"/>');
    expect(style(styles, 'TableHeading')).toContain('<w:basedOn w:val="TableText"/>');
    expect(style(styles, 'TableHeading')).toContain('<w:b/>');
  });

  it('lists the sections in the navigation pane: headings carry outline levels, and Enter after one gives Body Text', () => {
    const styles = part('word/styles.xml');
    for (const n of [1, 2, 3, 4]) {
      expect(style(styles, `Heading${n}`)).toContain(`<w:outlineLvl w:val="${n - 1}"/>`);
      expect(style(styles, `Heading${n}`)).toContain('<w:next w:val="BodyText"/>');
    }
  });

  it('formats runs only where the content has emphasis: the bold 编者按： label', () => {
    const runs = [...part('word/document.xml').matchAll(/<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)].map((m) => [m[2], m[1]]);
    expect(runs).toEqual([['编者按：', '<w:rPr><w:b/><w:bCs/></w:rPr>']]);
  });

  it('sets East Asian and Latin fonts per role, and zh-CN for text, theme and document', () => {
    const styles = part('word/styles.xml');
    const fonts = (id: string) => /<w:rFonts ([^>]*)\/>/.exec(style(styles, id))?.[1];
    expect(fonts('Title')).toBe('w:ascii="Times New Roman" w:eastAsia="方正小标宋简体" w:hAnsi="Times New Roman" w:hint="eastAsia"');
    expect(fonts('Heading1')).toContain('w:eastAsia="黑体"');
    expect(fonts('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(fonts('EditorNote')).toContain('w:eastAsia="楷体_GB2312"');
    expect(fonts('BodyText')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts('Footer')).toContain('w:eastAsia="宋体"');
    for (const id of ['Title', 'Heading1', 'BodyText', 'Source']) expect(style(styles, id)).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(part('word/settings.xml')).toContain('<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(part('docProps/core.xml')).toContain('<dc:language>zh-CN</dc:language>');
  });

  it('indents two characters (chars, and twips of two grid cells), on the grid’s exact line pitch, punctuation full width as the theme (quanjiao) says', () => {
    const styles = part('word/styles.xml');
    for (const id of ['BodyText', 'Heading1', 'EditorNote']) {
      // Two cells of 442.25 pt / 28: 31.59 pt.
      expect(style(styles, id), id).toContain('<w:ind w:firstLine="632" w:firstLineChars="200"/>');
      expect(style(styles, id), id).toMatch(/<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    }
    // 1.5 lines of 579 twips, rounded down.
    expect(style(styles, 'Title')).toMatch(/w:line="868" w:lineRule="exact"/);
    const settings = part('word/settings.xml');
    expect(settings).toContain('<w:characterSpacingControl w:val="doNotCompress"/>');
    // Schema order: characterSpacingControl before compat, themeFontLang after it.
    expect(settings.indexOf('<w:characterSpacingControl')).toBeLessThan(settings.indexOf('<w:compat>'));
    expect(settings.indexOf('<w:themeFontLang')).toBeGreaterThan(settings.indexOf('</w:compat>'));
  });

  it('breaks a long title where the PDF does, with a line break the importer reads through', () => {
    const title = paragraphsOf(part('word/document.xml')).find((p) => p.style === 'Title')!;
    expect(title.xml).toContain('<w:t xml:space="preserve">创新举措凝心聚力 </w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">推进常州统战事业蓬勃发展</w:t>');
    expect(importDocx(docx, 'seed.docx').article.title).toBe('创新举措凝心聚力 推进常州统战事业蓬勃发展');
  });

  it('is A4 with the layout’s margins, and numbers pages — N — in a PAGE field, odd right and even left', () => {
    const doc = part('word/document.xml');
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.fromEntries(['default', 'even'].map((t) => [t, new RegExp(`<w:footerReference w:type="${t}" r:id="(rId\\d+)"`).exec(doc)?.[1]]));
    const rels = part('word/_rels/document.xml.rels');
    const target = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const odd = part(`word/${target(footers['default'])}`);
    const even = part(`word/${target(footers['even'])}`);
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    for (const f of [odd, even]) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(f).toContain('<w:t xml:space="preserve"> —</w:t>');
    }
  });

  it('takes its document properties from the content, and marks itself a jianbao draft', () => {
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>创新举措凝心聚力 推进常州统战事业蓬勃发展</dc:title>');
    expect(core).toContain('<dc:subject>他山之石</dc:subject>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-04T00:00:00Z</dcterms:created>');
    expect(part('docProps/custom.xml')).toContain('name="jianbao"');
  });

  it('puts 征求意见稿 in a red header line of a draft, and no header at all in a final build', () => {
    const headerOf = (d: Uint8Array) => Object.keys(partsOf(d)).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => partOf(d, n));
    const headers = headerOf(draft);
    expect(headers.length).toBe(2);
    for (const h of headers) {
      expect(h).toContain('<w:pStyle w:val="Header"/>');
      expect(h).toContain('征求意见稿');
    }
    expect(style(partOf(draft, 'word/styles.xml'), 'Header')).toContain('<w:color w:val="E60012"/>');
    expect(headerOf(docx)).toEqual([]);
    expect(partOf(draft, 'word/document.xml')).toContain('<w:headerReference w:type="default"');
    expect(part('word/document.xml')).not.toContain('征求意见稿');
  });
});

describe('heading numbers are text the template writes and the importer strips', () => {
  it('renumbers a section added in Word with no number, or with a wrong one, when the content is built again', async () => {
    const docx = (await buildInto([SEED], { formats: ['docx'] })).read('articles/changzhou-united-front-2020/report.docx');
    const edited = editDocx(docx, (parts) => {
      const xml = parts['word/document.xml']!;
      const closing = paragraphsOf(xml).find((p) => p.text.startsWith('2021年'))!;
      const added = wordParagraph('Heading1', '新增一节，未编号') + wordParagraph('BodyText', '正文一。') + wordParagraph('Heading1', '五、编号写错的一节') + wordParagraph('BodyText', '正文二。');
      parts['word/document.xml'] = xml.slice(0, closing.start) + added + xml.slice(closing.start);
    });
    const headings = paragraphsOf(partOf(docx, 'word/document.xml')).filter((p) => p.style === 'Heading1');
    expect(headings[0]!.xml).toContain('<w:r><w:t xml:space="preserve">一、</w:t></w:r>');
    expect(headings[0]!.xml).not.toContain('<w:numPr>');
    const body = importDocx(edited, 'edited.docx').article.body as { heading?: string }[];
    expect(body.filter((b) => b.heading).map((b) => b.heading).slice(-3)).toEqual(['机关党建水平全面提升', '新增一节，未编号', '编号写错的一节']);
  });
});

/** Names of the parts of a package. */
function partsOf(docx: Uint8Array): Record<string, true> {
  const names: Record<string, true> = {};
  unzipSync(docx, { filter: (f) => ((names[f.name] = true), false) });
  return names;
}
