import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingMarker } from './headings.js';
import { importBytes, type ImportedBlock } from './readers/index.js';

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
];

function texts(body: ImportedBlock[]): string[] {
  return body.flatMap((b) => {
    if (typeof b === 'string') return [b];
    if ('heading' in b) return [b.heading, ...texts(b.body)];
    if ('table' in b) return [...(b.table.header ?? []), ...b.table.rows.flat()];
    return b.list;
  });
}

/** The Han characters of a line, without the heading number and note label the importer strips. */
function signature(line: string): string {
  const m = headingMarker(line);
  const rest = m ? line.slice(m.marker.length) : line;
  return rest.replace(/^[【\[]?编者按[】\]]?/, '').replace(/[^\p{Script=Han}]/gu, '');
}

describe('no silent drop', () => {
  it('accounts for every line of any mix: imported, listed as furniture, or warned about', () => {
    const doc = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(doc, fc.boolean(), (lines, blank) => {
        const text = lines.join(blank ? '\n\n' : '\n') + '\n';
        const r = importBytes(Buffer.from(text), 'x.txt');
        const a = r.article;
        const kept = [a.title, a.subtitle, a.column, a.source, a.author, a.editorNote, ...texts(a.body)]
          .concat(r.summary.furniture.map((f) => f.text))
          .concat(r.diagnostics.filter((d) => d.rule === 'unplaced').map((d) => d.message))
          .filter((t): t is string => t !== undefined)
          .map(signature);
        // A heading run into its paragraph is split in two, one after the other.
        const all = kept.join('|') + '|' + kept.join('');
        for (const line of lines) {
          const sig = signature(line);
          if (sig !== '' && !all.includes(sig)) {
            throw new Error(`line '${line}' went missing from:\n${text}`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(() => importBytes(Buffer.from(text), 'x.txt')).not.toThrow();
        expect(() => importBytes(Buffer.from(text), 'x.html')).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
