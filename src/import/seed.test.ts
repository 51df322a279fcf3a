import { existsSync, readFileSync } from 'node:fs';
import { bodyTexts as texts } from './article.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics/index.js';
import { importFile, normalizePunctuation, type ImportedArticle, type ImportedBlock, type ImportResult } from './readers/index.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const FIXTURES = here('../../test/fixtures/import/');
/** A byte-identical copy of ../shared/seeds/000_92ff920bbef54819.txt, so the tests stand alone. */
const SEED = `${FIXTURES}000_92ff920bbef54819.txt`;
const SHARED_SEED = here('../../../shared/seeds/000_92ff920bbef54819.txt');
const CONTENT = here('../../content/articles/changzhou-united-front-2020.yaml');

const HEADINGS = [
  '大战大考彰显担当作为',
  '统战工作体系更加完善',
  '多党合作制度效能有效提升',
  '民营经济“两个健康”成效明显',
  '民族宗教领域和谐稳定',
  '党外知识分子、新的社会阶层人士工作扎实开展',
  '港澳台统战工作有序推进',
  '新时代侨务工作创新开展',
  '各项重点工作扎实推进',
  '机关党建水平全面提升',
];

function allText(a: ImportedArticle): string[] {
  return [a.title ?? '', a.column ?? '', a.source ?? '', a.editorNote ?? '', ...texts(a.body)];
}

const seed: ImportResult = await importFile(SEED);

describe('the seed', () => {
  it('is the shared seed, byte for byte', () => {
    if (!existsSync(SHARED_SEED)) return;
    expect(readFileSync(SEED)).toEqual(readFileSync(SHARED_SEED));
  });

  it('has its title, date, source, column and editor’s note', () => {
    expect(seed.article).toMatchObject({
      title: '创新举措凝心聚力 推进常州统战事业蓬勃发展',
      column: '他山之石',
      date: '2021-03-04',
      source: '常州日报',
    });
    expect(seed.article.editorNote).toMatch(/^2020年是极不平凡的一年，全市统一战线.*取得显著成效。$/);
  });

  it('has exactly 10 level-1 sections with the seed’s headings, numbers stripped, one paragraph each', () => {
    const sections = seed.article.body.filter((b): b is { heading: string; body: ImportedBlock[] } => typeof b === 'object' && 'heading' in b);
    expect(sections.map((s) => s.heading)).toEqual(HEADINGS);
    for (const s of sections) expect(s.body).toHaveLength(1);
    expect(seed.summary.counts).toMatchObject({ sections: [10, 0, 0, 0], paragraphs: 11, intro: 0, closing: 1 });
  });

  it('ends with the closing paragraph, after the last section', () => {
    const last = seed.article.body[seed.article.body.length - 1];
    expect(last).toMatch(/^2021年，全市统一战线将认真按照.*作出新的更大的贡献！$/);
  });

  it('leaves no ASCII , : ( ) ! in the Chinese text', () => {
    for (const t of allText(seed.article)) expect(t).not.toMatch(/[,:()!;?]/);
  });

  it('keeps 1.3亿元, 98.7%, “1+6+N” and 2020-2035, and reports the range', () => {
    const text = allText(seed.article).join('\n');
    for (const kept of ['1.3亿元', '98.7%', '“1+6+N”', '（2020-2035年）', '“同心建言‘十四五’ 共绘美丽新常州”']) expect(text).toContain(kept);
    const ranges = seed.diagnostics.filter((d) => d.rule === 'range');
    expect(ranges.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      `${SEED}:29:277: warning[range]: numeric range '2020-2035': GB/T 15834 joins a range with '—' or '～'`,
    ]);
  });

  it('counts and places every punctuation change in the source file', () => {
    expect(seed.summary.punctuation).toMatchObject({
      changes: 119,
      byKind: { "',' → '，'": 108, "'(' → '（'": 5, "')' → '）'": 5, "'!' → '！'": 1 },
      rangeCount: 1,
      unbalanced: 0,
    });
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const changes = seed.diagnostics.filter((d) => d.rule === 'punct');
    expect(changes).toHaveLength(119);
    for (const d of changes) {
      const original = /^'(.+?)' →/.exec(d.message)![1]!;
      expect(lines[d.pos!.line - 1]!.slice(d.pos!.column - 1).startsWith(original)).toBe(true);
    }
    expect(formatDiagnostic(changes[0]!)).toBe(`${SEED}:9:22: info[punct]: ',' → '，'`);
  });

  it('loses and reorders nothing of the body', () => {
    const squeeze = (s: string) => normalizePunctuation(s).text.replace(/\s/g, '');
    const lines = readFileSync(SEED, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const from = lines.findIndex((l) => l.startsWith('编者按'));
    const source = lines
      .slice(from)
      .map((l) => l.replace(/^编者按[:：]/, '').replace(/^来源[:：]/, '').replace(/^[一二三四五六七八九十]+、/, ''))
      .join('\n');
    const imported = [seed.article.editorNote, ...texts(seed.article.body), seed.article.source].join('\n');
    expect(squeeze(imported)).toBe(squeeze(source));
  });

  it('places every line: nothing unplaced, the furniture listed', () => {
    expect(seed.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule)).toEqual(['range']);
    expect(seed.summary.furniture.map((f) => [f.line, f.what])).toEqual([
      [2, 'column name again (dropped)'],
      [3, 'breadcrumb (dropped)'],
      [7, 'publication date (→ date), view counter (dropped)'],
      [53, 'source (→ source)'],
    ]);
  });

  it('is the content file in the repository, byte for byte', () => {
    expect(seed.yaml).toBe(readFileSync(CONTENT, 'utf8'));
    expect(seed.yaml.split('\n')[0]).toBe('# imported by jianbao import from 000_92ff920bbef54819.txt');
  });

  it('keeps punctuation as it is with keepPunctuation', async () => {
    const kept = await importFile(SEED, { keepPunctuation: true });
    expect(kept.article.editorNote).toContain('2020年是极不平凡的一年,全市');
    expect(kept.diagnostics.filter((d) => d.rule === 'punct' || d.rule === 'range')).toEqual([]);
    expect(kept.summary.counts).toEqual(seed.summary.counts);
  });

  it('joins the range when asked', async () => {
    const dashed = await importFile(SEED, { ranges: 'dash' });
    expect(allText(dashed.article).join('')).toContain('（2020—2035年）');
    expect(dashed.summary.punctuation.byKind["'-' → '—'"]).toBe(1);
  });
});

describe('other encodings and formats of the seed', () => {
  it('imports a GB18030 copy to the same article', async () => {
    const gb = await importFile(`${FIXTURES}seed-gb18030.txt`);
    expect(gb.summary.encoding).toBe('gb18030');
    expect(gb.article).toEqual(seed.article);
    expect(gb.summary.punctuation).toEqual(seed.summary.punctuation);
    expect(gb.diagnostics.map((d) => d.pos?.line)).toEqual([1, ...seed.diagnostics.map((d) => d.pos?.line)]);
  });

  it('imports a saved HTML page of it to the same article', async () => {
    const page = await importFile(`${FIXTURES}seed.html`);
    expect(page.summary.format).toBe('html');
    expect(page.article).toEqual(seed.article);
    expect(page.summary.punctuation).toEqual(seed.summary.punctuation);
    expect(page.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule)).toEqual(['range']);
    // Every line of the page around the article is listed, with its line: menus, the breadcrumb, the footer.
    const furniture = page.summary.furniture.map((f) => [f.line, f.what, f.text]);
    expect(furniture).toEqual(
      expect.arrayContaining([
        [20, 'page head above the title (dropped)', '欢迎访问常州统一战线网！ 登录'],
        [28, 'column name again (dropped)', '他山之石'],
        [43, 'breadcrumb (dropped)', '您当前的位置: 网站首页> 正文'],
        [46, 'publication date (→ date), view counter (dropped)', '发布时间:2021-03-04 浏览:'],
        [84, 'page footer (dropped)', '版权所有：中共常州市委统战部 © 2021'],
      ]),
    );
    expect(page.diagnostics.filter((d) => d.rule === 'unplaced')).toEqual([]);
  });

  it('points each HTML change at the page source, entities and all', async () => {
    const page = await importFile(`${FIXTURES}seed.html`);
    const lines = readFileSync(`${FIXTURES}seed.html`, 'utf8').split('\n');
    const changes = page.diagnostics.filter((d) => d.rule === 'punct');
    expect(changes).toHaveLength(119);
    for (const d of changes) {
      const original = /^'(.+?)' →/.exec(d.message)![1]!;
      expect(lines[d.pos!.line - 1]!.slice(d.pos!.column - 1).startsWith(original)).toBe(true);
    }
  });
});
