import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPlainText } from '../../src/verify/pdf-text.js';
import { ROOT, tempDir } from '../support.js';
import { jianbao, sampleArticle, write } from './run.js';

/** A project whose templates/ holds one new layout and nothing else (the case that hid every built-in partial). */
function projectWithMemo(): string {
  const dir = tempDir('jianbao-layouts-');
  write(dir, {
    'content/articles/a.yaml': sampleArticle('示例版式文章').replace('date:', 'layouts: [report, memo]\ndate:'),
    'templates/memo.hbs': fs.readFileSync(path.join(ROOT, 'templates/report.hbs'), 'utf8').replace('{{#if article.column}}', '<p style="body">备忘录（示例）</p>\n{{#if article.column}}'),
    'templates/memo.theme.yaml': fs.readFileSync(path.join(ROOT, 'templates/report.theme.yaml'), 'utf8').replace(/^layout: .*$/m, 'layout: { content: article }').replace(/^description: .*$/m, 'description: 示例备忘录版式'),
  });
  return dir;
}

describe('layouts found name by name: the project first, then the built-in ones', () => {
  it('builds a built-in layout and a project one side by side, the partials of both found', async () => {
    const dir = projectWithMemo();
    const r = jianbao(['build', '--jobs', '1', '--no-preview', '--format', 'pdf'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out/articles/a')).sort()).toEqual(['memo.pdf', 'report.pdf']);
    const memo = await pdfPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/memo.pdf'))));
    expect(memo).toContain('备忘录（示例）');
  });

  it('lists them with where each comes from, and build --help lists them with the true defaults', () => {
    const dir = projectWithMemo();
    const r = jianbao(['layouts'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^memo +article +on request +project +示例备忘录版式$/m);
    expect(r.stdout).toMatch(/^report +article +default for articles +built-in +GB\/T 9704/m);
    expect(r.stdout).toMatch(/^booklet +issue +on request, \+ print sheets +built-in/m);
    expect(r.stdout).toContain('By default an article builds `report`, an issue `bulletin`.');
    const help = jianbao(['build', '--help'], dir).stdout;
    expect(help).toMatch(/^ {2}memo +article +on request +project/m);
    expect(help).toMatch(/^ {2}bulletin +issue +default for issues +built-in/m);
    expect(help).toContain('By default an article builds `report`, an issue `bulletin`');
    expect(help).not.toContain('else report');
  });

  it('copies a built-in layout out to edit, and the copy then wins', async () => {
    const dir = projectWithMemo();
    const r = jianbao(['layouts', '--copy', 'report'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('templates/report.hbs');
    expect(jianbao(['layouts', '--copy', 'report'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('add --force') });
    expect(jianbao(['layouts', '--copy', 'reprot'], dir).stderr).toContain('did you mean `report`?');
    // Edit the copy: the report now says so.
    const hbs = path.join(dir, 'templates/report.hbs');
    fs.writeFileSync(hbs, fs.readFileSync(hbs, 'utf8').replace('{{#if article.column}}', '<p style="body">项目自己的报告（示例）</p>\n{{#if article.column}}'));
    expect(jianbao(['layouts'], dir).stdout).toMatch(/^report +article +default for articles +project \(over the built-in one\)/m);
    expect(jianbao(['build', '--jobs', '1', '--no-preview', '--format', 'pdf'], dir).code).toBe(0);
    expect(await pdfPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.pdf'))))).toContain('项目自己的报告（示例）');
  });
});
