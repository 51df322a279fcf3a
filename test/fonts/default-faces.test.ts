// Without any official face installed (this repository pins the bundled faces), the 楷体 role is
// set in LXGW WenKai, a real Kai face: the seed's 编者按 and a （一） heading, read back from the PDF.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto, ROOT, SEED } from '../support.js';
import { baseFonts, fontsOfText } from './pdf-fonts.js';

const SAMPLE = path.join(ROOT, 'content/articles/sample-information-work.yaml');

describe('the default faces', () => {
  it('set the editor\'s note and （一） headings in LXGW WenKai, not in bold Noto Serif', async () => {
    const { read } = await buildInto([SEED, SAMPLE], { layouts: ['report'], formats: ['pdf'] });
    const seed = read('articles/changzhou-united-front-2020/report.pdf');
    expect(baseFonts(seed)).toEqual(['LXGWWenKai-Regular', 'NotoSansSC-Bold', 'NotoSerifSC-Black', 'NotoSerifSC-Regular']);
    expect(await fontsOfText(seed, '2020年是极不平凡的一年，全市统一战线在市委的坚强领导下')).toEqual([expect.stringMatching(/\+LXGWWenKai-Regular$/)]);
    const sample = read('articles/sample-information-work/report.pdf');
    expect(fs.readFileSync(SAMPLE, 'utf8')).toContain('heading: 注重时效');
    expect(await fontsOfText(sample, '（一）注重时效')).toEqual([expect.stringMatching(/\+LXGWWenKai-Regular$/)]);
    expect(baseFonts(sample)).not.toContain('NotoSerifSC-Bold');
  });
});
