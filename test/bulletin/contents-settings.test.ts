import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineText, type Block } from '../../src/ir/index.js';
import { loadSource } from '../../src/pipeline/sources.js';
import { applyLayout } from '../../src/templates/apply-layout.js';
import { ROOT, tempDir } from '../support.js';
import { SAMPLE } from './sample.js';

/** The sample issue (three articles in three columns) laid out with the bulletin theme's `contents` set so. */
function contentsOf(setting: string | undefined): Block | undefined {
  const templatesDir = path.join(tempDir(), 'templates');
  fs.cpSync(path.join(ROOT, 'templates'), templatesDir, { recursive: true });
  const theme = path.join(templatesDir, 'bulletin.theme.yaml');
  const text = fs.readFileSync(theme, 'utf8');
  fs.writeFileSync(theme, setting === undefined ? text.replace(/^contents: .*\n/m, '') : text.replace(/^contents: .*$/m, `contents: ${setting}`));
  const { doc } = applyLayout({ templatesDir, projectDir: ROOT }, 'bulletin', loadSource(SAMPLE, path.join(ROOT, 'content')).context());
  return doc.blocks.find((b) => b.kind === 'contents');
}

const lines = (b: Block | undefined): string[] =>
  b?.kind === 'contents' ? b.blocks.flatMap((x) => (x.kind === 'paragraph' ? [inlineText(x.inlines)] : x.kind === 'contentsEntry' ? [`→${x.target} ${inlineText(x.inlines)}`] : [])) : [];

describe('the theme’s contents setting', () => {
  it('lists the issue’s articles under their column labels by default (from three articles on), each entry naming its title', () => {
    const shown = [
      '本期目录',
      '【工作动态】',
      '→article-1 示例单位召开2021年度工作部署会（示例）',
      '【调研交流】',
      '→article-2 关于做好基层信息报送工作的几点思考（示例）',
      '【他山之石】',
      '→article-3 创新举措凝心聚力 推进常州统战事业蓬勃发展',
    ];
    expect(lines(contentsOf('{ show: true, minArticles: 3, columnLabels: true }'))).toEqual(shown);
    expect(lines(contentsOf(undefined))).toEqual(shown);
  });

  it('leaves the list out when off, or below its number of articles', () => {
    expect(contentsOf('{ show: false }')).toBeUndefined();
    expect(contentsOf('{ minArticles: 4 }')).toBeUndefined();
    expect(contentsOf('{ minArticles: 3 }')).toBeDefined();
  });

  it('leaves the column labels out when asked', () => {
    expect(lines(contentsOf('{ columnLabels: false }')).filter((l) => l.startsWith('【'))).toEqual([]);
    expect(lines(contentsOf('{ columnLabels: false }'))).toHaveLength(4);
  });
});
