import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, SEED } from '../support.js';

describe('the seed report DOCX package', () => {
  let files: Record<string, Uint8Array>;
  const xml = (name: string) => strFromU8(files[name]!);

  beforeAll(async () => {
    const { read } = await buildInto([SEED], { formats: ['docx'] });
    files = unzipSync(read('articles/changzhou-united-front-2020/report.docx'));
  });

  it('names the East Asian fonts Word users have, per role, and zh-CN', () => {
    const styles = xml('word/styles.xml');
    expect(styles).toMatch(/w:styleId="Title"[\s\S]*?w:eastAsia="方正小标宋简体"/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:styleId="BodyText"[\s\S]*?w:eastAsia="仿宋_GB2312"/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('indents body paragraphs two characters (two cells of 442.25 pt / 28), at the pitch of Word’s grid: 22 lines of 579 twips in 225 mm', () => {
    const body = /<w:style [^>]*w:styleId="BodyText">[\s\S]*?<\/w:style>/.exec(xml('word/styles.xml'))![0];
    expect(body).toContain('w:firstLineChars="200"');
    expect(body).toContain('w:firstLine="632"');
    expect(body).toMatch(/w:line="579" w:lineRule="exact"/);
  });

  it('leaves overflowPunct out, so Word, WPS and LibreOffice alike let a closing mark hang past the line’s end', () => {
    // Omitted it is on (ECMA-376 §17.3.1.21); LibreOffice reads a written 1 as off.
    expect(xml('word/styles.xml')).not.toContain('<w:overflowPunct');
  });

  it('has A4 pages with the GB/T 9704 margins and a PAGE field footer — N —', () => {
    const doc = xml('word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:top="2098"/);
    expect(doc).toMatch(/w:left="1587"/);
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(xml);
    expect(footers.length).toBe(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
    }
  });

  it('takes its core properties from the content', () => {
    const core = xml('docProps/core.xml');
    expect(core).toContain('<dc:title>创新举措凝心聚力 推进常州统战事业蓬勃发展</dc:title>');
    expect(core).toContain('2021-03-04T00:00:00Z</dcterms:created>');
  });
});
