import fs from 'node:fs';
import path from 'node:path';
import { chineseNumeral } from '../../src/templates/chinese-numerals.js';
import { tempDir } from '../support.js';

/** Pieces of sample text (示例): every article's title and body are made of them. */
const TOPICS = ['基层信息报送', '年度重点任务', '机关作风建设', '调查研究工作', '档案管理规范', '培训交流活动', '安全生产检查', '志愿服务项目'];
const SENTENCES = [
  '会议听取了各部门的工作汇报，研究部署了下一阶段的重点任务（示例）。',
  '各单位要把任务分解到岗、落实到人，确保各项措施按时见效。',
  '这一做法在试点单位取得了良好效果，下一步将在全系统推广。',
  '与会人员围绕如何提高信息质量、加快报送速度等问题进行了深入交流。',
  '通过建立台账、定期通报、跟踪问效，形成了一套行之有效的工作机制。',
];

export interface GeneratedIssue {
  /** The project folder: content/ only; the package's templates lay it out. */
  dir: string;
  /** The issue file. */
  file: string;
  /** Each article's title, in the order of the issue. */
  titles: string[];
  columns: string[];
}

/**
 * A bulletin issue of `count` sample articles (示例) in `columnCount` columns, written into a fresh
 * project: titles of every length (short ones, and long ones that wrap in the contents) and bodies
 * of one to several pages, so the contents list runs over two pages and titles land on pages
 * whose numbers are not simply 1, 2, 3.
 */
export function generatedIssue(count: number, columnCount: number): GeneratedIssue {
  if (columnCount < 1 || columnCount > count) throw new Error('each column needs an article');
  const dir = tempDir('jianbao-issue-');
  const titles: string[] = [];
  const slugs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const long = i % 3 === 0;
    const title = long ? `关于进一步加强和改进${topic}工作、全面提升服务质量的实施意见第${chineseNumeral(i)}号（示例）` : `${topic}工作交流之${chineseNumeral(i)}（示例）`;
    const paragraphs = Array.from({ length: 2 + ((i * 7) % 6) }, (_, k) => Array.from({ length: 2 + ((i + k) % 4) }, (_, s) => SENTENCES[(i + k + s) % SENTENCES.length]).join(''));
    const slug = `sample-${i}`;
    const yaml = [`title: ${title}`, `date: 2021-03-0${1 + (i % 9)}`, 'source: 示例来源', 'body:', ...paragraphs.map((p) => `  - ${p}`), ''].join('\n');
    fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content/articles', `${slug}.yaml`), yaml);
    titles.push(title);
    slugs.push(slug);
  }
  const columns = Array.from({ length: columnCount }, (_, c) => `示例栏目${chineseNumeral(c + 1)}`);
  // Column c takes the articles from c·count/columnCount on: every column gets at least one.
  const cut = (c: number) => Math.floor((c * count) / columnCount);
  const issue = [
    'bulletin: 工作简报（示例）',
    'issue: 3',
    'publisher: 示例编印单位',
    'date: 2021-03-10',
    'columns:',
    ...columns.map((name, c) => `  - { name: ${name}, articles: [${slugs.slice(cut(c), cut(c + 1)).join(', ')}] }`),
    'distribution:',
    '  报: [示例上级单位]',
    '  发: [示例单位各部门]',
    'copies: 40',
    'layouts: [bulletin, booklet]',
    '',
  ].join('\n');
  fs.mkdirSync(path.join(dir, 'content/bulletins'), { recursive: true });
  const file = path.join(dir, 'content/bulletins/generated.yaml');
  fs.writeFileSync(file, issue);
  return { dir, file, titles, columns };
}
