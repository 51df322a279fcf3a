import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support.js';
import { jianbao, sampleArticle, TINY_PNG, write } from './run.js';

/** A project with an article that shows a picture (the case that crashed inside content/articles). */
function projectWithImage(): string {
  const dir = tempDir('jianbao-root-');
  write(dir, {
    'content/articles/figures/dot.png': TINY_PNG,
    'content/articles/pic.yaml': sampleArticle('示例图片文章', ['示例段落。']) + '  - image: { src: figures/dot.png, caption: 示例图 }\n',
  });
  return dir;
}

describe('the project root, found as git finds its repository', () => {
  it('builds from inside content/articles: the picture is found and outputs go to the root\'s out/', () => {
    const dir = projectWithImage();
    const r = jianbao(['build', 'pic.yaml', '--jobs', '1', '--no-preview', '--format', 'pdf'], path.join(dir, 'content/articles'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out/articles/pic/report.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'content/articles/out'))).toBe(false);
  });

  it('checks from a subfolder without looking for content/ inside it', () => {
    const dir = projectWithImage();
    const r = jianbao(['check'], path.join(dir, 'content/articles/figures'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok: no errors\n');
    expect(r.code).toBe(0);
  });

  it('builds a file named by its absolute path from a folder outside any project, into its project', () => {
    const dir = projectWithImage();
    const elsewhere = tempDir('jianbao-elsewhere-');
    const r = jianbao(['build', path.join(dir, 'content/articles/pic.yaml'), '--jobs', '1', '--no-preview', '--format', 'docx'], elsewhere);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out/articles/pic/report.docx'))).toBe(true);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('takes --root over the search', () => {
    const dir = projectWithImage();
    const elsewhere = tempDir('jianbao-elsewhere-');
    const r = jianbao(['check', '--root', dir], elsewhere);
    expect(r.code).toBe(0);
    expect(jianbao(['check', '--root', path.join(elsewhere, 'nope')], elsewhere)).toMatchObject({ code: 2, stderr: expect.stringContaining('--root: no such folder') });
  });

  it('finds a root by its jianbao.yaml, whose out folder it writes', () => {
    const dir = tempDir('jianbao-root-');
    write(dir, { 'jianbao.yaml': 'out: build/pdf\nformats: [pdf]\n', 'content/articles/a.yaml': sampleArticle('示例甲') });
    const r = jianbao(['build', '--jobs', '1', '--no-preview'], path.join(dir, 'content'));
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'build/pdf/articles/a'))).toEqual(['report.pdf']);
  });

  it('tells an empty folder there is no project, with the hint to init, and no made-up position', () => {
    const empty = tempDir('jianbao-empty-');
    const r = jianbao(['build'], empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`jianbao build: no jianbao project in ${empty} or any folder above it`);
    expect(r.stderr).toContain('= hint: run `jianbao init` to make one here');
    expect(r.stderr).not.toMatch(/:1:1:/);
    expect(fs.readdirSync(empty)).toEqual([]);
    const json = JSON.parse(jianbao(['check', '--json'], empty).stdout) as { ok: boolean; diagnostics: { rule: string; message: string; pos?: unknown }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics[0]).toMatchObject({ rule: 'usage', message: expect.stringContaining('no jianbao project') });
    expect(json.diagnostics[0]!.pos).toBeUndefined();
  });

  it('says a project has no content/ when it has only a jianbao.yaml', () => {
    const dir = tempDir('jianbao-root-');
    write(dir, { 'jianbao.yaml': '# nothing set\n' });
    const r = jianbao(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[no-content]: the project . has no content/ folder');
    expect(r.stderr).toContain('jianbao init');
  });
});
