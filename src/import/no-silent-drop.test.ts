import fc from 'fast-check';
import { bodyTexts as texts } from './article.js';
import { describe, expect, it } from 'vitest';
import { headingMarker } from './headings.js';
import { DiagnosticError } from '../diagnostics/index.js';
import { importBytes } from './readers/index.js';

/** Lines of the kinds pasted pages are made of, furniture and body alike. */
const LINES = [
  '他山之石',
  '您当前的位置: 网站首页> 正文',
  '创新举措凝心聚力 推进常州统战事业蓬勃发展',
  '——记常州统一战线',
  '发布时间:2021-03-04 浏览:',
  '发布日期：2021年3月4日 来源：常州日报',
  '编者按:2020年是极不平凡的一年,全市统一战线取得显著成效。',
  '一、大战大考彰显担当作为',
  '二、统战工作体系更加完善',
  '（一）坚持党的领导。全市各级党组织认真落实主体责任。',
  '(二)服务大局',
  '1.加强组织建设',
  '（1）完善制度',
  '第一部分 总体情况',
  '2020年,面对突如其来的新冠肺炎疫情,累计捐款捐物约1.3亿元。',
  '在全省率先编制《全市宗教活动场所布局专项规划》(2020-2035年),获奖。',
  '努力提升全市"1+6+N"联谊组织体系和"1+6"品牌矩阵建设水平',
  '2021年,全市统一战线将认真按照中央的工作要求,作出新的更大的贡献!',
  '总之，我们要再接再厉。',
  '来源:常州日报',
  '作者：张三',
  '责任编辑：李四',
  '上一篇：某某新闻',
  '常州统一战线网',
  '版权所有 © 2021',
  '【打印】【关闭】',
  'Hello, world (really)!',
  '本报记者 张示例 通讯员 李示例',
  '长者模式',
  '首页 政务公开 政务服务 互动交流',
  '当前位置：首页 > 新闻中心 > 部门动态',
  '发布时间：2025-11-20 10:30 来源：示例 浏览次数：-- 【字号：大 中 小】',
  '2025年12月03日05:41 | 来源：示例网－示例日报',
  '原创 示例作者 示例公众号 2025年11月28日 18:30 浙江',
  '相关新闻',
  '【纠错】【责任编辑：示例】',
  '《 示例日报 》（ 2025年12月03日 04 版）',
  '阅读原文',
  '分享到：',
  '附件：1.示例检查表.docx 2.示例安排表.pdf',
  '1.道路交通领域，加强节日客运车辆管控；',
  '2.燃气安全领域，全面排查隐患。',
  '示政办发〔2025〕35号',
  '各乡镇人民政府，县政府各部门：',
  '示例县人民政府办公室',
  '2025年12月20日',
];

/** The Han characters of a line, without the heading number and note label the importer strips. */
function signature(line: string): string {
  const m = headingMarker(line);
  const rest = m ? line.slice(m.marker.length) : line;
  return rest.replace(/^[【\[]?编者按[】\]]?/, '').replace(/[^\p{Script=Han}]/gu, '');
}

describe('no silent drop', () => {
  /**
   * Imports `source` and checks that each of `lines` is somewhere: in the article, in the
   * furniture listed, or in an unplaced warning. A source with no article at all is a clear error.
   */
  const accounted = (source: string, name: string, lines: string[]) => {
    let r: ReturnType<typeof importBytes>;
    try {
      r = importBytes(Buffer.from(source), name);
    } catch (e) {
      // Only furniture, no title and no text: a clear error, not a YAML of nothing.
      if (e instanceof DiagnosticError && e.diagnostics[0]?.rule === 'no-article') return;
      throw e;
    }
    const a = r.article;
    const kept = [a.kicker, a.title, ...(a.titleLines ?? []), a.subtitle, a.column, a.source, a.author, a.editorNote, ...texts(a.body), ...(a.attachments ?? [])]
      .concat(r.summary.furniture.map((f) => f.text))
      .concat(r.diagnostics.filter((d) => d.rule === 'unplaced').map((d) => d.message))
      .filter((t): t is string => t !== undefined)
      .map(signature);
    // A heading run into its paragraph is split in two, one after the other.
    const all = kept.join('|') + '|' + kept.join('');
    for (const line of lines) {
      const sig = signature(line);
      if (sig !== '' && !all.includes(sig)) throw new Error(`line '${line}' went missing from:\n${source}`);
    }
  };

  it('accounts for every line of any mix: imported, listed as furniture, or warned about', () => {
    const doc = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(doc, fc.boolean(), (lines, blank) => accounted(lines.join(blank ? '\n\n' : '\n') + '\n', 'x.txt', lines)),
      { numRuns: 400 },
    );
  });

  it('accounts for every line of a page too, whatever its elements', () => {
    const block = fc.record({ line: fc.constantFrom(...LINES), tag: fc.constantFrom('p', 'div', 'li', 'h1', 'h2', 'td', 'span'), wrap: fc.constantFrom('', 'div', 'section', 'article') });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 14 }), (blocks) => {
        const element = (b: (typeof blocks)[number]) => `<${b.tag}>${b.line}</${b.tag}>`;
        const page = `<html><body>${blocks.map((b) => (b.wrap ? `<${b.wrap}>${element(b)}</${b.wrap}>` : element(b))).join('\n')}</body></html>`;
        accounted(page, 'x.html', blocks.map((b) => b.line));
      }),
      { numRuns: 300 },
    );
  });

  it('never fails on arbitrary text but with a located no-article error', () => {
    const imports = (text: string, name: string) => {
      try {
        importBytes(Buffer.from(text), name);
        return 'ok';
      } catch (e) {
        if (e instanceof DiagnosticError && e.diagnostics.length === 1 && e.diagnostics[0]!.rule === 'no-article' && e.diagnostics[0]!.pos) return 'no article';
        throw e;
      }
    };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(['ok', 'no article']).toContain(imports(text, 'x.txt'));
        expect(['ok', 'no article']).toContain(imports(text, 'x.html'));
      }),
      { numRuns: 300 },
    );
    expect(imports('', 'x.txt')).toBe('no article');
    expect(imports('<ul><li><a href="/1">示例新闻一</a></li><li><a href="/2">示例新闻二</a></li></ul>', 'x.html')).toBe('no article');
  });
});
