import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_WIDTH, GRID_CELL, serifRegular } from './fixtures.js';
import { classifyAll } from './char-class.js';
import { composeDetailed, type ComposeOptions } from './index.js';
import { computeBreaks } from './segment.js';
import { lineText } from './test-util.js';
import { classifyAddresses, markHyphenBreaks, markWordBreaks, wordTokens } from './word-breaks.js';
import { loadHyphenation } from './hyphenate.js';

const metrics = serifRegular();
const grid: ComposeOptions = { metrics, size: 16, width: BLOCK_WIDTH, firstLineIndent: 2, gridCell: GRID_CELL, punctuation: 'quanjiao', align: 'justify' };

/** The text with its break opportunities drawn: | clreq, ¦ after a URL mark, · last resort in an address, ‐ hyphenation. */
function breaks(text: string): string {
  const cps = Int32Array.from([...text].map((c) => c.codePointAt(0)!));
  const cls = new Uint8Array(cps.length);
  classifyAll(cps, cls);
  const tokens = wordTokens(cps);
  classifyAddresses(tokens, cls);
  const brk = new Uint8Array(cps.length);
  computeBreaks(cls, brk);
  markWordBreaks(tokens, cps, cls, brk);
  markHyphenBreaks(tokens, cps, brk);
  return [...text].map((c, k) => ['', '|', '¦', '·', '‐', '‐'][brk[k]!]! + c).join('');
}

describe('breaks inside URLs, e-mail addresses, paths and Latin words', () => {
  beforeAll(loadHyphenation);
  it('breaks a URL after / . ? & = - _, never inside :// or its scheme, never before a closing mark', () => {
    const b = breaks('见https://zwfw.example.gov.cn/portal/index.html?id=3&from=tl，谢谢');
    expect(b).toContain('https://¦zw');
    expect(b).not.toMatch(/h[|¦·]t|t[|¦·]p|s[|¦·]:|:[|¦·]\/|\/[|¦·]\//);
    for (const piece of ['gov.¦cn/¦', 'ex.¦ht', 'ml?¦id=¦3&¦fr', '=¦tl']) expect(b).toContain(piece);
    expect(b).toContain('tl，|谢');
  });

  it('breaks an e-mail address after - . @ and a Windows path after \\, a number never', () => {
    expect(breaks('邮箱xinxi-baosong@example.gov.cn，')).toContain('xi·n·xi-¦ba·o·s·o·ng@¦ex');
    expect(breaks('写入C:\\Users\\Public\\运维')).toContain('C:\\¦Us');
    const numbers = breaks('增长12.6%，2020-2035年，192.168.1.1和v1.2.3版');
    for (const whole of ['12.6%', '2020-2035年', '192.168.1.1', 'v1.2.3']) expect(numbers).toContain(whole);
  });

  it('hyphenates long words by TeX’s US English patterns, capitalised ones too, acronyms and camel case only at a capital', () => {
    expect(breaks('介绍Internationalization和interoperability')).toContain('In‐ter‐na‐tion‐al‐iza‐tion');
    expect(breaks('与World Trade Organization成员')).toContain('Or‐ga‐ni‐za‐tion');
    const names = breaks('支持WebSocket和OpenAPI与HTTPS');
    for (const piece of ['Web‐Socket|', 'Open‐API|', '|HTTPS']) expect(names).toContain(piece);
    // a word glued to a digit is a code: OAuth2 stays whole
    expect(breaks('支持OAuth2协议')).toContain('OAuth2');
  });

  it('sets the issue’s URL line at a tenth of the old spacing, keeping every character', () => {
    const text = '为方便群众和企业办事，示例市政务服务网自4月1日起启用新域名，原域名同步停止解析。群众可通过新网址（https://zwfw.example.gov.cn/portal/index.html）查询办事指南、预约窗口服务。';
    const { lines, details } = composeDetailed(text, grid);
    expect(lines.map(lineText).join('')).toBe(text);
    for (const d of details) expect(d.extraEm).toBeLessThan(0.05);
    // the old break after `https:` is gone
    expect(lines.map(lineText).some((t) => t.endsWith('https:'))).toBe(false);
  });

  it('ends a hyphenated line with a hyphen drawn after its runs, the text itself unchanged', () => {
    const text = '培训中，技术人员介绍了Internationalization、interoperability和state-of-the-art等术语的含义。';
    const { lines } = composeDetailed(text, grid);
    expect(lines.map(lineText).join('')).toBe(text);
    const hyphenated = lines.filter((l) => l.hyphen);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const l of hyphenated) {
      expect(l.hyphen!.text).toBe('-');
      expect(lineText(l)).toMatch(/[a-z]$/);
      expect(l.x + l.width).toBeCloseTo(BLOCK_WIDTH, 2);
    }
  });

  it('keeps every address, path and word whole when the theme says so', () => {
    const text = '详见https://www.example.gov.cn/zwgk/zcjd/index.html，以及Internationalization的用法。'.repeat(3);
    const { lines } = composeDetailed(text, { ...grid, composition: { breakInsideWords: false } });
    for (const l of lines) expect(l.hyphen).toBeUndefined();
    const texts = lines.map(lineText).join('\n');
    expect(texts.match(/https:\/\/www\.example\.gov\.cn\/zwgk\/zcjd\/index\.html/g)).toHaveLength(3);
    expect(texts.match(/Internationalization/g)).toHaveLength(3);
  });

  it('never loses text and never breaks inside :// for any mix of addresses and Chinese', () => {
    const piece = fc.constantFrom('https://www.example.gov.cn/a/b_c.html?x=1&y=2', 'name.surname@example.org', '/var/log/app_2021.log', 'state-of-the-art', 'Internationalization', '示例文本', '，', '。', '统一战线工作', 'OpenAPI');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 3, maxLength: 30 }), fc.integer({ min: 150, max: 450 }), (parts, width) => {
        // (Pieces as a writer would separate them; two addresses glued together are one token.)
        const text = parts.join('和');
        const { lines } = composeDetailed(text, { ...grid, width, gridCell: undefined });
        expect(lines.map(lineText).join('')).toBe(text);
        for (let k = 0; k + 1 < lines.length; k++) {
          const joint = lineText(lines[k]!).slice(-3) + '|' + lineText(lines[k + 1]!).slice(0, 3);
          expect(joint).not.toMatch(/:\|\/|:\/\|\/|h\|ttp|http\|s/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
