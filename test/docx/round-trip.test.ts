import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDocx } from '../../src/import/docx/index.js';
import { diffArticles } from '../../src/import/into/article-diff.js';
import { knownImages } from '../../src/import/docx/known-images.js';
import { mergeIntoYaml } from '../../src/import/into/merge.js';
import { buildInto, ROOT, tempDir } from '../support.js';
import { buildProject, richProject } from './fixture.js';
import { modelOf, modelOfYaml } from './model.js';

const ARTICLES = path.join(ROOT, 'content/articles');
/** Every article of the project: the seed and whatever sample articles are there. */
const PRESENT = fs.readdirSync(ARTICLES).filter((f) => f.endsWith('.yaml')).sort();

describe.each(PRESENT)('build → import of content/articles/%s', (name) => {
  const file = path.join(ARTICLES, name);
  const slug = name.replace(/\.yaml$/, '');
  let docx: Uint8Array;
  let draft: Uint8Array;

  beforeAll(async () => {
    docx = (await buildInto([file], { layouts: ['report'], formats: ['docx'] })).read(`articles/${slug}/report.docx`);
    draft = (await buildInto([file], { layouts: ['report'], formats: ['docx'], draft: true })).read(`articles/${slug}/report.draft.docx`);
  });

  it('gives back the same content model (title, fields, sections, paragraphs, tables, in order)', () => {
    const r = importDocx(docx, `${slug}.docx`);
    expect(modelOfYaml(r.yaml, file)).toEqual(modelOf(file));
    expect(r.diagnostics.filter((d) => d.severity !== 'info' && d.rule !== 'range')).toEqual([]);
  });

  it('maps the printed 【column】, 编者按：, （来源：…） and date line back to their fields', () => {
    const data = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const r = importDocx(docx, `${slug}.docx`);
    for (const key of ['column', 'editorNote', 'source', 'date'] as const) expect(r.article[key], key).toBe(data[key]);
  });

  it('leaves the file byte for byte as it is when imported --into it, with an empty diff', () => {
    const before = fs.readFileSync(file, 'utf8');
    const merged = mergeIntoYaml(before, importDocx(docx, `${slug}.docx`).article, name);
    expect(diffArticles(merged.before, merged.after).lines).toEqual([]);
    expect(merged.yaml).toBe(before);
  });

  it('reads a draft (征求意见稿 in the header) the same as a final build', () => {
    expect(importDocx(draft, `${slug}.docx`).article).toEqual(importDocx(docx, `${slug}.docx`).article);
  });
});

describe('build → import of an article with one of everything', () => {
  let project: ReturnType<typeof richProject>;
  let docx: Uint8Array;
  const folder = () => path.dirname(project.file);

  beforeAll(async () => {
    project = richProject();
    docx = (await buildProject(project.dir, [project.file], { formats: ['docx'] })).read('articles/rich/report.docx');
  });

  it('imported --into its file, gives the file back unchanged: same model, same bytes, the picture recognised by its bytes', () => {
    const before = fs.readFileSync(project.file, 'utf8');
    const r = importDocx(docx, 'rich.docx', { images: { folder: folder(), stem: 'rich', known: knownImages(before, folder()) } });
    expect(r.images).toEqual([{ src: 'figures/chart.png', data: expect.any(Uint8Array), exists: true }]);
    expect(Buffer.from(r.images[0]!.data).equals(project.picture)).toBe(true);
    const merged = mergeIntoYaml(before, r.article, 'rich.yaml');
    expect(merged.yaml).toBe(before);
    expect(modelOfYaml(merged.yaml, project.file)).toEqual(modelOf(project.file));
  });

  it('without the file, reads every text back, in order; only what the page cannot show differs', () => {
    const r = importDocx(docx, 'rich.docx', { images: { folder: folder(), stem: 'rich', known: knownImages(fs.readFileSync(project.file, 'utf8'), folder()) } });
    const a = r.article as unknown as Record<string, unknown>;
    expect(a).toMatchObject({ title: '示例标题：表格、图片与多级标题', subtitle: '——副标题示例', column: '调研交流', date: '2021-03-05', source: '示例来源', author: '示例作者' });
    expect(a['editorNote']).toBe('这是一段编者按，含有“引号”和English words。');
    // A paragraph after a subsection reads the same inside it or after it: without the file,
    // it stays in the innermost section (the closing paragraph excepted, as the text importer does).
    expect(r.article.body).toEqual([
      '开头的一段，在第一节之前。',
      {
        heading: '第一节',
        body: [
          '第一节的一段。',
          {
            heading: '第一小节',
            body: [
              {
                heading: '第三级标题',
                body: [
                  {
                    heading: '第四级标题',
                    body: [
                      '第四级的一段。',
                      '第三级的收尾段，在第四级之后。',
                      '第一小节的收尾，在第三级之后。',
                      { table: { caption: '表1 示例表格', header: ['项目', '数量'], rows: [['甲', '1'], ['乙', '2.5']] } },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        heading: '第二节',
        body: [{ image: { src: 'figures/chart.png', caption: '图1 示例图' } }, { list: ['第一项', '第二项'], ordered: true }, { list: ['甲项', '乙项'] }],
      },
      '2021年，我们将继续努力，把工作做得更好。',
    ]);
  });

  it('names a new picture figures/<stem>-N next to the YAML, never over another file', () => {
    fs.writeFileSync(path.join(folder(), 'figures/new-1.png'), 'another file');
    const r = importDocx(docx, 'rich.docx', { images: { folder: folder(), stem: 'new' } });
    expect(r.images.map((i) => [i.src, i.exists])).toEqual([['figures/new-2.png', false]]);
    expect(r.yaml).toContain('src: figures/new-2.png');
  });
});

describe('build → import of an article with an author and no source', () => {
  it('reads the printed （作者：…） line back as `author`, not as a source', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'byline.yaml');
    fs.writeFileSync(file, 'title: 示例标题\ndate: 2021-03-04\nauthor: 示例作者\nbody:\n  - 示例段落。\n');
    try {
      const docx = (await buildInto([file], { layouts: ['report'], formats: ['docx'] })).read('byline/report.docx');
      const back = parse(importDocx(docx, 'byline.docx').yaml) as Record<string, unknown>;
      expect(back.author).toBe('示例作者');
      expect(back).not.toHaveProperty('source');
      expect(modelOfYaml(importDocx(docx, 'byline.docx').yaml, file)).toEqual(modelOf(file));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
