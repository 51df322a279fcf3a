import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { balanceTitle } from '../../src/compose/index.js';
import { BLOCK_WIDTH, serifBlack } from '../../src/compose/fixtures.js';
import { LIMITS } from '../../src/limits.js';
import { pdfPlainText } from '../../src/verify/index.js';
import { ROOT } from '../support.js';
import { articleYaml, expectRefused, hostileProject, removeProjects, runIn } from './hostile.js';

/**
 * What a template or a title can do to a build: helpers handed objects, a template that
 * multiplies the content, a title too long for the balanced search. Each is a located error or,
 * for titles, a bounded search that still gives balanced lines.
 */
afterAll(removeProjects);

const BAD = 'content/articles/bad.yaml';
const build = ['build', '--jobs', '1', '--no-preview', BAD];
const REPORT = fs.readFileSync(path.join(ROOT, 'templates/report.hbs'), 'utf8').split('\n');
const DATE_CALL = '{{cnDate article.date}}';
const DATE_LINE = REPORT.findIndex((l) => l.includes(DATE_CALL)) + 1;
const DATE_COLUMN = REPORT[DATE_LINE - 1]!.indexOf(DATE_CALL) + 1;
const BLOCKS_CALL = '{{> blocks blocks=article.body}}';
const BLOCKS_LINE = REPORT.findIndex((l) => l.includes(BLOCKS_CALL)) + 1;

describe('template helpers handed what they do not take say so where they are called', () => {
  const cases: [string, string, string][] = [
    ['an issue number from a mapping (第NaN期)', '{{issueNumber article}}', 'takes a whole number, got a mapping'],
    ['a Chinese numeral from a list', '{{cnNumber article.body}}', 'takes a whole number, got a list'],
    ['a numeral from nothing', '{{cnNumber article.nosuch}}', 'got nothing'],
    ['inc from text', '{{inc article.title}}', 'takes a whole number, got the text'],
    ['a date from a mapping', '{{cnDate article}}', 'takes a date as text, got a mapping'],
    ['join of mappings', '{{join article.body}}', 'takes text as text, got a mapping'],
    ['a section number from a fraction', '{{sectionNumber 1 1.5}}', 'got the number 1.5'],
  ];
  for (const [name, call, message] of cases) {
    it(name, async () => {
      const dir = hostileProject({ files: { [BAD]: articleYaml() }, templates: [['report.hbs', DATE_CALL, call]] });
      const stderr = await expectRefused(dir, build, [{ rule: 'template', file: 'templates/report.hbs', line: DATE_LINE, column: DATE_COLUMN, message }]);
      expect(stderr).not.toContain('NaN');
    }, 20_000);
  }
});

describe('a template that multiplies the content is stopped while it runs', () => {
  const paragraphs = Array.from({ length: 1000 }, (_, i) => `  - 第${i + 1}段示例文字。\n`).join('');

  it('an each inside an each over 1,000 paragraphs (a million blocks)', async () => {
    const nested = '{{#each article.body}}{{#each ../article.body}}<p style="body" at="{{at}}">{{text}}</p>\n{{/each}}{{/each}}';
    const dir = hostileProject({ files: { [BAD]: articleYaml(paragraphs) }, templates: [['report.hbs', BLOCKS_CALL, nested]] });
    await expectRefused(dir, build, [{ rule: 'document-size', file: 'templates/report.hbs', line: BLOCKS_LINE, column: 23, message: 'repeats blocks more than 500,000 times' }]);
  }, 60_000);

  it('each paragraph made into 250 elements', async () => {
    const many = `{{#each article.body}}${'<p style="body">示例</p>'.repeat(250)}\n{{/each}}`;
    const dir = hostileProject({ files: { [BAD]: articleYaml(paragraphs) }, templates: [['report.hbs', BLOCKS_CALL, many]] });
    await expectRefused(dir, build, [{ rule: 'document-size', file: 'templates/report.hbs', line: 1, column: 1, message: 'more than 200,000 elements' }]);
  }, 60_000);

  it('a long paragraph printed forty times', async () => {
    const dir = hostileProject({ files: { [BAD]: articleYaml(`  - ${'示'.repeat(1_000_000)}\n`) }, templates: [['report.hbs', BLOCKS_CALL, BLOCKS_CALL.repeat(40)]] });
    await expectRefused(dir, build, [{ rule: 'document-size', file: 'templates/report.hbs', line: 1, column: 1, message: 'characters of markup' }]);
  }, 60_000);
});

describe('titles: the balanced search is bounded and its lines stay balanced', () => {
  const metrics = serifBlack();
  const opts = { metrics, size: 22, width: BLOCK_WIDTH };
  const widthOf = (s: string) => [...s].reduce((w, c) => w + (metrics.advance(c.codePointAt(0)!) ?? 1) * 22, 0);
  const PIECES = ['统一战线', '工作会议', '示例', '常州', '推进', '创新发展', '的', '和', '，', '、', '“', '”', '《', '》', '（', '）', ' ', '十四五', '知识分子', '2021年'];

  it('lines of any long title fit, and the shortest is at least half the longest', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 40, maxLength: 160 }), (parts) => {
        const t = parts.join('').trim();
        const lines = balanceTitle(t, opts);
        expect(lines.join('').replace(/ /g, '')).toBe(t.replace(/ /g, ''));
        for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(BLOCK_WIDTH + 1e-6);
        const widths = lines.map(widthOf);
        if (lines.length > 1) expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThanOrEqual(0.5);
      }),
      { numRuns: 40, seed: 20210304 },
    );
  }, 120_000);

  it('titles the search finishes give the same lines as an unbounded search', () => {
    const splits = LIMITS.balancedTitleSplits as { value: number };
    const bound = splits.value;
    const titles = fc.sample(fc.array(fc.constantFrom(...PIECES), { minLength: 8, maxLength: 40 }).map((p) => p.join('').trim()), { numRuns: 40, seed: 7 });
    try {
      for (const t of titles) {
        splits.value = bound;
        const bounded = balanceTitle(t, opts);
        splits.value = Number.MAX_SAFE_INTEGER;
        expect(bounded, t).toEqual(balanceTitle(t, opts));
      }
    } finally {
      splits.value = bound;
    }
  }, 120_000);

  it('a 240-character title builds with a warning at the title, its text whole in the PDF', async () => {
    const title = '关于印发《关于加强“政治建部 作风强部 从严治部”工作的实施意见》和《统战系统意识形态工作责任制实施细则》的通知'.repeat(5).slice(0, 240);
    const dir = hostileProject({ files: { [BAD]: articleYaml(undefined, `title: ${title}\ndate: 2021-03-04\n`) } });
    const { code, stderr } = await runIn(dir, build);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`${BAD}:1:8: warning[title-length]: the title has 240 characters`);
    const pdf = (await pdfPlainText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/bad/report.pdf'))))).replace(/\s+/g, '');
    expect(pdf).toContain(title.replace(/\s+/g, ''));
  }, 60_000);
});
