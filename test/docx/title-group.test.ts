import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/docx/index.js';
import { diffArticles } from '../../src/import/into/article-diff.js';
import { mergeIntoYaml } from '../../src/import/into/merge.js';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { pdfPlainText } from '../../src/verify/index.js';
import { tempDir } from '../support.js';
import { buildProject } from './fixture.js';

// 示例: an article with a news title group (引题 / 主题 / 副题) and two attachments.
const ARTICLE = `kicker: 示例引题：坚持示例方向
title: 示例市召开示例工作会议
subtitle: 部署下一阶段示例任务
date: 2025-10-15
source: 示例日报
body:
  - 本文为示例内容，会议总结了前一阶段工作。
  - 会议要求各部门抓好落实。
attachments:
  - 示例工作任务分工表
  - 示例工作联系人名单
`;

describe('a title group and attachments, built and read back', () => {
  let dir: string;
  let file: string;
  let docx: Uint8Array;
  let pdf: Uint8Array;

  beforeAll(async () => {
    dir = tempDir('jianbao-title-group-');
    file = path.join(dir, 'content/articles/group.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, ARTICLE);
    const built = await buildProject(dir, [file], { formats: ['pdf', 'docx'] });
    docx = built.read('articles/group/report.docx');
    pdf = built.read('articles/group/report.pdf');
  });

  it('prints the 引题 above the title and the attachments after the body, in the PDF', async () => {
    const { runs } = await readGlyphRuns(pdf);
    const page1 = runs.filter((r) => r.page === 1);
    const y = (s: string) => page1.find((r) => r.glyphs.map((g) => g.text).join('').includes(s))?.y;
    const kicker = y('示例引题');
    const title = y('示例市召开');
    expect(kicker).toBeDefined();
    expect(title).toBeDefined();
    // PDF space: y grows upwards, so the 引题 sits above the title.
    expect(kicker!).toBeGreaterThan(title!);
    const text = (await pdfPlainText(pdf)).replace(/\s+/g, '');
    expect(text).toContain('附件：1.示例工作任务分工表');
    expect(text).toContain('2.示例工作联系人名单');
  });

  it('gives the 引题, 副题 and attachments back as their fields from the Word draft', () => {
    const r = importDocx(docx, 'group.docx');
    expect(r.article.kicker).toBe('示例引题：坚持示例方向');
    expect(r.article.title).toBe('示例市召开示例工作会议');
    expect(r.article.subtitle).toBe('部署下一阶段示例任务');
    expect(r.article.attachments).toEqual(['示例工作任务分工表', '示例工作联系人名单']);
    expect(r.article.body).toEqual(['本文为示例内容，会议总结了前一阶段工作。', '会议要求各部门抓好落实。']);
  });

  it('goes --into its file with no change, and an 引题 deleted in Word is deleted from the file', () => {
    const before = fs.readFileSync(file, 'utf8');
    const same = mergeIntoYaml(before, importDocx(docx, 'group.docx').article, 'group.yaml');
    expect(diffArticles(same.before, same.after).lines).toEqual([]);
    expect(same.yaml).toBe(before);
    const { kicker: _gone, ...edited } = importDocx(docx, 'group.docx').article;
    const merged = mergeIntoYaml(before, edited, 'group.yaml');
    expect(merged.yaml).not.toContain('kicker:');
    expect(merged.yaml).toContain('attachments:');
    expect(diffArticles(merged.before, merged.after).lines).toEqual([{ op: '-', where: 'kicker', text: '示例引题：坚持示例方向' }]);
  });
});
