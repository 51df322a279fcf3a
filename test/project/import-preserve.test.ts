import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDocx, paragraphsOf } from '../docx/word-xml.js';
import { tempDir } from '../support.js';
import { jianbao, TINY_PNG, write } from './run.js';

const FILE = `# 示例文章：用于检验 --into 只改动改过的地方。
title: 示例保留格式文章
date: 2021-03-04   #  日期后的注释，两个空格
body:
  - 第一段，将被编辑者改动。
  #   段落之间的注释，缩进与空格照旧
  - heading: 示例小节
    body:
      - 小节里的段落，不变。
      - table: { caption: 示例表格, header: [ 项目, 数量 ], rows: [ [ 甲, 1 ] ] }

  - image: { src: figures/dot.png, caption: 示例图 }
  - list: [第一项, 第二项]
`;

/** The lines of `after` that are not in `before`, and the other way round. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('import --into changes only the nodes it changes', () => {
  it('takes an edited Word draft back with the rest of the file byte for byte: flow maps, comments, blank lines', () => {
    const dir = tempDir('jianbao-preserve-');
    write(dir, { 'content/articles/a.yaml': FILE, 'content/articles/figures/dot.png': TINY_PNG });
    expect(jianbao(['build', 'content/articles/a.yaml', '--format', 'docx', '--jobs', '1', '--no-preview'], dir).code).toBe(0);
    const docx = fs.readFileSync(path.join(dir, 'out/articles/a/report.docx'));
    const edited = editDocx(new Uint8Array(docx), (parts) => {
      const xml = parts['word/document.xml']!;
      const p = paragraphsOf(xml).find((q) => q.text.includes('将被编辑者改动'))!;
      parts['word/document.xml'] = xml.slice(0, p.start) + p.xml.replace('将被编辑者改动', '已由编辑者改动') + xml.slice(p.end);
    });
    fs.writeFileSync(path.join(dir, 'edited.docx'), edited);
    const r = jianbao(['import', 'edited.docx', '--into', 'content/articles/a.yaml', '--yes'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('~ ¶1  第一段，[-将被-]{+已由+}编辑者改动。');
    const after = fs.readFileSync(path.join(dir, 'content/articles/a.yaml'), 'utf8');
    expect(changedLines(FILE, after)).toEqual({ added: ['  - 第一段，已由编辑者改动。'], removed: ['  - 第一段，将被编辑者改动。'] });
    expect(after.length).toBe(FILE.length);
  });

  it('check --fix-punctuation fixes the marks only: [内容!] becomes [内容！], not [ 内容！ ]', () => {
    const dir = tempDir('jianbao-preserve-');
    const text = FILE.replace('[第一项, 第二项]', '[内容!, 第二项]').replace('caption: 示例图 }', 'caption: 示例图(一) }');
    write(dir, { 'content/articles/a.yaml': text, 'content/articles/figures/dot.png': TINY_PNG });
    const r = jianbao(['check', '--fix-punctuation'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('content/articles/a.yaml: 3 punctuation marks fixed');
    const after = fs.readFileSync(path.join(dir, 'content/articles/a.yaml'), 'utf8');
    expect(changedLines(text, after)).toEqual({
      added: ['  - image: { src: figures/dot.png, caption: 示例图（一） }', '  - list: [内容！, 第二项]'],
      removed: ['  - image: { src: figures/dot.png, caption: 示例图(一) }', '  - list: [内容!, 第二项]'],
    });
  });

  it('diffs a 2,400-character paragraph with two one-character edits as two small changes', () => {
    const dir = tempDir('jianbao-preserve-');
    const sentences = Array.from({ length: 120 }, (_, i) => `示例长段落的第${'一二三四五六七八九十'[i % 10]}句话在此。`);
    const long = sentences.join('');
    expect(long.length).toBeGreaterThan(1400);
    const para = (long + long).slice(0, 2400);
    write(dir, { 'content/articles/a.yaml': `title: 示例长段落文章\ndate: 2021-03-04\nbody:\n  - ${para}\n` });
    const edited = para.slice(0, 300) + '甲' + para.slice(301, 2000) + '乙' + para.slice(2001);
    fs.writeFileSync(path.join(dir, 'draft.txt'), `示例长段落文章\n\n${edited}\n`);
    const r = jianbao(['import', 'draft.txt', '--into', 'content/articles/a.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('~ ¶1'))!;
    expect(line.match(/\[-.-\]\{\+.\+\}/g)).toEqual([`[-${para[300]}-]{+甲+}`, `[-${para[2000]}-]{+乙+}`]);
    expect(r.stdout).toContain('1 change (1 changed)');
  });
});
