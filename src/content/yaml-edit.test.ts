import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editYamlData } from './yaml-edit.js';

const FILE = `# 示例文章（注释保留）
title: 示例标题   # 行尾注释
date: 2021-03-04
layouts: [ report ]

body:
  - 第一段，保持不变。
  # 段间注释
  - heading: 一、示例小节
    body:
      - 段落一!
      - table: { caption: 示例表格, header: [ 项目, 数值 ], rows: [ [ 甲, 1 ] ] }
  - >-
    折叠的
    长段落
  - list: [内容!, 其二]
  - "双引号\\t段落"
  - '单引号''段落'
`;

/** The edit gives `after`, and every line the edit did not touch stays byte for byte. */
function edited(text: string, change: (d: any) => void): { out: string; changedLines: string[] } {
  const after = parse(text);
  change(after);
  const { text: out, exact } = editYamlData(text, after);
  expect(exact).toBe(true);
  expect(parse(out)).toEqual(after);
  const before = new Set(text.split('\n'));
  return { out, changedLines: out.split('\n').filter((l) => !before.has(l)) };
}

describe('editYamlData', () => {
  it('leaves a file with the same data byte for byte', () => {
    expect(editYamlData(FILE, parse(FILE)).text).toBe(FILE);
  });

  it('changes one character of a paragraph and nothing else', () => {
    const { out, changedLines } = edited(FILE, (d) => (d.body[1].body[0] = '段落一！'));
    expect(changedLines).toEqual(['      - 段落一！']);
    expect(out.length).toBe(FILE.length); // ! and ！ are one UTF-16 unit each
  });

  it('edits inside a padded flow mapping without reformatting it', () => {
    const { changedLines } = edited(FILE, (d) => (d.body[1].body[1].table.caption = '示例表格（改）'));
    expect(changedLines).toEqual(['      - table: { caption: 示例表格（改）, header: [ 项目, 数值 ], rows: [ [ 甲, 1 ] ] }']);
  });

  it('edits an item of a flow list in place: [内容!] does not become [ 内容！ ]', () => {
    const { changedLines } = edited(FILE, (d) => (d.body[3].list[0] = '内容！'));
    expect(changedLines).toEqual(['  - list: [内容！, 其二]']);
  });

  it('keeps the quoting of quoted strings', () => {
    const { changedLines } = edited(FILE, (d) => {
      d.body[4] = '双引号\t段落"';
      d.body[5] = "单引号'段落'";
    });
    expect(changedLines).toEqual(['  - "双引号\\t段落\\""', "  - '单引号''段落'''"]);
  });

  it('inserts and removes paragraphs, keeping the comments and blocks around them', () => {
    const { out } = edited(FILE, (d) => {
      d.body.splice(1, 0, '新插入的一段。');
      d.body.splice(3, 1);
    });
    expect(out).toContain('  - 第一段，保持不变。\n  - 新插入的一段。\n  # 段间注释\n  - heading: 一、示例小节');
    expect(out).not.toContain('折叠的');
    expect(out).toContain('# 示例文章（注释保留）\ntitle: 示例标题   # 行尾注释\n');
  });

  it('adds a key where rank puts it and removes one', () => {
    const rank = (k: string) => ['title', 'column', 'date', 'layouts', 'body'].indexOf(k);
    const after = parse(FILE);
    after.column = '示例栏目';
    delete after.layouts;
    const { text } = editYamlData(FILE, after, { rank });
    expect(text).toContain('title: 示例标题   # 行尾注释\ncolumn: 示例栏目\ndate: 2021-03-04\n\nbody:');
    expect(parse(text)).toEqual(after);
  });

  it('writes a new section as a block at the list\'s indentation', () => {
    const { out } = edited(FILE, (d) => d.body.push({ heading: '二、新的小节', body: ['新小节的段落。', { list: ['甲', '乙'] }] }));
    expect(out.endsWith("  - '单引号''段落'\n  - heading: 二、新的小节\n    body:\n      - 新小节的段落。\n      - list:\n          - 甲\n          - 乙\n")).toBe(true);
  });

  it('edits a folded paragraph exactly, or writes that one paragraph anew', () => {
    const { changedLines } = edited(FILE, (d) => (d.body[2] = '折叠的 长段落，加长'));
    expect(changedLines.every((l) => l.includes('长段落'))).toBe(true);
  });
});
