import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support.js';
import { articleYaml, runIn, snapshot } from './hostile.js';
import { expectListsTrue, expectRun, nestedProject, removeNested } from './outputs.js';

/**
 * The out folder follows the content (issue 20): the outputs of a content file that is gone, or
 * of a layout it no longer names, leave the folder, the manifest, SHA256SUMS, the index and the
 * next release, and the build says so; a partial build removes nothing it did not lay out.
 * `jianbao clean` removes what jianbao wrote and nothing else. A draft has a path of its own.
 */
afterAll(removeNested);

const build = (...more: string[]) => ['build', '--jobs', '1', '--no-preview', ...more];
const paths = (dir: string) => expectListsTrue(path.join(dir, 'out')).map((e) => e.path);

/** Two articles, b also in `memo` (a copy of `report` in the project's templates/, built when asked for), built once. */
async function twoArticles() {
  const p = nestedProject({ files: { 'content/articles/a.yaml': articleYaml(), 'content/articles/b.yaml': articleYaml('  - 示例段落乙。\n', 'title: 示例乙\ndate: 2021-03-04\nlayouts: [report, memo]\n') } });
  const templates = path.join(p.dir, 'templates');
  fs.cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
  fs.copyFileSync(path.join(templates, 'report.hbs'), path.join(templates, 'memo.hbs'));
  fs.writeFileSync(path.join(templates, 'memo.theme.yaml'), fs.readFileSync(path.join(templates, 'report.theme.yaml'), 'utf8').replace(/^layout: .*$/m, 'layout: { content: article }'));
  await expectRun(p.dir, build(), { code: 0, diagnostics: [] });
  expect(paths(p.dir)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf', 'articles/b/memo.docx', 'articles/b/memo.pdf', 'articles/b/report.docx', 'articles/b/report.pdf']);
  return p;
}

describe('outputs whose content is gone', () => {
  it('a deleted content file: its outputs leave the folder, the lists, the index and the release, and the build says so', async () => {
    const { dir } = await twoArticles();
    fs.rmSync(path.join(dir, 'content/articles/b.yaml'));
    const r = await expectRun(dir, build('--release', 'r'), { code: 0, diagnostics: [] });
    for (const p of ['memo.docx', 'memo.pdf', 'report.docx', 'report.pdf']) expect(r.stdout).toContain(`removed articles/b/${p}  (its content content/articles/b.yaml is gone)`);
    expect(r.stdout).toMatch(/nothing to rebuild \(2 up to date\); removed 4 whose content is gone;/);
    expect(paths(dir)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf']);
    expect(fs.existsSync(path.join(dir, 'out/articles/b')), 'its folder, left empty, is gone').toBe(false);
    expect(fs.readFileSync(path.join(dir, 'out/index.html'), 'utf8')).not.toContain('articles/b/');
    const zip = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, 'out/release/r.zip')))));
    expect(zip.filter((n) => n.includes('articles/b'))).toEqual([]);
  }, 60_000);

  it('a layout the file no longer names', async () => {
    const { dir } = await twoArticles();
    fs.writeFileSync(path.join(dir, 'content/articles/b.yaml'), articleYaml('  - 示例段落乙。\n', 'title: 示例乙\ndate: 2021-03-04\n'));
    const r = await expectRun(dir, build(), { code: 0, diagnostics: [] });
    expect(r.stdout).toContain('removed articles/b/memo.pdf  (content/articles/b.yaml no longer has the layout memo)');
    expect(paths(dir)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf', 'articles/b/report.docx', 'articles/b/report.pdf']);
  }, 60_000);

  it('a partial build removes nothing it did not lay out', async () => {
    const { dir } = await twoArticles();
    const r = await expectRun(dir, build('content/articles/a.yaml', '--format', 'pdf', '--layout', 'report', '--force'), { code: 0, diagnostics: [] });
    expect(r.stdout).not.toContain('removed');
    expect(paths(dir)).toHaveLength(6);
  }, 60_000);

  it('an output changed by hand is left in place, unlisted', async () => {
    const { dir } = await twoArticles();
    fs.appendFileSync(path.join(dir, 'out/articles/b/memo.pdf'), 'edited by hand');
    fs.rmSync(path.join(dir, 'content/articles/b.yaml'));
    await expectRun(dir, build(), { code: 0, diagnostics: [] });
    expect(paths(dir)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf']);
    expect(fs.readFileSync(path.join(dir, 'out/articles/b/memo.pdf'), 'latin1')).toMatch(/edited by hand$/);
  }, 60_000);
});

describe('jianbao clean', () => {
  it('--help says what it removes', async () => {
    const r = await runIn(nestedProject({}).dir, ['clean', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: jianbao clean \[options\]/);
    expect(r.stdout).toContain('--dry-run');
  });

  it('--dry-run lists and removes nothing; then clean removes what jianbao wrote and only that', async () => {
    const { dir } = await twoArticles();
    await expectRun(dir, build('--release', 'r'), { code: 0, diagnostics: [] });
    fs.writeFileSync(path.join(dir, 'out/notes.txt'), 'mine');
    fs.writeFileSync(path.join(dir, 'out/release/mine.txt'), 'mine too');
    fs.appendFileSync(path.join(dir, 'out/articles/a/report.docx'), 'edited');
    const before = snapshot(dir);
    const dry = await expectRun(dir, ['clean', '--dry-run'], { code: 0, diagnostics: [] });
    expect(snapshot(dir)).toEqual(before);
    expect(dry.stdout).toContain('would remove 16 files from out/:\n  articles/a/report.pdf\n');
    expect(dry.stdout).toContain('left articles/a/report.docx: changed since it was built');
    const r = await expectRun(dir, ['clean'], { code: 0, diagnostics: [] });
    expect(r.stdout).toContain('removed 16 files from out/');
    expect(Object.keys(snapshot(path.join(dir, 'out'))).sort()).toEqual(['articles/a/report.docx', 'notes.txt', 'release/mine.txt']);
  }, 60_000);

  it('a folder without a manifest: error[manifest], nothing removed', async () => {
    const { dir } = nestedProject({ files: { 'out/x.pdf': 'not known to be ours', 'content/articles/.gitkeep': '' } });
    await expectRun(dir, ['clean'], { code: 1, diagnostics: [{ rule: 'manifest', file: 'out', line: 1, column: 1, message: 'out has no manifest.json' }], last: '1 error; nothing was written' });
    expect(fs.existsSync(path.join(dir, 'out/x.pdf'))).toBe(true);
  });

  it("run from a folder inside the project, cleans the project's out folder", async () => {
    const { dir } = await twoArticles();
    const r = await expectRun(path.join(dir, 'content/articles'), ['clean'], { code: 0, diagnostics: [] });
    expect(r.stdout).toMatch(/^removed \d+ files from /m);
    expect(fs.existsSync(path.join(dir, 'out/articles/a/report.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'content/articles/out'))).toBe(false);
  });
});

describe('drafts', () => {
  it('a draft goes to its own path, marked in the manifest, and never overwrites the final', async () => {
    const { dir } = await twoArticles();
    const final = fs.readFileSync(path.join(dir, 'out/articles/a/report.pdf'));
    const r = await expectRun(dir, build('content/articles/a.yaml', '--draft'), { code: 0, diagnostics: [] });
    expect([...r.stdout.matchAll(/^wrote (\S+)/gm)].map((m) => m[1])).toEqual(['articles/a/report.draft.pdf', 'articles/a/report.draft.docx']);
    expect(fs.readFileSync(path.join(dir, 'out/articles/a/report.pdf')).equals(final)).toBe(true);
    const listed = expectListsTrue(path.join(dir, 'out'));
    expect(listed.filter((e) => e.draft).map((e) => e.path)).toEqual(['articles/a/report.draft.docx', 'articles/a/report.draft.pdf']);
    expect(listed.filter((e) => !e.draft)).toHaveLength(6);
  }, 60_000);
});
