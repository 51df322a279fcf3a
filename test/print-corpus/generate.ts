// Writes the page-level stress corpus (page-*.yaml, bulletin-*.yaml, figures/; committed, read by
// pages.test.ts): fictional sample articles (示例) of varied length, with tables, pictures, four
// heading levels and editor's notes, and a long bulletin. Seeded: the same files each run.
// Run from the repository's root: npx tsx test/print-corpus/generate.ts
import fs from 'node:fs';
import path from 'node:path';
import { png } from '../reliability/images.js';
const DIR = 'test/print-corpus';
let seed = 20210310;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
const S = [
  '示例单位坚持问题导向，围绕年度重点任务细化工作措施，逐项明确责任部门和完成时限。',
  '全年共组织专题调研12次，形成调研报告8篇，其中3篇获示例上级单位批示肯定。',
  '在推进过程中，各部门加强协同配合，建立“周调度、月通报、季总结”工作机制，确保各项任务按进度推进。',
  '截至2020年底，示例项目累计完成投资4.6亿元，同比增长12.5%，完成年度计划的103.2%。',
  '针对基层反映集中的问题，示例单位制定《关于进一步改进工作作风的若干措施（试行）》，明确了十项具体要求。',
  '下一步，将继续深化改革创新，着力补齐短板弱项，推动各项工作再上新台阶。',
  '会议强调，要把思想和行动统一到上级部署要求上来，以更加务实的作风抓好落实。',
  '通过开展“走基层、察实情、解难题”活动，共收集意见建议236条，已办结218条，办结率92.4%。',
  '示例社区探索“网格+志愿”服务模式，组建志愿服务队伍15支，常态化开展便民服务活动。',
  '各单位要认真总结经验做法，及时报送典型案例，为面上工作提供参考借鉴。',
  '在信息化建设方面，示例平台完成二期升级改造，新增数据共享接口28个，日均访问量超过1.2万人次。',
  '与此同时，示例单位注重发挥典型引领作用，评选表彰先进集体6个、先进个人21名。',
  '调研发现，部分基层单位仍存在人员力量不足、工作经费紧张、业务培训不够等问题，需要统筹研究解决。',
  '要坚持把纪律和规矩挺在前面，严格执行各项制度规定，营造风清气正的良好环境。',
  '据统计，全年示例窗口共受理各类事项3.7万件，按时办结率达到99.6%，群众满意度持续提升。',
  '今年以来，示例单位以“三个一批”为抓手，谋划实施一批重点项目、储备一批后续项目、推动一批项目开工。',
  '围绕“十四五”规划编制，示例单位广泛征求意见，组织专家论证会4场，形成规划初稿。',
  '有关部门要加强督促检查，对工作推进不力的，及时通报、限期整改。',
  '示例街道坚持党建引领，推动资源下沉、服务下沉、力量下沉，基层治理水平明显提升。',
  '全体干部职工要进一步增强责任感和紧迫感，以饱满的精神状态投入到各项工作中去。',
  '在疫情防控常态化条件下，示例单位统筹做好防控和业务工作，确保两手抓、两不误。',
  '示例园区新引进企业43家，其中高新技术企业17家，实现规上工业产值同比增长8.9%。',
  '同时，要注重宣传引导，通过政务网站、微信公众号等渠道及时发布工作动态，回应社会关切。',
  '这次培训为期三天，采取专题授课、案例研讨、现场教学相结合的方式，参训人员普遍反映收获很大。',
];
const para = (min: number, max: number) => Array.from({ length: min + Math.floor(rnd() * (max - min + 1)) }, () => pick(S)).join('');
const q = (s: string) => (/[:#\[\]{}&*!|>'"%@`,]/.test(s[0]!) || /: |#/.test(s) ? JSON.stringify(s) : s);
const HEADINGS = ['提高政治站位，压实工作责任', '突出重点任务，狠抓工作落实', '加强统筹协调，形成工作合力', '创新方式方法，提升工作质效', '强化督促检查，确保取得实效', '注重宣传引导，营造良好氛围'];
const SUB = ['健全工作机制', '加强队伍建设', '完善制度体系', '优化服务流程', '强化数据支撑', '深化调查研究'];
const SUB3 = ['明确任务分工', '细化工作措施', '落实保障条件', '加强跟踪问效'];
const SUB4 = ['按月调度', '按季通报', '年终考核'];
function lines(...xs: string[]) { return xs.join('\n') + '\n'; }
function article(o: { title: string; column: string; date: string; note?: string; source?: string; body: string[] }) {
  return lines(
    '# 示例文章（测试语料）：虚构内容，不指向任何真实单位、人员或数据。',
    `title: ${q(o.title)}`,
    `column: ${o.column}`,
    `date: ${o.date}`,
    ...(o.source ? [`source: ${o.source}`] : []),
    ...(o.note ? [`editorNote: ${q(o.note)}`] : []),
    'body:',
    ...o.body,
  );
}
const P = (indent: number, text: string) => `${' '.repeat(indent)}- ${q(text)}`;
function sections(depth: number, count: number, indent: number, level: number): string[] {
  const out: string[] = [];
  const names = [HEADINGS, SUB, SUB3, SUB4][level - 1]!;
  for (let i = 0; i < count; i++) {
    out.push(`${' '.repeat(indent)}- heading: ${names[i % names.length]}`, `${' '.repeat(indent)}  body:`);
    const paras = 1 + Math.floor(rnd() * (level === 1 ? 3 : 2));
    for (let p = 0; p < paras; p++) out.push(P(indent + 4, para(1, level === 1 ? 5 : 3)));
    if (level < depth) out.push(...sections(depth, level >= 3 ? 1 : 2, indent + 4, level + 1));
  }
  return out;
}

// 1. Headings at four levels, an editor's note, paragraphs of every length: a long report.
fs.writeFileSync(path.join(DIR, 'page-headings.yaml'), article({
  title: '关于示例单位2020年度重点工作推进情况的调研报告（示例）', column: '调研报告', date: '2021-01-15', source: '示例编印单位调研处',
  note: '本文为测试语料中的示例稿件，用于检验四级标题、编者按和长文在版面上的表现，所述情况均为虚构。',
  body: [P(2, para(2, 4)), P(2, para(1, 2)), ...sections(4, 2, 2, 1), P(2, para(2, 5))],
}));

// 2. Tables: content-sized columns, long cells, a long table, a row taller than a page.
const tableRows = (n: number) => Array.from({ length: n }, (_, i) => `        - [示例${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i + 1}, ${q(para(0, 1) || '按计划推进')}, '${(rnd() * 100).toFixed(1)}%']`);
const hugeCell = Array.from({ length: 34 }, () => pick(S)).join('');
fs.writeFileSync(path.join(DIR, 'page-tables.yaml'), article({
  title: '示例单位重点项目推进情况表（示例）', column: '数据图表', date: '2021-02-01',
  note: '本文为测试语料：检验表格列宽、跨页表头、超过一页的表格行和表后正文的网格。',
  body: [
    P(2, para(2, 3)),
    '  - table:',
    '      caption: 表1　示例项目完成情况',
    '      header: [项目, 主要内容与进展, 完成率]',
    '      rows:',
    ...tableRows(6),
    P(2, para(3, 5)),
    '  - heading: 分项目推进情况',
    '    body:',
    P(6, para(1, 2)),
    '      - table:',
    '          caption: 表2　示例项目分月进度（跨页）',
    '          header: [序号, 项目名称, 本月进展, 累计完成]',
    '          rows:',
    ...Array.from({ length: 42 }, (_, i) => `            - ['${i + 1}', 示例项目${i + 1}, ${q(para(0, 1) || '正常推进')}, '${(40 + rnd() * 60).toFixed(1)}%']`),
    P(6, para(2, 4)),
    '  - heading: 存在的问题',
    '    body:',
    P(6, para(1, 3)),
    '      - table:',
    '          caption: 表3　示例问题清单（一行长于一页）',
    '          header: [类别, 具体表现]',
    '          rows:',
    `            - [共性问题, ${q(hugeCell)}]`,
    `            - [个性问题, ${q(para(1, 2))}]`,
    P(6, para(2, 4)),
    P(2, para(1, 3)),
  ],
}));

// 3. Pictures: portrait, landscape, very tall, one with its own width; captions on the grid.
// Grey, so a rendered page shows where each picture is.
const grey = (w: number, h: number) => {
  const row = 1 + w * 4;
  const raw = Buffer.alloc(h * row, 0xb0);
  for (let y = 0; y < h; y++) raw[y * row] = 0;
  return png(w, h, raw);
};
fs.writeFileSync(path.join(DIR, 'figures/portrait.png'), grey(30, 45));
fs.writeFileSync(path.join(DIR, 'figures/landscape.png'), grey(64, 24));
fs.writeFileSync(path.join(DIR, 'figures/tall.png'), grey(16, 80));
fs.writeFileSync(path.join(DIR, 'figures/square.png'), grey(32, 32));
fs.writeFileSync(path.join(DIR, 'page-pictures.yaml'), article({
  title: '示例园区建设成效图片报道（示例）', column: '图片新闻', date: '2021-02-20',
  body: [
    P(2, para(2, 3)),
    '  - image: { src: figures/landscape.png, caption: 图1　示例园区全景（横幅图片） }',
    P(2, para(3, 5)),
    '  - image: { src: figures/portrait.png, caption: 图2　示例服务中心（竖幅图片） }',
    P(2, para(2, 4)),
    '  - heading: 园区配套设施',
    '    body:',
    P(6, para(1, 3)),
    '      - image: { src: figures/tall.png, caption: 图3　示例观景塔（窄长图片，不超过版心高度的一半） }',
    P(6, para(3, 6)),
    '      - image: { src: figures/square.png, width: 40%, caption: 图4　示例标识（正文指定宽度） }',
    P(6, para(2, 4)),
    '      - image: { src: figures/landscape.png }',
    P(6, para(4, 7)),
  ],
}));

// 4. Long articles for the bulletin: notes, sections, a table, a picture.
const longArticle = (name: string, title: string, column: string, n: number) =>
  fs.writeFileSync(path.join(DIR, `page-${name}.yaml`), article({
    title, column, date: '2021-03-0' + (1 + Math.floor(rnd() * 8)), source: '示例编印单位',
    ...(rnd() < 0.7 ? { note: para(1, 2) } : {}),
    body: [P(2, para(1, 4)), ...sections(2, n, 2, 1), P(2, para(1, 3))],
  }));
longArticle('long-a', '示例单位扎实推进年度重点工作取得阶段性成效（示例）', '工作动态', 3);
longArticle('long-b', '关于进一步做好示例领域服务保障工作的几点思考', '调研交流', 4);
longArticle('long-c', '示例地区创新基层治理方式的做法与启示（示例）', '他山之石', 3);
longArticle('long-d', '示例单位开展专题培训提升干部能力素质', '工作动态', 2);
longArticle('long-e', '示例街道“网格+志愿”服务模式调查（示例）', '基层探索', 4);

fs.writeFileSync(path.join(DIR, 'bulletin-long.yaml'), lines(
  '# 示例简报（测试语料）：系列名称、编印单位与分送单位均为示例数据，不指向任何真实机关。',
  'bulletin: 工作简报（示例）',
  'issue: 7',
  'totalIssue: 51',
  'publisher: 示例编印单位',
  'date: 2021-03-10',
  'classification: 内部资料　注意保存',
  'editorNote: 本期为测试语料中的示例简报，篇幅较长，用于检验分页、栏目与标题不落页尾、表格与图片、报尾与正文同页等版面要求。',
  'columns:',
  '  - name: 工作动态',
  '    articles: [./page-long-d.yaml]',
  '  - name: 调研交流',
  '    articles: [./page-long-b.yaml, ./page-tables.yaml]',
  '  - name: 他山之石',
  '    articles: [./page-long-c.yaml, ./page-pictures.yaml]',
  '  - name: 基层探索',
  '    articles: [./page-long-e.yaml]',
  'distribution:',
  '  报: [示例上级单位一, 示例上级单位二, 示例上级单位三]',
  '  送: [示例协作单位一, 示例协作单位二]',
  '  发: [示例单位各部门, 示例下属各单位]',
  'copies: 120',
  'layouts: [bulletin, booklet]',
));
console.log('written');
