import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support.js';

function project(yaml: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'content/articles/p.yaml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, yaml);
  return { dir, file };
}

const YAML = `# 示例：网页粘贴来的标点
title: 示例标题
date: 2021-03-04
layouts: [report]
body:
  - 全市完成投资1.3亿元,同比增长98.7%,其中“1+6+N”体系(试行)运行良好!
  - heading: 示例小节
    body:
      - 他说:“要干在实处。
`;

describe('jianbao check --punctuation / --fix-punctuation', () => {
  it('reports each ASCII mark in Chinese text at its place, and unbalanced quotes, without writing', async () => {
    const { dir, file } = project(YAML);
    const { code, stdout, stderr } = await cli(['check', '--punctuation', '--verbose'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain("content/articles/p.yaml:6:16: info[punct]: ',' → '，'");
    expect(stderr).toMatch(/content\/articles\/p\.yaml:9:\d+: warning\[[a-z-]+\]: .*“/);
    expect(stdout).toContain('content/articles/p.yaml: 6 punctuation marks to fix (--fix-punctuation)');
    expect(fs.readFileSync(file, 'utf8')).toBe(YAML);
  });

  it('rewrites the file with full-width marks, keeping comments, numbers and 1+6+N', async () => {
    const { dir, file } = project(YAML);
    const { code, stdout } = await cli(['check', '--fix-punctuation'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('6 punctuation marks fixed');
    const fixed = fs.readFileSync(file, 'utf8');
    expect(fixed).toContain('# 示例：网页粘贴来的标点');
    expect(fixed).toContain('全市完成投资1.3亿元，同比增长98.7%，其中“1+6+N”体系（试行）运行良好！');
    expect(fixed).toContain('他说：“要干在实处。');
    expect(fixed).toContain('date: 2021-03-04');
    const again = await cli(['check', '--punctuation'], dir);
    expect(again.stdout).not.toContain('to fix');
  });
});
