import { describe, expect, it } from 'vitest';
import { findAttachments } from './attachments.js';
import {
  breadcrumbColumn,
  buttonsOnly,
  dateOnly,
  navLine,
  parseBreadcrumb,
  parseByline,
  parseEdition,
  parseLabelled,
  parseWechatHeader,
  tailOpener,
  wechatFurniture,
} from './furniture.js';
import { mapped } from './mapped-text.js';

describe('breadcrumbs', () => {
  it.each([
    ['当前位置：首页 > 新闻中心 > 部门动态', '部门动态'],
    ['您所在的位置：首页 >> 统战动态', '统战动态'],
    ['示例网>>时政', '时政'],
    ['首页 » 协会动态 » 正文', '协会动态'],
    ['您的位置：首页/政务公开/政策解读', '政策解读'],
    ['您的位置：首页 → 教育动态', '教育动态'],
    ['您当前的位置: 网站首页> 正文', undefined],
    ['首页 / 新闻中心 / 部门动态', '部门动态'],
  ])('%s names %s', (line, column) => {
    const steps = parseBreadcrumb(line);
    expect(steps).toBeDefined();
    expect(breadcrumbColumn(steps!)).toBe(column);
  });
  it('is no sentence that holds an arrow', () => {
    expect(parseBreadcrumb('产值从10亿元增长到20亿元，增幅>50%。')).toBeUndefined();
    expect(parseBreadcrumb('首页')).toBeUndefined();
    expect(parseBreadcrumb('首页 | 时政 | 国际 | 财经 | 科技 | 文化')).toBeUndefined();
  });
});

describe('by-lines', () => {
  it.each([
    ['本报记者 孙示例', ['孙示例'], ' '],
    ['通讯员 王示例', ['王示例'], ' '],
    ['本报记者 周示例 通讯员 吴示例', ['周示例', '吴示例'], ' '],
    ['□本报记者\u3000冯示例\u3000通讯员\u3000陈示例', ['冯示例', '陈示例'], '\u3000'],
    ['文/图：示例日报记者 赵示例', ['赵示例'], ' '],
    ['图文 | 示例', ['示例'], ' '],
    ['文/张示例', ['张示例'], ' '],
    ['（文/示例 图/示例 审核/示例）', ['示例'], ' '],
  ])('%s', (line, authors, separator) => {
    expect(parseByline(line)).toMatchObject({ authors, separator });
  });
  it('names photographers and editors apart, and reads no sentence as a by-line', () => {
    expect(parseByline('摄影 示例')).toEqual({ authors: [], separator: ' ', others: ['示例'] });
    expect(parseByline('文化活动展风采')).toBeUndefined();
    expect(parseByline('记者从示例省商务厅获悉，今年以来示例省加快推进县域商业体系建设。')).toBeUndefined();
  });
});

describe('WeChat', () => {
  it('reads the header a copy gives: names around a date and time', () => {
    expect(parseWechatHeader('原创 示例编辑部 示例图书馆 2025年04月23日 09:00 四川')).toEqual({ date: '2025-04-23', names: ['示例编辑部', '示例图书馆'] });
    expect(parseWechatHeader('示例县融媒 2025年09月01日 08:00')).toEqual({ date: '2025-09-01', names: ['示例县融媒'] });
    expect(parseWechatHeader('2025年9月1日8:00，全县召开大会，部署秋季工作。')).toBeUndefined();
  });
  it('knows its furniture: follow prompts, counters, tails', () => {
    for (const line of ['点击蓝字 关注我们', '↑点击上方“示例街道”关注我们', '阅读 2816', '在看', '收录于合集 #校园动态 86个', 'END', '预览时标签不可点']) {
      expect(wechatFurniture(line)).toBe(true);
    }
    expect(wechatFurniture('我们要关注群众的急难愁盼问题。')).toBe(false);
  });
});

describe('page furniture', () => {
  it('tells buttons, navigation and tails', () => {
    expect(buttonsOnly('【打印本页】【关闭窗口】')).toBe(true);
    expect(buttonsOnly('字号：大 中 小')).toBe(true);
    expect(buttonsOnly('分享到：')).toBe(true);
    expect(buttonsOnly('打印本页是为了存档。')).toBe(false);
    expect(navLine('首页 政务公开 政务服务 互动交流')).toBe(true);
    expect(navLine('长者模式')).toBe(true);
    expect(navLine('示例市召开全市重点项目推进会')).toBe(false);
    for (const line of ['相关新闻', '【纠错】', '（完）', '上一篇：示例新闻', '扫一扫在手机打开当前页', '版权所有：示例', '示ICP备00000000号']) expect(tailOpener(line)).toBe(true);
    expect(tailOpener('相关新闻发布会将于下周召开。')).toBe(false);
  });
  it('reads a newspaper’s edition line', () => {
    expect(parseEdition('《 示例日报 》（ 2025年12月03日 04 版）')).toEqual({ source: '示例日报', date: '2025-12-03' });
    expect(parseEdition('第A03版：要闻')).toEqual({});
    expect(parseEdition('第三版发行量达到十万份。')).toBeUndefined();
  });
  it('reads a date alone, with a time or a weekday', () => {
    expect(dateOnly('2025-12-03 09:15:20')).toBe('2025-12-03');
    expect(dateOnly('2025年09月10日 星期三')).toBe('2025-09-10');
    expect(dateOnly('2025-09-06T09:30:00+08:00')).toBe('2025-09-06');
    expect(dateOnly('2025年12月03日 09时15分')).toBe('2025-12-03');
    expect(dateOnly('2025年9月10日召开')).toBeUndefined();
  });
});

describe('attachments', () => {
  const find = (...lines: string[]) => findAttachments(lines.map((l, i) => mapped(l, i * 100)));
  const titles = (...lines: string[]) => find(...lines)?.items.map((t) => t.text);
  it('reads a list on one line or over several, without numbers or file extensions', () => {
    expect(titles('附件：1.示例检查表.docx 2.示例安排表.pdf')).toEqual(['示例检查表', '示例安排表']);
    expect(titles('附件：', '1.示例申报书.docx', '2.示例汇总表.xlsx', '示例县人民政府办公室')).toEqual(['示例申报书', '示例汇总表']);
    expect(titles('附件1：示例方案.docx', '附件2：示例值班表.xls')).toEqual(['示例方案', '示例值班表']);
    expect(titles('附件：示例职业技能竞赛报名表.doc')).toEqual(['示例职业技能竞赛报名表']);
    expect(find('附件：1.示例检查表.docx', '2.示例安排表.pdf', '示例单位')?.lines).toEqual([0, 1]);
  });
  it('is no list when a sentence starts with 附件', () => {
    expect(find('附件：请各单位认真填写报名表，并于本月底前报送至市教育局办公室，逾期不予受理，特此通知。')).toBeUndefined();
    expect(find('附注：本文数据为示例。')).toBeUndefined();
  });
});

describe('a publication line whose source runs into a by-line (spans glued without a space)', () => {
  it('gives the source and the reporter apart', () => {
    const l = parseLabelled('2025-09-18 10:32来源：示例日报记者 钱示例')!;
    expect(l.fields.map((f) => [f.kind, f.value])).toEqual([
      ['source', '示例日报'],
      ['author', '钱示例'],
    ]);
    expect(parseLabelled('来源：新华社记者　王示例　李示例')!.fields.map((f) => f.value)).toEqual(['新华社', '王示例　李示例']);
  });

  it('leaves a source that only names a press office as it is', () => {
    expect(parseLabelled('来源：示例日报社记者站')!.fields.map((f) => f.value)).toEqual(['示例日报社记者站']);
  });
});
