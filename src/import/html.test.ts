import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.js';
import type { SourceLine } from './source-blocks.js';

const lines = (html: string) =>
  extractHtml(html).blocks.map((b) => (b.kind === 'line' ? b.text.text : { table: b }));
const lineInfo = (html: string) => extractHtml(html).blocks.filter((b): b is SourceLine => b.kind === 'line');

describe('extractHtml', () => {
  it('keeps one line per block and per <br>, in order', () => {
    expect(lines('<div><p>第一段</p><p>第二<b>段</b></p>第三段<br>第四段<h2>标题</h2></div>')).toEqual(['第一段', '第二段', '第三段', '第四段', '标题']);
  });

  it('builds the tree as a browser does: implied end tags, stray end tags', () => {
    expect(lines('<p>一<p>二<div>三</div></br>四<li>五<li>六')).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('decodes every character reference and keeps each character’s source offset', () => {
    const html = '<p>&ldquo;好&rdquo;&nbsp;&#x4E2D;&#25991;&amp;&unknown;Ren&eacute; &frac13;&#x3000;止</p>';
    const [line] = lineInfo(html);
    expect(line!.text.text).toBe('“好”\u00a0中文&&unknown;René ⅓\u3000止');
    // “ comes from the & at 3, 好 sits at 10, ” at 11, the no-break space at 18.
    expect(line!.text.offsets.slice(0, 4)).toEqual([3, 10, 11, 18]);
    const e = line!.text.text.indexOf('é');
    expect(html.slice(line!.text.offsets[e]!)).toMatch(/^&eacute;/);
  });

  it('reads no scripts, styles or form controls, and keeps every other line for the recogniser to judge', () => {
    const html = `<html><head><title>页面标题</title><style>p{}</style></head><body>
      <header><div class="logo">网站</div></header><nav><a>首页</a></nav>
      <script>document.write("<p>不要</p>");</script>
      <article><h1>文章标题</h1><p>正文。</p></article>
      <form><input value="搜索"><button>提交</button><select><option>选项</option></select></form>
      <div style="display:none">隐藏</div><div style="visibility: hidden; opacity: 0">稍后显示</div>
      <footer>版权所有</footer></body></html>`;
    const r = extractHtml(html);
    expect(lines(html)).toEqual(['网站', '首页', '文章标题', '正文。', '隐藏', '稍后显示', '版权所有']);
    const info = lineInfo(html);
    expect(info.find((l) => l.text.text === '隐藏')!.html!.hidden).toBe('display');
    expect(info.find((l) => l.text.text === '稍后显示')!.html!.hidden).toBe('visibility');
    expect(info.find((l) => l.text.text === '文章标题')!.html!.heading).toBe(1);
    expect(info.find((l) => l.text.text === '首页')!.html!.linkChars).toBe(2);
    expect(r.scripts.map((s) => s.text)).toEqual(['document.write("<p>不要</p>");']);
  });

  it('removes a line break of the page source between two Chinese characters, and keeps a space elsewhere', () => {
    expect(lines('<p>全市统一\n    战线 and\n  more</p>')).toEqual(['全市统一战线 and more']);
  });

  it('keeps data tables, with a header row of <th> or of bold cells, and reads layout tables as text', () => {
    const html = `<article><table><caption>表1</caption><tr><th>项目</th><th>数量</th></tr><tr><td>捐款</td><td>1.3亿元</td></tr></table>
      <table><tr><td><strong>指标</strong></td><td><b>数值</b></td></tr><tr><td>甲</td><td>1</td></tr></table>
      <ul><li>第一项</li><li>第二项</li></ul>
      <table><tr><td><table><tr><td>布局</td></tr></table></td></tr></table></article>`;
    const blocks = extractHtml(html).blocks;
    const [first, second] = blocks;
    expect(first?.kind === 'table' && first.caption?.text).toBe('表1');
    expect(first?.kind === 'table' && first.header?.map((c) => c.text)).toEqual(['项目', '数量']);
    expect(first?.kind === 'table' && first.rows.map((row) => row.map((c) => c.text))).toEqual([['捐款', '1.3亿元']]);
    expect(second?.kind === 'table' && second.header?.map((c) => c.text)).toEqual(['指标', '数值']);
    const items = blocks.slice(2, 4) as SourceLine[];
    expect(items.map((l) => [l.text.text, l.html!.list!.ordered])).toEqual([['第一项', false], ['第二项', false]]);
    expect(lines(html).slice(4)).toEqual(['布局']);
  });

  it('reads a breadcrumb element as one line, however its steps are marked up', () => {
    expect(lines('<nav class="breadcrumbs"><ol><li><a>首页</a></li><li><a>综合新闻</a></li><li>正文</li></ol></nav><p>正文。</p>')).toEqual([
      '首页 > 综合新闻 > 正文',
      '正文。',
    ]);
  });

  it('lists images, taking a lazy-loaded address over its placeholder', () => {
    const r = extractHtml('<p><img src="a.jpg" alt="图一">图注</p><p><img data-src="https://example.com/b.png" src="data:image/svg+xml,x"></p>');
    expect(r.images.map(({ at, src, alt }) => ({ at, src, alt }))).toEqual([
      { at: 3, src: 'a.jpg', alt: '图一' },
      { at: 38, src: 'https://example.com/b.png', alt: '' },
    ]);
  });

  it('keeps <pre> lines', () => {
    expect(lines('<pre>第一行\n第二行</pre>')).toEqual(['第一行', '第二行']);
  });

  it('reads a page nested thousands deep without running out of stack', () => {
    const deep = '<div>'.repeat(5000) + '<p>深处的正文。</p>' + '</div>'.repeat(5000);
    expect(lines(deep)).toEqual(['深处的正文。']);
    const fonts = '<font>'.repeat(3000) + '字' + '</font>'.repeat(3000);
    expect(lines(`<p>${fonts}</p>`)).toEqual(['字']);
  });
});
