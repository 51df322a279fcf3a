import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, DiagnosticError, fonts, importInto, init, layouts, UsageError, watch } from '../index.js';
import { tempDir } from '../../test/support.js';

const usage = async (run: () => unknown): Promise<UsageError> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('no UsageError');
};

describe('the library API checks its options', () => {
  it('names the function, the option and what was given', async () => {
    expect((await usage(() => build({ inputs: 'content/articles/a.yaml' as never }))).message).toBe('build(): `inputs`: expected a list of paths, e.g. [\'content/articles/a.yaml\'], found the text "content/articles/a.yaml"');
    expect((await usage(() => build({ jobs: 0 }))).message).toBe('build(): `jobs`: expected 1 or more, found `0`');
    expect((await usage(() => build({ shard: '5/4' }))).message).toContain('build(): `shard`');
    expect((await usage(() => check({ punctuation: 'fixx' as never }))).message).toBe('check(): `punctuation`: expected `report` or `fix`, found the text "fixx"');
    expect((await usage(() => build(null as never))).message).toBe('build(): expected an options object, found null');
  });

  it('suggests the option meant', async () => {
    const e = await usage(() => build({ inptus: [] } as never));
    expect(e.message).toBe('build(): unknown option `inptus`');
    expect(e.hints).toEqual(['did you mean `inputs`?']);
    expect((await usage(() => build({ formats: ['pfd'], cwd: tempDir() }))).hints).toEqual(expect.arrayContaining([expect.stringMatching(/init|did you mean `pdf`/)]));
  });

  it('wants what watch needs to report to', async () => {
    expect((await usage(() => watch({ signal: new AbortController().signal } as never))).message).toBe('watch(): `onBuild`: expected a function, found nothing');
  });
});

describe('the library API on a project', () => {
  it('inits, lists layouts, checks without throwing, and builds or throws every diagnostic', async () => {
    const dir = tempDir('jianbao-api-');
    expect(init({ cwd: dir }).written).toContain('jianbao.yaml');
    expect(layouts({ cwd: dir }).filter((l) => l.isDefault).map((l) => l.name)).toEqual(['bulletin', 'report']);
    expect(await check({ cwd: dir })).toMatchObject({ ok: true, root: dir });
    const built = await build({ cwd: dir, inputs: ['content/articles'], formats: ['docx'], jobs: 1, previews: false });
    expect(built.outputs.map((o) => o.path)).toEqual(['articles/sample-article/report.docx']);
    expect(built.outDir).toBe(path.join(dir, 'out'));

    fs.writeFileSync(path.join(dir, 'content/articles/bad.yaml'), 'title: 示例\ndate: 2021-02-30\nbody: []\n');
    const checked = await check({ cwd: dir });
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics).toEqual([expect.objectContaining({ rule: 'schema', pos: expect.objectContaining({ line: 2 }) })]);
    await expect(build({ cwd: dir, jobs: 1 })).rejects.toBeInstanceOf(DiagnosticError);
  });

  it('reports the face of each font role and the characters of the content no face has', async () => {
    const dir = tempDir('jianbao-api-fonts-');
    init({ cwd: dir });
    fs.writeFileSync(path.join(dir, 'jianbao.yaml'), 'fonts: bundled\n');
    fs.writeFileSync(path.join(dir, 'content/articles/rare.yaml'), 'title: 示例\ndate: 2024-04-10\nbody: [示例𠀀字]\n');
    const report = await fonts({ cwd: path.join(dir, 'content'), inputs: ['articles/rare.yaml'], layouts: ['report'] });
    expect(report).toMatchObject({ ok: true, root: dir, diagnostics: [] });
    expect(new Set(report.roles.map((r) => r.layout))).toEqual(new Set(['report']));
    for (const r of report.roles) expect(r.face?.origin, r.role).toBe('bundled');
    const body = report.roles.find((r) => r.role === 'body')!;
    expect(body.missing.map((m) => [m.codePoint, m.at[0]?.line])).toEqual([['U+20000', 3]]);
    const e = await usage(() => fonts({ cwd: dir, layouts: ['reprot'] }));
    expect([e.message, e.hints]).toEqual(['unknown layout `reprot`', ['did you mean `report`?']]);
  });

  it('imports a changed draft into a content file, writing only with write: true', async () => {
    const dir = tempDir('jianbao-api-');
    init({ cwd: dir });
    const file = path.join(dir, 'content/articles/sample-article.yaml');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(path.join(dir, 'draft.txt'), '示例单位开展季度工作交流（示例）\n\n4月10日，示例单位召开季度工作交流会，总结一季度工作。\n');
    const shown = await importInto({ cwd: dir, file: 'draft.txt', into: 'content/articles/sample-article.yaml' });
    expect(shown.written).toBe(false);
    expect(shown.updates[0]!.diff.changed + shown.updates[0]!.diff.removed).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const written = await importInto({ cwd: dir, file: 'draft.txt', into: 'content/articles/sample-article.yaml', write: true });
    expect(written.written).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toContain('总结一季度工作。');
    // The comments at the top of the file stayed as they were.
    expect(fs.readFileSync(file, 'utf8').split('\n').slice(0, 2)).toEqual(before.split('\n').slice(0, 2));
  });
});
