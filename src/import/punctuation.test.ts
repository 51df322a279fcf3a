import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDiagnostic } from '../diagnostics/index.js';
import { normalizePunctuation } from './punctuation.js';

const norm = (text: string, ranges: 'keep' | 'dash' | 'tilde' = 'keep') => normalizePunctuation(text, { file: 'a.yaml', ranges }).text;
const same = (text: string) => expect(norm(text)).toBe(text);

describe('ASCII marks in Chinese context become full-width', () => {
  it.each([
    ['2020年,面对疫情', '2020年，面对疫情'],
    ['编者按:2020年', '编者按：2020年'],
    ['一是加强;二是完善', '一是加强；二是完善'],
    ['作出新的更大的贡献!', '作出新的更大的贡献！'],
    ['这是为什么?', '这是为什么？'],
    ['实施方案(试行)', '实施方案（试行）'],
    ['“十四五”,全市', '“十四五”，全市'],
    ['《方案(试行)》,特约', '《方案（试行）》，特约'],
    ['2020,全市', '2020，全市'],
    ['采用AI,提升效率', '采用AI，提升效率'],
    ['增长30%!', '增长30%！'],
    ['位于北京(Beijing)的', '位于北京（Beijing）的'],
    ['(1)公司制度', '（1）公司制度'],
  ])('%s → %s', (input, output) => expect(norm(input)).toBe(output));

  it('takes the space an English habit put after the mark', () => {
    expect(norm('2020年, 面对')).toBe('2020年，面对');
    expect(norm('工作 ; 二是')).toBe('工作；二是');
  });
});

describe('what must not change', () => {
  it.each([
    '约1.3亿元',
    '整改率达98.7%',
    '共1,000人',
    '共1,000,000元',
    '全市“1+6+N”联谊组织',
    '时间12:30开始',
    '比例1:1000',
    'Hello, world. How are you?',
    'He said (quietly) "hi" and left!',
    'Hello, 世界',
    '他说 Thank you!',
    '函数f(x)的值',
    "don't 改",
    '详见http://www.example.cn/a?x=1,y:2',
    '网址www.example.cn/a,b',
    '发邮件至zhang.san@example.cn',
    '代码`a,b(c):d`不变',
    '2021-03-04',
    'GB/T 15834-2011规定',
    '同心建言‘十四五’ 共绘美丽新常州',
    '北京—上海',
  ])('%s', (text) => same(text));

  it('stops a URL before the sentence mark that follows it', () => {
    expect(norm('详见http://a.cn/x,或者来电')).toBe('详见http://a.cn/x，或者来电');
  });
});

describe('quotes, ellipses and dashes', () => {
  it('turns straight double quotes into “ ” in pairs', () => {
    expect(norm('开展"两个健康"活动,"百千万工程"')).toBe('开展“两个健康”活动，“百千万工程”');
  });
  it('turns straight single quotes into ‘ ’ inside double ones', () => {
    expect(norm(`开展"同心建言'十四五' 共绘美丽新常州"活动`)).toBe('开展“同心建言‘十四五’ 共绘美丽新常州”活动');
  });
  it('pairs a straight quote with a curly one already there', () => {
    expect(norm('“两个健康"活动')).toBe('“两个健康”活动');
  });
  it('leaves English quotes, apostrophes and an unpaired quote alone', () => {
    same('He said "hi", then left.');
    same("it's the students' union");
    same('他的身高5"左右');
  });
  it('turns ... and 。。。 into ……', () => {
    expect(norm('等等...')).toBe('等等……');
    expect(norm('等等。。。')).toBe('等等……');
    expect(norm('等等…')).toBe('等等……');
    same('等等……');
    same('wait... what');
    same('1...10');
  });
  it('turns -- between Chinese into ——', () => {
    expect(norm('赋能新时代--常州乡贤发展恳谈会')).toBe('赋能新时代——常州乡贤发展恳谈会');
    expect(norm('赋能新时代---常州')).toBe('赋能新时代——常州');
    same('a--b');
    same('x -- y');
  });
  it('ends a Chinese sentence with 。 instead of .', () => {
    expect(norm('作出积极贡献.')).toBe('作出积极贡献。');
    same('约1.3亿元');
    same('马克思.恩格斯');
  });
});

describe('numeric ranges', () => {
  it('reports 2020-2035年 and leaves it', () => {
    const r = normalizePunctuation('专项规划(2020-2035年)', { file: 'a.yaml', line: 3, column: 5 });
    expect(r.text).toBe('专项规划（2020-2035年）');
    expect(r.warnings.map(formatDiagnostic)[0]).toMatch(/^a\.yaml:3:14: warning\[range\]: numeric range '2020-2035'/);
  });
  it('joins it with — or ～ when asked', () => {
    expect(norm('规划(2020-2035年)', 'dash')).toBe('规划（2020—2035年）');
    expect(norm('规划(2020-2035年)', 'tilde')).toBe('规划（2020～2035年）');
    expect(norm('3~5年', 'tilde')).toBe('3～5年');
    expect(norm('增长10%-20%', 'dash')).toBe('增长10%—20%');
  });
  it('is no range in a date, a standard number, a phone number or Latin text', () => {
    for (const text of ['2021-03-04', '发布于2021-03-04', 'GB/T 15834-2011规定', '电话0519-8512', 'ISO 9001-2015 standard']) {
      const r = normalizePunctuation(text, { ranges: 'dash' });
      expect(r.text).toBe(text);
      expect(r.warnings).toEqual([]);
    }
  });
});

describe('reporting', () => {
  it('reports each change at the source position of the original mark', () => {
    const r = normalizePunctuation('第一行,\n第二(行)!', { file: 'x.txt', line: 10, column: 5 });
    expect(r.changes.map(formatDiagnostic)).toEqual([
      "x.txt:10:8: info[punct]: ',' → '，'",
      "x.txt:11:3: info[punct]: '(' → '（'",
      "x.txt:11:5: info[punct]: ')' → '）'",
      "x.txt:11:6: info[punct]: '!' → '！'",
    ]);
    expect(r.counts).toEqual({ "',' → '，'": 1, "'(' → '（'": 1, "')' → '）'": 1, "'!' → '！'": 1 });
  });
  it('uses the locate function for text gathered from elsewhere', () => {
    const r = normalizePunctuation('好,的', { locate: (i) => ({ file: 'p.html', line: 7, column: 100 + i * 2 }) });
    expect(r.changes[0]!.pos).toEqual({ file: 'p.html', line: 7, column: 102 });
  });
  it('says when it removed spaces too', () => {
    expect(normalizePunctuation('好, 的').changes[0]!.message).toBe("',' → '，' (and the spaces around it)");
  });
});

describe('properties', () => {
  const pieces = fc.constantFrom('中', '文', '，', '。', ',', ':', '(', ')', '"', "'", '!', '?', '.', '-', '1', '0', 'a', 'B', ' ', '“', '”', '%', '+', '…');
  const text = fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''));
  it('is idempotent', () => {
    fc.assert(fc.property(text, (t) => norm(norm(t)) === norm(t)));
  });
  it('reports exactly the marks it changed', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = normalizePunctuation(t);
        return (r.changes.length === 0) === (r.text === t);
      }),
    );
  });
  it('never changes text without Chinese in it', () => {
    const latin = fc.array(fc.constantFrom('a', 'B', '1', ',', ':', '(', ')', '"', '!', '?', '.', '-', ' '), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(fc.property(latin, (t) => norm(t) === t));
  });
});
