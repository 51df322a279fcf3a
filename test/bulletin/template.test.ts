import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/pipeline/sources.js';
import { inlineText, type Block } from '../../src/ir/index.js';
import { applyLayout } from '../../src/templates/apply-layout.js';
import { ROOT, tempDir } from '../support.js';

const paths = { templatesDir: path.join(ROOT, 'templates'), projectDir: ROOT };

/** Lays out an issue file written into a fresh content folder with one short article. */
function layOut(issue: string, layout = 'bulletin') {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'content/bulletins'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'content/articles/a.yaml'), 'title: 示例文章\ndate: 2021-03-01\nbody:\n  - 示例段落。\n');
  const file = path.join(dir, 'content/bulletins/x.yaml');
  fs.writeFileSync(file, issue);
  const source = loadSource(file, path.join(dir, 'content'));
  return applyLayout(paths, layout, source.context()).doc;
}

const describeBlock = (b: Block): string => {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return `${b.style}:${inlineText(b.inlines)}`;
    case 'splitLine':
      return `${b.style}:${inlineText(b.left)}|${inlineText(b.right)}`;
    case 'rule':
      return `rule:${b.color}:${b.weight}`;
    case 'foot':
      return `foot[${b.blocks.map(describeBlock).join(', ')}]`;
    default:
      return b.kind;
  }
};

describe('the bulletin templates', () => {
  it('number a supplement on its own, leave out the contents list below three articles, and print 共印N份 alone without a distribution', () => {
    for (const layout of ['bulletin', 'booklet']) {
      const doc = layOut('bulletin: 示例简报\nissue: 2\nsupplement: true\npublisher: 示例编印单位\ndate: 2021-03-10\ncolumns:\n  - name: 工作动态\n    articles: [a]\ncopies: 8\n', layout);
      expect(doc.blocks.map(describeBlock)).toEqual([
        'masthead:示例简报',
        'issueNumber:增刊第2期',
        'mastheadMeta:示例编印单位|2021年3月10日',
        expect.stringMatching(/^rule:#E60012:/),
        'column:【工作动态】',
        'title:示例文章',
        'body:示例段落。',
        expect.stringMatching(/^foot\[rule:#000000:[\d.]+, endBlock:\|（共印8份）, rule:#000000:[\d.]+\]$/),
      ]);
      expect(doc.meta).toMatchObject({ title: '示例简报 增刊第2期', date: '2021-03-10', author: '示例编印单位' });
    }
  });

  it('put the copy number alone at the top right, and the issue editor note after the masthead', () => {
    const doc = layOut("bulletin: 示例简报\nissue: 1\ncopyNumber: 7\neditorNote: 本期编者按示例。\npublisher: 示例编印单位\ndate: 2021-03-10\ncolumns:\n  - name: 工作动态\n    articles: [a]\ndistribution:\n  送: [示例单位]\ncopies: 8\n");
    const shown = doc.blocks.map(describeBlock);
    expect(shown[0]).toBe('mastheadMark:|7');
    expect(shown[5]).toBe('issueNote:编者按：本期编者按示例。');
    expect(shown[shown.length - 1]).toMatch(/endBlock:送：示例单位。\|（共印8份）/);
  });

  it('print the A4 masthead larger than the A5 one, in red, in the title font role', () => {
    const a4 = layOut('bulletin: 示例简报\nissue: 1\npublisher: 示例编印单位\ndate: 2021-03-10\ncolumns:\n  - name: 栏目\n    articles: [a]\ncopies: 8\n');
    const a5 = layOut('bulletin: 示例简报\nissue: 1\npublisher: 示例编印单位\ndate: 2021-03-10\ncolumns:\n  - name: 栏目\n    articles: [a]\ncopies: 8\n', 'booklet');
    expect(a4.styles.masthead).toMatchObject({ font: 'title', color: '#E60012' });
    expect(a5.styles.masthead).toMatchObject({ font: 'title', color: '#E60012' });
    expect(a4.styles.masthead!.size).toBeGreaterThan(a5.styles.masthead!.size);
    expect(a4.styles.body!.size).toBeGreaterThan(a5.styles.body!.size);
    expect([a4.page.width, a5.page.width].map(Math.round)).toEqual([595, 420]);
  });
});
