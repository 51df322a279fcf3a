import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics/index.js';
import { headingMarker, headingShape, chineseNumber } from './headings.js';
import { labelledDate, parseDate, parseLabelled } from './furniture.js';
import { importBytes, type ImportedBlock, type ImportOptions } from './readers/index.js';

const run = (text: string, options: ImportOptions = {}) => importBytes(Buffer.from(text, 'utf8'), 'a.txt', options);
const warnings = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic);

describe('heading markers', () => {
  it.each([
    ['一、大战大考', 1, 1],
    ['十二、机关党建', 1, 12],
    ['（一）坚持党的领导', 2, 1],
    ['(三)完善制度', 2, 3],
    ['1.加强组织建设', 3, 1],
    ['12、做好宣传', 3, 12],
    ['（1）完善制度', 4, 1],
    ['②落实责任', 4, 2],
    ['第一部分 总体情况', 1, 1],
    ['第三章　组织', 1, 3],
    ['第二节 要求', 2, 2],
  ])('%s is level %i, number %i', (text, level, ordinal) => {
    expect(headingMarker(text)).toMatchObject({ level, ordinal });
  });
  it.each(['1.3亿元是总额', '2020年是极不平凡的一年', '一是加强领导', '第一时间深入基层', '3.15晚会'])('%s is no heading', (text) => {
    expect(headingMarker(text)).toBeUndefined();
  });
  it('reads Chinese numerals', () => {
    expect([chineseNumber('十'), chineseNumber('二十三'), chineseNumber('一百零五'), chineseNumber('甲')]).toEqual([10, 23, 105, NaN]);
  });
  it('tells a heading, a run-in heading and a numbered paragraph apart', () => {
    expect(headingShape('坚持党的领导')).toEqual({ kind: 'heading' });
    expect(headingShape('坚持党的领导。')).toEqual({ kind: 'heading' });
    expect(headingShape('坚持党的领导。全市各级党组织认真落实。')).toEqual({ kind: 'run-in', headingEnd: 7 });
    expect(headingShape('坚持“两个毫不动摇”。全市')).toEqual({ kind: 'run-in', headingEnd: 11 });
    expect(headingShape('各级党委要把统战工作纳入重要议事日程，纳入领导班子考核，纳入宣传工作计划，真正做好分内事。')).toEqual({ kind: 'paragraph' });
    expect(headingShape('加强组织建设；完善制度')).toEqual({ kind: 'paragraph' });
  });
});

describe('publication lines', () => {
  const dateOf = (line: string) => {
    const l = parseLabelled(line);
    return l ? labelledDate(l)?.date : undefined;
  };
  it.each([
    ['发布时间:2021-03-04 浏览:', '2021-03-04'],
    ['发布日期：2021年3月4日', '2021-03-04'],
    ['时间：2021/3/4 10:20', '2021-03-04'],
    ['[2021-03-04]', '2021-03-04'],
    ['2021年03月04日 09:30', '2021-03-04'],
    ['来源：新华社 发布时间：2021-03-04 10:21:33 点击数：123', '2021-03-04'],
    ['【发布时间：2021.3.4】【字体：大 中 小】【打印】【关闭】', '2021-03-04'],
    ['发布时间：2025-11-20 10:30 来源：示例 浏览次数：1532 【字号：大 中 小】', '2025-11-20'],
    ['点击：-- 发布日期：2025-10-09', '2025-10-09'],
    ['2025-12-03 09:15:20\u3000来源：示例\u3000作者：示例', '2025-12-03'],
    ['2025年12月03日05:41 | 来源：示例日报', '2025-12-03'],
    ['2025 06/05 10:12:36', '2025-06-05'],
    ['时间:2025-01-20 16:45来源:未知作者:admin点击:次', '2025-01-20'],
    ['来源：示例日报 2025-12-03 09:15', '2025-12-03'],
  ])('%s', (line, date) => expect(dateOf(line)).toBe(date));
  it('reads source, author and editor, in any order and with any separators', () => {
    const fields = (line: string) => Object.fromEntries(parseLabelled(line)!.fields.map((f) => [f.kind, f.value]));
    expect(fields('作者：张三 来源：常州日报')).toEqual({ author: '张三', source: '常州日报' });
    expect(fields('（责任编辑：李四）')).toEqual({ editor: '李四' });
    expect(fields('来源：示例晚报  作者：杨示例  我要评论')).toEqual({ source: '示例晚报', author: '杨示例' });
    expect(fields('来源：示例日报 2025-12-03 09:15')).toEqual({ source: '示例日报' });
    expect(fields('索引号：\t00000000-1/2025-00211\t主题分类：\t劳动、人事、监察')).toEqual({ catalogue: '劳动、人事、监察' });
  });
  it('takes digits, placeholders and empty script slots as counters', () => {
    for (const line of ['浏览次数：1532', '点击：--', '点击数：', '阅读：1532次', '浏览量：—']) expect(parseLabelled(line)?.fields[0]?.kind).toBe('views');
    expect(parseLabelled('阅读：这篇文章')).toBeUndefined();
  });
  it('is no labelled line when body text starts with a label', () => {
    expect(parseLabelled('时间：下午三点，地点：市政府')).toBeUndefined();
    expect(parseLabelled('来源：群众反映的问题，我们认真整改，逐条落实。')).toBeUndefined();
    expect(parseLabelled('图片来源：网络')).toBeUndefined();
  });
  it('rejects impossible dates', () => {
    expect(parseDate('2021-02-30')).toBeUndefined();
    expect(parseDate('2020年2月29日')).toBe('2020-02-29');
  });
});

const FOUR_LEVELS = `统战工作
关于2020年统战工作的报告
发布日期：2021年3月4日  来源：市委统战部
【编者按】这是一份报告。
一、总体情况
（一）坚持党的领导。全市各级党组织认真落实主体责任。
1.加强组织建设
（1）完善制度
制度更加完善。
（2）落实责任
责任落实到人。
2.做好宣传
宣传有力。
（二）服务大局
服务更加精准。
二、下一步打算
继续努力。
总之，我们要再接再厉。
作者：张三
责任编辑：李四
上一篇：某某新闻
`;

describe('structure', () => {
  it('nests four levels, splits a run-in heading, and finds the closing paragraph', () => {
    const r = run(FOUR_LEVELS);
    expect(r.article).toMatchObject({
      title: '关于2020年统战工作的报告',
      column: '统战工作',
      date: '2021-03-04',
      source: '市委统战部',
      author: '张三',
      editorNote: '这是一份报告。',
    });
    const expected: ImportedBlock[] = [
      {
        heading: '总体情况',
        body: [
          {
            heading: '坚持党的领导。',
            body: [
              '全市各级党组织认真落实主体责任。',
              { heading: '加强组织建设', body: [{ heading: '完善制度', body: ['制度更加完善。'] }, { heading: '落实责任', body: ['责任落实到人。'] }] },
              { heading: '做好宣传', body: ['宣传有力。'] },
            ],
          },
          { heading: '服务大局', body: ['服务更加精准。'] },
        ],
      },
      { heading: '下一步打算', body: ['继续努力。'] },
      '总之，我们要再接再厉。',
    ];
    expect(r.article.body).toEqual(expected);
    expect(r.summary.counts).toMatchObject({ sections: [2, 2, 2, 2], closing: 1 });
    expect(r.summary.furniture.map((f) => f.what)).toEqual([
      'publication date (→ date), source (→ source)',
      'author (→ author)',
      'editor (dropped: the content format has no field for it)',
      'page tail (dropped)',
    ]);
    expect(warnings(r)).toEqual([]);
  });

  it('nests 第一部分 above 一、', () => {
    const r = run('标题\n发布时间：2021-03-04\n第一部分 回顾\n一、成绩\n成绩很大。\n二、问题\n问题不少。\n第二部分 展望\n一、目标\n目标明确。\n');
    expect(r.article.body).toEqual([
      { heading: '回顾', body: [{ heading: '成绩', body: ['成绩很大。'] }, { heading: '问题', body: ['问题不少。'] }] },
      { heading: '展望', body: [{ heading: '目标', body: ['目标明确。'] }] },
    ]);
  });

  it('keeps a long numbered sentence as a paragraph, number and all', () => {
    const long = '1.各级党委要把统战工作纳入重要议事日程，纳入领导班子考核，纳入宣传工作计划，真正做好分内事。';
    const r = run(`标题\n发布时间：2021-03-04\n${long}\n`);
    expect(r.article.body).toEqual([long]);
    expect(r.diagnostics.map((d) => d.rule)).toContain('numbered-paragraph');
  });

  it('warns about a number out of sequence', () => {
    const r = run('标题\n发布时间：2021-03-04\n一、甲\n甲。\n三、丙\n丙。\n');
    expect(warnings(r)).toEqual([
      "a.txt:5:1: warning[heading-sequence]: heading numbered '三、' out of sequence: it follows '一、'\n  = hint: the template numbers sections itself; check that no heading was missed or mistaken",
    ]);
  });

  it('lists the page’s head and tail with their lines, and warns about a sentence it cannot place', () => {
    const r = run('网站名称：常州统一战线网\n他山之石\n标题在此\n发布时间：2021-03-04\n正文。\n来源：常州日报\n相关链接\n常州统一战线网\n');
    expect(r.article).toMatchObject({ title: '标题在此', column: '他山之石', source: '常州日报', body: ['正文。'] });
    expect(r.summary.furniture.map((f) => [f.line, f.what])).toEqual([
      [1, 'page head above the title (dropped)'],
      [4, 'publication date (→ date)'],
      [6, 'source (→ source)'],
      [7, 'page tail (dropped)'],
      [8, 'page tail (dropped)'],
    ]);
    expect(warnings(r)).toEqual([]);
    const prose = run('这是一段写在标题上面的长句子，它读起来像正文，却不在文章里，导入时要说出来。\n标题在此\n发布时间：2021-03-04\n正文第一段。\n');
    expect(warnings(prose).map((w) => w.split('\n')[0])).toEqual([
      "a.txt:1:1: warning[unplaced]: above the title and not a column name: '这是一段写在标题上面的长句子，它读起来像正文，却不在文章里，导入时要说出来。' is not imported",
    ]);
  });

  it('finds column and title without a publication line, and asks for the date', () => {
    const r = run('他山之石\n他山之石\n创新举措凝心聚力\n——记常州统一战线\n正文第一段。\n');
    expect(r.article).toMatchObject({ column: '他山之石', title: '创新举措凝心聚力', subtitle: '——记常州统一战线', body: ['正文第一段。'] });
    expect(warnings(r)[0]).toMatch(/warning\[missing-date\]/);
  });

  it('joins a hard-wrapped paragraph, but not separate ones', () => {
    const text = '标题\n发布时间：2021-03-04\n\n　　全市统一战线在市委的坚强领导下坚持以习近平新时代中国特色社会\n主义思想为指导深入贯彻落实中央的决策部署。\n　　第二段很短。\n';
    const r = run(text);
    expect(r.article.body).toEqual(['全市统一战线在市委的坚强领导下坚持以习近平新时代中国特色社会主义思想为指导深入贯彻落实中央的决策部署。', '第二段很短。']);
    expect(r.diagnostics.filter((d) => d.rule === 'joined').map((d) => d.pos?.line)).toEqual([5]);
  });

  it('reads a by-line and an editor’s note on its own line', () => {
    const r = run('标题\n文/张三\n发布时间：2021-03-04\n编者按\n这是按语。\n正文。\n');
    expect(r.article).toMatchObject({ author: '张三', editorNote: '这是按语。', body: ['正文。'] });
    const bare = run('标题\n发布时间：2021-03-04\n编者按：\n一、甲\n甲。\n');
    expect(bare.article.editorNote).toBeUndefined();
    expect(warnings(bare)[0]).toMatch(/^a\.txt:3:1: warning\[unplaced\]: an editor's note label with no note after it: '编者按：'/);
  });

  it('reports unbalanced brackets and quotes at their source position', () => {
    const r = run('标题\n发布时间：2021-03-04\n制定《方案(试行》和“规划。\n');
    expect(r.diagnostics.filter((d) => d.rule === 'unbalanced').map(formatDiagnostic)).toEqual([
      "a.txt:3:6: warning[unbalanced]: '(' is never closed (the '》' after it closes an earlier mark)",
      "a.txt:3:11: warning[unbalanced]: '“' is never closed",
    ]);
  });

  it('reads control characters as spaces, and says so', () => {
    const r = run('标题\n发布时间：2021-03-04\n正文\u000b第一段。\n');
    expect(r.article.body).toEqual(['正文 第一段。']);
    expect(warnings(r)).toEqual(['a.txt:3:3: warning[control-char]: control character U+000B read as a space: it prints nothing']);
  });

  it('carries an HTML table and list into the YAML, and warns about an image', () => {
    const html = `<html><body><article><h1>统计表</h1><p>发布日期：2021年3月4日</p>
      <p>一、捐款情况</p><p>捐款情况见下表(单位:万元)。</p>
      <table><caption>表1 捐款</caption><tr><th>项目</th><th>金额</th></tr><tr><td>捐款</td><td>1,300</td></tr></table>
      <ul><li>第一项,已完成</li><li>第二项</li></ul><p><img src="a.jpg" alt="合影"></p></article></body></html>`;
    const r = importBytes(Buffer.from(html), 'page.html');
    expect(r.article.body).toEqual([
      {
        heading: '捐款情况',
        body: ['捐款情况见下表（单位：万元）。', { table: { caption: '表1 捐款', header: ['项目', '金额'], rows: [['捐款', '1,300']] } }, { list: ['第一项，已完成', '第二项'] }],
      },
    ]);
    expect(r.yaml).toContain('header: [ 项目, 金额 ]');
    expect(r.yaml).toContain('- [ 捐款, "1,300" ]');
    expect(warnings(r)).toEqual([
      "page.html:4:47: warning[image]: image 'a.jpg' (合影) is not imported\n  = hint: save the image next to the YAML and add an `image:` block by hand",
    ]);
  });
});
