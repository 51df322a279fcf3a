// A role's bold: its family's own bold face when there is one (in fonts/, installed, or bundled
// beside the bundled regular), else synthetic bold (filled and stroked), never a bold of another
// family beside it. Faces made for the test stand in for installed ones (JIANBAO_FONT_DIRS).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGlyphRuns } from '../../src/verify/pdf-glyphs.js';
import { drawnLines } from '../../src/verify/line-metrics.js';
import { ownFontEnvironment } from './font-env.js';
import { cli, tempDir } from '../support.js';
import { BASE_FONTS, makeFont } from './make-font.js';
import { baseFonts } from './pdf-fonts.js';

const root = tempDir('jianbao-bold-');
ownFontEnvironment(root);

const H3 = '示例三级标题';
const ARTICLE = `title: 示例：加粗
date: 2021-03-04
body:
  - heading: 示例一级标题
    body:
      - heading: 示例二级标题
        body:
          - heading: ${H3}
            body:
              - 示例正文，用于检查三级标题的粗体。
`;

/** Builds the article's report PDF in a project of its own, with these faces "installed". */
async function build(name: string, installed: Record<string, Buffer>, setting: 'installed' | 'bundled') {
  const dir = path.join(root, name);
  const fonts = path.join(dir, 'system-fonts');
  fs.mkdirSync(path.join(dir, 'content/articles'), { recursive: true });
  fs.mkdirSync(fonts, { recursive: true });
  for (const [f, bytes] of Object.entries(installed)) fs.writeFileSync(path.join(fonts, f), bytes);
  fs.writeFileSync(path.join(dir, 'content/articles/bold.yaml'), ARTICLE);
  process.env.JIANBAO_FONT_DIRS = fonts;
  process.env.JIANBAO_FONTS = setting;
  const r = await cli(['build', '--format', 'pdf', '--layout', 'report', '--no-preview', '--jobs', '1'], dir);
  expect(r.code, r.stderr).toBe(0);
  const pdf = new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/bold/report.pdf')));
  const { runs } = await readGlyphRuns(pdf);
  const heading = drawnLines(runs).find((l) => l.text.includes(H3))?.runs ?? [];
  return { fonts: baseFonts(pdf), heading };
}

const fangsong = (weight?: number) =>
  makeFont(weight ? BASE_FONTS.serifBold : BASE_FONTS.serif, { families: [['仿宋', 'zh-CN'], ['FangSong', 'en-US']], subfamily: weight ? 'Bold' : 'Regular', postscript: weight ? 'FangSong-Bold' : 'FangSong', ...(weight ? { weight } : {}) });

describe("a role's bold", () => {
  it('is synthetic for a face without a bold (an installed 仿宋): stroked in that face, no other family\'s bold beside it', async () => {
    const { fonts, heading } = await build('fangsong-only', { 'simfang.ttf': fangsong() }, 'installed');
    expect(fonts).not.toContain('NotoSerifSC-Bold');
    expect(heading.length).toBeGreaterThan(0);
    for (const r of heading) {
      expect(r.fontName).toBe('FangSong');
      expect(r.renderMode).toBe(2);
      expect(r.lineWidth).toBeCloseTo(0.03 * 16, 3);
    }
  });

  it("is the family's own bold face when one is installed beside the regular", async () => {
    const { heading } = await build('fangsong-bold', { 'simfang.ttf': fangsong(), 'simfangbd.ttf': fangsong(700) }, 'installed');
    expect(heading.length).toBeGreaterThan(0);
    for (const r of heading) {
      expect(r.fontName).toBe('FangSong-Bold');
      expect(r.renderMode).toBe(0);
    }
  });

  it('is the bundled bold beside the bundled regular', async () => {
    const { heading } = await build('bundled', {}, 'bundled');
    expect(heading.length).toBeGreaterThan(0);
    for (const r of heading) expect(r.fontName).toBe('NotoSerifSC-Bold');
  });
});
