import { describe, expect, it } from 'vitest';
import { decodeEntity } from './html-entities.js';
import { extractHtml } from './html.js';

const lines = (html: string) =>
  extractHtml(html).blocks.map((b) => (b.kind === 'line' ? b.text.text : b.kind === 'list' ? { list: b.items.map((i) => i.text) } : { table: b }));

describe('extractHtml', () => {
  it('keeps one line per block and per <br>, in order', () => {
    expect(lines('<div><p>第一段</p><p>第二<b>段</b></p>第三段<br>第四段<h2>标题</h2></div>')).toEqual(['第一段', '第二段', '第三段', '第四段', '标题']);
  });
  it('closes <p> and <li> that the page left open', () => {
    expect(lines('<p>一<p>二<div>三</div>')).toEqual(['一', '二', '三']);
  });
  it('decodes entities and keeps each character’s source offset', () => {
    const html = '<p>&ldquo;好&rdquo;&nbsp;&#x4E2D;&#25991;&amp;&unknown;</p>';
    const [line] = extractHtml(html).blocks;
    expect(line?.kind === 'line' && line.text.text).toBe('“好”\u00a0中文&&unknown;');
    // “ comes from the & at 3, 好 sits at 10, ” at 11, the no-break space at 18.
    expect(line?.kind === 'line' && line.text.offsets.slice(0, 4)).toEqual([3, 10, 11, 18]);
  });
  it('drops scripts, styles, the head, navigation, forms and a page header and footer', () => {
    const html = `<html><head><title>页面标题</title><style>p{}</style></head><body>
      <header><div class="logo">网站</div></header><nav><a>首页</a></nav>
      <div class="breadcrumb">首页 &gt; 正文</div>
      <script>document.write("<p>不要</p>");</script>
      <article><header><h1>文章标题</h1></header><p>正文。</p><footer>来源：常州日报</footer></article>
      <form><input value="搜索"></form><div style="display:none">隐藏</div>
      <footer>版权所有</footer></body></html>`;
    const r = extractHtml(html);
    expect(r.blocks.map((b) => b.kind === 'line' && b.text.text)).toEqual(['文章标题', '正文。', '来源：常州日报']);
    expect(r.omitted.map((o) => o.what)).toEqual(['<head>', '<header>', '<nav>', '<div> "breadcrumb"', '<script>', 'hidden <div>', '<footer>']);
  });
  it('removes a line break of the page source between two Chinese characters, and keeps a space elsewhere', () => {
    expect(lines('<p>全市统一\n    战线 and\n  more</p>')).toEqual(['全市统一战线 and more']);
  });
  it('keeps data tables and content lists, and reads layout tables as text', () => {
    const html = `<article><table><caption>表1</caption><tr><th>项目</th><th>数量</th></tr><tr><td>捐款</td><td>1.3亿元</td></tr></table>
      <ul><li>第一项</li><li>第二项</li></ul>
      <table><tr><td><table><tr><td>布局</td></tr></table></td></tr></table></article>`;
    const r = extractHtml(html);
    const table = r.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind === 'table') {
      expect(table.caption?.text).toBe('表1');
      expect(table.header?.map((c) => c.text)).toEqual(['项目', '数量']);
      expect(table.rows.map((row) => row.map((c) => c.text))).toEqual([['捐款', '1.3亿元']]);
    }
    expect(lines(html).slice(1)).toEqual([{ list: ['第一项', '第二项'] }, '布局']);
  });
  it('lists images, which it cannot import', () => {
    expect(extractHtml('<p><img src="a.jpg" alt="图一">图注</p>').images).toEqual([{ at: 3, src: 'a.jpg', alt: '图一' }]);
  });
  it('keeps <pre> lines', () => {
    expect(lines('<pre>第一行\n第二行</pre>')).toEqual(['第一行', '第二行']);
  });
});

describe('decodeEntity', () => {
  it('reads named, decimal and hex references, and Windows-1252 numbers', () => {
    expect(decodeEntity('&mdash;', 0)).toEqual({ value: '—', length: 7 });
    expect(decodeEntity('&#8220;', 0)).toEqual({ value: '“', length: 7 });
    expect(decodeEntity('&#x201D;', 0)).toEqual({ value: '”', length: 8 });
    expect(decodeEntity('&#151;', 0)).toEqual({ value: '—', length: 6 });
    expect(decodeEntity('&nosuch;', 0)).toBeUndefined();
  });
});
