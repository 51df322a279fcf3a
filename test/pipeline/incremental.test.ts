import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support.js';
import { article, makeProject, readManifest } from './project.js';

/** The output paths a build says it wrote, sorted. */
function wrote(stdout: string): string[] {
  return [...stdout.matchAll(/^wrote (\S+)/gm)].map((m) => m[1]!).sort();
}

describe('incremental build', () => {
  let dir: string;
  // In this thread after the first build (workers are covered there and by the other tests): quick.
  const build = (...args: string[]) => cli(['build', '--jobs', '1', ...args], dir);

  beforeAll(async () => {
    dir = makeProject({
      'a.yaml': article('甲文', { layouts: ['report', 'memo'] }),
      'b.yaml': article('乙文'),
    });
    const first = await cli(['build', '--jobs', '2'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(wrote(first.stdout)).toEqual(['articles/a/memo.docx', 'articles/a/memo.pdf', 'articles/a/report.docx', 'articles/a/report.pdf', 'articles/b/report.docx', 'articles/b/report.pdf']);
    expect(first.stdout).toMatch(/rebuilt 6 of 6 in/);
  });

  it('records a build key for every output', () => {
    const { outputs } = readManifest(path.join(dir, 'out'));
    expect(outputs).toHaveLength(6);
    for (const o of outputs) expect(o.key).toMatch(/^[0-9a-f]{64}$/);
    // Same content and layout files, different format: different keys.
    const keys = new Set(outputs.map((o) => o.key));
    expect(keys.size).toBe(6);
  });

  it('rebuilds nothing the second time and says so', async () => {
    const before = fs.statSync(path.join(dir, 'out/articles/a/report.pdf')).mtimeMs;
    const again = await build();
    expect(again.code).toBe(0);
    expect(wrote(again.stdout)).toEqual([]);
    expect(again.stdout).toContain('nothing to rebuild (6 up to date)');
    expect(fs.statSync(path.join(dir, 'out/articles/a/report.pdf')).mtimeMs).toBe(before);
  });

  it('rebuilds exactly the outputs of a changed template', async () => {
    fs.appendFileSync(path.join(dir, 'templates/memo.hbs'), '{{!-- edited: the memo layout only --}}\n');
    const r = await build();
    expect(wrote(r.stdout)).toEqual(['articles/a/memo.docx', 'articles/a/memo.pdf']);
    expect(r.stdout).toContain('rebuilt 2 of 6');
  });

  it('rebuilds the outputs of a changed theme, and of a changed content file', async () => {
    const theme = path.join(dir, 'templates/report.theme.yaml');
    fs.appendFileSync(theme, '# edited\n');
    expect(wrote((await build()).stdout)).toEqual(['articles/a/report.docx', 'articles/a/report.pdf', 'articles/b/report.docx', 'articles/b/report.pdf']);
    fs.writeFileSync(path.join(dir, 'content/articles/b.yaml'), article('乙文（修订）'));
    expect(wrote((await build()).stdout)).toEqual(['articles/b/report.docx', 'articles/b/report.pdf']);
  });

  it('rebuilds everything when a partial changes, since every layout may use it', async () => {
    fs.appendFileSync(path.join(dir, 'templates/partials/blocks.hbs'), '{{!-- edited --}}\n');
    expect(wrote((await build()).stdout)).toHaveLength(6);
  });

  it('ignores a touch: keys are content hashes, not times', async () => {
    const now = new Date();
    fs.utimesSync(path.join(dir, 'templates/report.hbs'), now, now);
    fs.utimesSync(path.join(dir, 'content/articles/a.yaml'), now, now);
    expect((await build()).stdout).toContain('nothing to rebuild (6 up to date)');
  });

  it('rebuilds an output whose file was deleted or changed by hand', async () => {
    fs.rmSync(path.join(dir, 'out/articles/a/report.docx'));
    fs.appendFileSync(path.join(dir, 'out/articles/b/report.pdf'), 'tampered');
    expect(wrote((await build()).stdout)).toEqual(['articles/a/report.docx', 'articles/b/report.pdf']);
  });

  it('rebuilds everything with --force; --draft writes drafts beside the finals, never over them', async () => {
    expect(wrote((await build('--force')).stdout)).toHaveLength(6);
    const finals = fs.readFileSync(path.join(dir, 'out/articles/a/report.docx'));
    expect(wrote((await build('--draft', '--format', 'docx')).stdout)).toEqual(['articles/a/memo.draft.docx', 'articles/a/report.draft.docx', 'articles/b/report.draft.docx']);
    expect(fs.readFileSync(path.join(dir, 'out/articles/a/report.docx')).equals(finals)).toBe(true);
    const { outputs } = readManifest(path.join(dir, 'out'));
    expect(outputs.filter((o) => o.draft).map((o) => o.path)).toEqual(['articles/a/memo.draft.docx', 'articles/a/report.draft.docx', 'articles/b/report.draft.docx']);
    expect(outputs.find((o) => o.path === 'articles/a/report.docx')!.draft).toBeUndefined();
    expect((await build('--format', 'docx')).stdout).toContain('nothing to rebuild (3 up to date)');
    expect((await build()).stdout).toContain('nothing to rebuild (6 up to date)');
  });

  it('leaves the outputs and manifest alone when the content is bad, with every error at once', async () => {
    const before = fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'content/articles/a.yaml'), 'title: 甲\ndate: 2021-02-30\nbody: []\n');
    fs.writeFileSync(path.join(dir, 'content/articles/b.yaml'), 'titel: 乙\n');
    const r = await build();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/articles/a.yaml:2:7');
    expect(r.stderr).toContain('content/articles/b.yaml:1:1');
    expect(r.stdout).not.toContain('wrote');
    expect(fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).toBe(before);
  });
});
