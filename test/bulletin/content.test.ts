import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLayouts, layoutFacts } from '../../src/pipeline/layouts.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { checkSources, loadSource } from '../../src/pipeline/sources.js';
import { checkBulletinSeries, loadBulletin } from '../../src/content/index.js';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../../src/diagnostics/index.js';
import { cli, ROOT, tempDir } from '../support.js';
import { SAMPLE } from './sample.js';

const ARTICLE = 'title: 示例文章\ndate: 2021-03-01\nbody:\n  - 示例段落。\n';

/** A project folder with content/articles/<slugs> and content/bulletins/<name>.yaml files. */
function project(bulletins: Record<string, string>, articles: string[] = ['sample-a', 'sample-b']): { dir: string; file: (name: string) => string } {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'content/bulletins'), { recursive: true });
  for (const slug of articles) fs.writeFileSync(path.join(dir, 'content/articles', `${slug}.yaml`), ARTICLE);
  for (const [name, text] of Object.entries(bulletins)) fs.writeFileSync(path.join(dir, 'content/bulletins', `${name}.yaml`), text);
  return { dir, file: (name) => path.join(dir, 'content/bulletins', `${name}.yaml`) };
}

function issueYaml(fields: Partial<Record<string, string>> = {}): string {
  const all: Record<string, string> = {
    bulletin: '示例简报',
    issue: '3',
    publisher: '示例编印单位',
    date: '2021-03-10',
    columns: '\n  - name: 工作动态\n    articles: [sample-a]\n  - name: 他山之石\n    articles:\n      - sample-b',
    distribution: '\n  报: [示例单位一]\n  发: [示例单位二, 示例单位三]',
    copies: '20',
    ...fields,
  };
  return Object.entries(all).filter(([, v]) => v !== undefined && v !== '-').map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
}

/** The diagnostics a failing load throws, as the CLI prints them, with the file shown by name only. */
function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostics.map((d) => formatDiagnostic({ ...d, ...(d.pos ? { pos: { ...d.pos, file: path.basename(d.pos.file) } } : {}) }));
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

describe('bulletin issue files', () => {
  it('load the sample issue: series, numbers, columns of whole articles, distribution and copies', () => {
    const { value: b } = loadBulletin(SAMPLE, { contentRoot: path.join(ROOT, 'content') });
    expect(b).toMatchObject({ kind: 'bulletin', series: '工作简报（示例）', issue: 1, totalIssue: 45, supplement: false, publisher: '示例编印单位', date: '2021-03-10', copies: 60, copyNumber: '000001' });
    expect(b.columns.map((c) => [c.name, c.articles.map((a) => a.article.slug)])).toEqual([
      ['工作动态', ['sample-work-meeting']],
      ['调研交流', ['sample-information-work']],
      ['他山之石', ['changzhou-united-front-2020']],
    ]);
    expect(b.distribution.map((d) => [d.label, d.recipients.length])).toEqual([['报', 2], ['送', 1], ['发', 2]]);
    expect(b.layouts).toEqual(['bulletin', 'booklet']);
  });

  it('are told from articles by their `bulletin` field, default to the bulletin layout and depend on their articles', () => {
    const { file } = project({ x: issueYaml({ layouts: '-' }) });
    const contentRoot = path.resolve(file('x'), '../..');
    const source = loadSource(file('x'), contentRoot);
    expect(source).toMatchObject({ kind: 'bulletin', slug: 'x', date: '2021-03-10' });
    // It names no layouts: it gets the layouts whose theme is the default for an issue.
    expect(source.layouts).toBeUndefined();
    expect(defaultLayouts(layoutFacts(projectPaths(ROOT)), source)).toEqual(['bulletin']);
    expect(source.dependencies.map((d) => path.basename(d))).toEqual(['sample-a.yaml', 'sample-b.yaml']);
    expect(loadSource(path.join(contentRoot, 'articles/sample-a.yaml'), contentRoot).kind).toBe('article');
  });

  it('resolve article references by slug, by path under content/ and by ./ path next to the issue', () => {
    const { file } = project({ x: issueYaml({ columns: '\n  - name: 栏目\n    articles: [sample-a, articles/sample-b.yaml]' }) });
    expect(loadBulletin(file('x')).value.columns[0]!.articles.map((a) => a.article.slug)).toEqual(['sample-a', 'sample-b']);
    const { file: f2 } = project({ y: issueYaml({ columns: '\n  - name: 栏目\n    articles: [./../articles/sample-a.yaml]' }) });
    expect(loadBulletin(f2('y')).value.columns[0]!.articles[0]!.article.slug).toBe('sample-a');
    const { file: f3 } = project({ z: issueYaml({ columns: '\n  - name: 栏目\n    articles: [../../outside.yaml]' }) });
    expect(errorsOf(() => loadBulletin(f3('z')))).toEqual([expect.stringMatching(/^z\.yaml:7:16: error\[article-path\]: article path leaves the content folder/)]);
  });

  it('report a missing article at its line, with a did-you-mean', () => {
    const { file } = project({ x: issueYaml({ columns: '\n  - name: 工作动态\n    articles:\n      - sample-a\n      - sampel-b' }) });
    const errors = errorsOf(() => loadBulletin(file('x')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^x\.yaml:9:9: error\[missing-article\]: no article `sampel-b`/);
    expect(errors[0]).toContain('did you mean `sample-b`?');
  });

  it('report non-positive numbers at their line', () => {
    const { file } = project({ x: issueYaml({ issue: '0', copies: '-5', totalIssue: '2.5' }) });
    const errors = errorsOf(() => loadBulletin(file('x')));
    expect(errors).toEqual([
      expect.stringMatching(/^x\.yaml:2:8: error\[schema\]: `issue`: must be 1 or more/),
      expect.stringMatching(/^x\.yaml:14:9: error\[schema\]: `copies`: must be 1 or more/),
      expect.stringMatching(/^x\.yaml:15:13: error\[schema\]: `totalIssue`: must be a whole number/),
    ]);
  });

  it('report unknown fields with a did-you-mean, missing fields, and a 报/送/发 typo', () => {
    const { file } = project({ x: issueYaml({ publisher: '-', publsher: '示例编印单位', distribution: '\n  抄: [示例单位]' }) });
    const errors = errorsOf(() => loadBulletin(file('x')));
    const all = errors.join('\n');
    expect(all).toContain('x.yaml:13:1: error[unknown-key]: unknown field `publsher`\n  = hint: did you mean `publisher`?');
    expect(all).toContain('x.yaml:11:3: error[unknown-key]: unknown field `distribution.抄`');
    expect(all).toMatch(/x\.yaml:1:1: error\[missing-field\]: missing field `publisher`/);
  });

  it('report the same article twice in one issue', () => {
    const { file } = project({ x: issueYaml({ columns: '\n  - name: 甲\n    articles: [sample-a]\n  - name: 乙\n    articles: [sample-a]' }) });
    expect(errorsOf(() => loadBulletin(file('x')))).toEqual([expect.stringMatching(/^x\.yaml:9:16: error\[duplicate-article\]: the article `sample-a` is already in this issue\n  = hint: first named at line 7/)]);
  });

  it("pass on a referenced article's own errors, pointing into the article", () => {
    const { dir, file } = project({ x: issueYaml() });
    fs.writeFileSync(path.join(dir, 'content/articles/sample-b.yaml'), 'title: 示例\ndate: 2021-02-30\nbody: []\n');
    const errors = errorsOf(() => loadBulletin(file('x')));
    expect(errors[0]).toMatch(/^sample-b\.yaml:2:7: error\[schema\]: `date`: this date does not exist/);
    expect(errors[0]).toMatch(/in the article named at .*x\.yaml:10:9/);
  });

  it('report two issues of one series with the same number, at the later issue line', () => {
    const { file } = project({ a: issueYaml(), b: issueYaml(), c: issueYaml({ supplement: 'true' }), d: issueYaml({ bulletin: '另一示例简报' }) });
    const root = path.resolve(file('a'), '../..');
    const sources = ['a', 'b', 'c', 'd'].map((n) => loadSource(file(n), root));
    const diagnostics: Diagnostic[] = checkSources(sources);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect([path.basename(d.pos!.file), d.pos!.line, d.rule]).toEqual(['b.yaml', 2, 'duplicate-issue']);
    expect(d.message).toBe('another issue of 示例简报 is already 第3期');
    expect(d.hints![0]).toMatch(/first used at .*a\.yaml:2:8/);
  });

  it('report a clash of 总第N期 too', () => {
    const { file } = project({ a: issueYaml({ totalIssue: '40' }), b: issueYaml({ issue: '4', totalIssue: '40' }) });
    const diagnostics = checkBulletinSeries(['a', 'b'].map((n) => loadBulletin(file(n)).value));
    expect(diagnostics.map((d) => d.message)).toEqual(['another issue of 示例简报 is already 总第40期']);
  });

  it('stop `jianbao build` with exit 1 and the file:line diagnostic, writing nothing', async () => {
    const { dir } = project({ bad: issueYaml({ issue: '0' }) });
    const out = path.join(dir, 'out');
    const { code, stderr } = await cli(['build', 'content/bulletins/bad.yaml', '--out', out], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('content/bulletins/bad.yaml:2:8: error[schema]: `issue`: must be 1 or more');
    expect(fs.existsSync(out)).toBe(false);
  });
});
