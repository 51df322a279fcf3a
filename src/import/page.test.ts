import { describe, expect, it } from 'vitest';
import { DiagnosticError, formatDiagnostic } from '../diagnostics/index.js';
import { importBytes } from './readers/index.js';

const html = (page: string) => importBytes(Buffer.from(page), 'page.html');
const text = (page: string) => importBytes(Buffer.from(page), 'page.txt');
const rules = (r: ReturnType<typeof html>) => r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule);
const BODY = '<p>示例市今年新建口袋公园十二个，居民休闲有了好去处。</p><p>市园林局表示，明年将继续推进公园城市建设，让绿色惠及更多群众。</p>';

describe('fields of a page', () => {
  it('reads a WeChat page saved as served: the hidden article, and its fields from the script', () => {
    const r = html(`<html><head><meta property="og:title" content="示例标题"></head><body>
      <h1 class="rich_media_title" id="activity-name">示例标题</h1>
      <div id="meta_content"><span id="profileBt"><a id="js_name">示例公众号</a></span><em id="publish_time"></em></div>
      <div class="rich_media_content" id="js_content" style="visibility: hidden; opacity: 0;">${BODY}</div>
      <script>var nickname = htmlDecode("示例公众号"); var ct = "1764325800";</script></body></html>`);
    expect(r.article).toMatchObject({ title: '示例标题', source: '示例公众号', date: '2025-11-28' });
    expect(r.article.body).toHaveLength(2);
    expect(rules(r)).toEqual([]);
  });

  it('trusts the page’s tags over its publication line, and reports the difference', () => {
    const r = html(`<head><meta name="ArticleTitle" content="示例标题"><meta name="PubDate" content="2025-11-20 10:30"><meta name="ContentSource" content="示例市发展改革委"></head>
      <body><h1>示例标题</h1><div>发布时间：2025-11-19 来源：示例市政府办</div><div id="zoom">${BODY}</div></body>`);
    expect(r.article).toMatchObject({ date: '2025-11-20', source: '示例市发展改革委' });
    expect(r.diagnostics.filter((d) => d.rule === 'conflict').map((d) => d.message)).toEqual([
      "source '示例市政府办' (line 2) differs from '示例市发展改革委' (<meta name=\"contentsource\">): keeping '示例市发展改革委'",
      "date '2025-11-19' (line 2) differs from '2025-11-20' (<meta name=\"pubdate\">): keeping '2025-11-20'",
    ]);
  });

  it('takes 发布日期 over 成文日期 from a 信息公开 table, and says so', () => {
    const r = html(`<body><table><tr><th>发文机关：</th><td>示例县人民政府办公室</td><th>成文日期：</th><td>2025年11月21日</td></tr>
      <tr><th>发文字号：</th><td>示政办发〔2025〕48号</td><th>发布日期：</th><td>2025年11月25日</td></tr></table>
      <h1>示例通知</h1><div>${BODY}</div></body>`);
    expect(r.article).toMatchObject({ title: '示例通知', date: '2025-11-25', source: '示例县人民政府办公室' });
    expect(r.diagnostics.find((d) => d.rule === 'written-date')?.message).toBe(
      '成文日期 2025-11-21 (line 1) is when the document was signed: date is the publication date (发布日期), 2025-11-25',
    );
  });

  it('says when the <title> does not name the title on the page', () => {
    const r = html(`<head><title>另一个标题_示例网</title></head><body><h1>示例标题</h1><div>发布时间：2025-11-20</div><div>${BODY}</div></body>`);
    expect(r.article.title).toBe('示例标题');
    expect(r.diagnostics.filter((d) => d.rule === 'title-mismatch').map(formatDiagnostic)[0]).toMatch(
      /^page\.html:1:\d+: warning\[title-mismatch\]: the page's <title> '另一个标题_示例网' does not name the title found, '示例标题'/,
    );
  });

  it('takes no site name for a title, even when a tag says so', () => {
    const r = html(`<head><meta property="og:title" content="示例市人民政府门户网站"></head><body><div class="logo">示例市人民政府门户网站</div>
      <div class="title">示例市召开全市工作会议</div><div>发布时间：2025-11-20</div><div>${BODY}</div></body>`);
    expect(r.article.title).toBe('示例市召开全市工作会议');
  });
});

describe('structure', () => {
  it('keeps a run of numbered items as paragraphs, and lifts the signature out of the last section', () => {
    const r = text(`示例通知\n发布日期：2025-12-22\n一、突出重点领域\n要围绕以下领域开展排查：\n1.道路交通领域，加强客运车辆管控；\n2.消防安全领域，加强人员密集场所检查；\n3.燃气安全领域，全面排查隐患。\n二、严格值班值守\n节日期间严格执行值班制度。\n示例县人民政府办公室\n2025年12月20日\n`);
    expect(r.article.body).toEqual([
      {
        heading: '突出重点领域',
        body: ['要围绕以下领域开展排查：', '1.道路交通领域，加强客运车辆管控；', '2.消防安全领域，加强人员密集场所检查；', '3.燃气安全领域，全面排查隐患。'],
      },
      { heading: '严格值班值守', body: ['节日期间严格执行值班制度。'] },
      '示例县人民政府办公室',
      '2025年12月20日',
    ]);
    expect(r.article.date).toBe('2025-12-22');
  });

  it('dates a document that gives no other date by its signature, and says so', () => {
    const r = text('示例市教育局关于做好寒假安全工作的通知\n各县（市、区）教育局：\n现将有关事项通知如下，请认真落实。\n示例市教育局\n2026年1月10日\n');
    expect(r.article.date).toBe('2026-01-10');
    expect(r.diagnostics.find((d) => d.rule === 'written-date')?.message).toBe(
      'no publication date (发布日期): date is the date the document was signed, 2026-01-10 (the signature)',
    );
  });

  it('reads a title broken over two lines as one, and keeps the break', () => {
    const r = text('示例县人民政府\n关于做好冬季供暖工作的通知\n发布时间：2025-11-01\n示政发〔2025〕9号\n各乡镇人民政府，县政府各部门：\n现将有关事项通知如下。\n');
    expect(r.article).toMatchObject({ title: '示例县人民政府关于做好冬季供暖工作的通知', titleLines: ['示例县人民政府', '关于做好冬季供暖工作的通知'] });
    expect(r.article.body).toEqual(['示政发〔2025〕9号', '各乡镇人民政府，县政府各部门：', '现将有关事项通知如下。']);
  });

  it('drops the title the body repeats, and takes no site logo for the title', () => {
    const r = html(`<h1 class="logo">示例市发展和改革委员会</h1><div class="crumb">当前位置：首页 > 工作动态</div>
      <div class="tit">示例市召开全市重点项目推进会</div><div>发布时间：2025-11-20</div>
      <div id="zoom"><p align="center"><strong>示例市召开全市重点项目推进会</strong></p>${BODY}</div>`);
    expect(r.article.title).toBe('示例市召开全市重点项目推进会');
    expect(r.article.body).toHaveLength(2);
    expect(r.summary.furniture.map((f) => f.what)).toContain('title again (dropped)');
  });

  it('keeps a short last paragraph, and joins a paragraph the page broke with <br> mid-sentence', () => {
    const r = html(`<h1>示例标题</h1><div>发布时间：2025-11-20</div><div id="zoom">
      <p>　　今年以来，示例市坚持项目为王，重点项目建设总体保持良好态势，一批打基础、<br>利长远的项目加快落地见效。<br>　　第二段很短。</p>
      <p>　　第三段也是正文。</p></div><div class="foot">版权所有：示例</div>`);
    expect(r.article.body).toEqual(['今年以来，示例市坚持项目为王，重点项目建设总体保持良好态势，一批打基础、利长远的项目加快落地见效。', '第二段很短。', '第三段也是正文。']);
  });

  it('keeps the ideographic spaces a page writes on purpose', () => {
    const r = html(`<h1>示例标题</h1><div>发布时间：2025-11-20</div><div><p>本报讯&#x3000;今年以来，示例市新建口袋公园十二个。</p><p>市园林局表示，明年将继续推进建设。</p></div>`);
    expect(r.article.body[0]).toBe('本报讯\u3000今年以来，示例市新建口袋公园十二个。');
  });
});

describe('a page without an article', () => {
  it('is an error that names where the page’s text is', () => {
    const page = `<body><div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div>
      <ul class="list"><li><a href="/1">示例市召开全市重点项目推进会</a><span>2025-11-20</span></li>
      <li><a href="/2">示例市开展秋冬季大气污染防治专项检查</a><span>2025-09-18</span></li></ul></body>`;
    let error: unknown;
    try {
      html(page);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DiagnosticError);
    const [d] = (error as DiagnosticError).diagnostics;
    expect(formatDiagnostic(d!)).toMatch(/^page\.html:1:1: error\[no-article\]: no article found in page\.html: no part of the page has sentences of text; the largest blocks of text are <ul\.list> at line 2: \d+ characters, \d+% in links/);
  });

  it('reads no more than any article has, and says so', () => {
    const huge = `标题\n${'示例文字。'.repeat(450_000)}\n`;
    expect(() => text(huge)).toThrow(/error\[too-large\]: page\.txt is too large to be one article: 6,750,008 bytes, where an import reads at most 6,291,456/);
  });

  it('takes an article the page hides until a script runs, and warns', () => {
    const r = html(`<h1>示例标题</h1><div>发布时间：2025-11-20</div><div id="content" style="display:none">${BODY}</div>`);
    expect(r.article.body).toHaveLength(2);
    expect(rules(r)).toContain('hidden-article');
  });
});
