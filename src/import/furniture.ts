/**
 * Page furniture of Chinese article pages, as text: breadcrumbs, the publication line
 * (发布时间:2021-03-04 浏览: and its variants), source/author/editor lines, view counters,
 * print/close/share links, copyright and ICP lines.
 */

export const BREADCRUMB =
  /^(?:您|你)?(?:当前|现在)?(?:的)?(?:所在)?(?:位置|路径)\s*[:：]|^当前位置|^首页\s*[>＞»›]|[>＞»›]{1,2}\s*(?:正文|详情|内容)\s*$/;

/** The column named by a breadcrumb: its last segment that is not 首页 or 正文. */
export function breadcrumbColumn(text: string): string | undefined {
  const body = text.replace(/^.*?(?:位置|路径)\s*[:：]/, '');
  const segments = body.split(/\s*[>＞»›]+\s*/).map((s) => s.trim()).filter((s) => s !== '');
  const named = segments.filter((s) => !/^(?:网站)?首页$|^正文$|^详情$|^内容$|^主页$/.test(s));
  return named.length > 1 ? named[named.length - 1] : named[0];
}

const LABELS: { field: MetaField; re: string }[] = [
  { field: 'date', re: '(?:发布|发表|更新|发文|录入|上传|信息|成文)?(?:时间|日期)' },
  { field: 'source', re: '(?:信息|稿件|文章|新闻|本文|内容)?来源' },
  { field: 'author', re: '作者|撰稿人?|文稿|文字|记者|供稿|供稿人' },
  { field: 'editor', re: '(?:责任|网络|值班)?编辑|责编|审核|审校|校对|编审|签发' },
  { field: 'views', re: '浏览(?:次数|量)?|点击(?:数|量|次数|率)?|阅读(?:数|量|次数)?|访问(?:量|次数)|人气' },
  { field: 'ignore', re: '字号|字体|分享到?|打印|关闭' },
];

export type MetaField = 'date' | 'source' | 'author' | 'editor' | 'views' | 'ignore';

export interface MetaLine {
  date?: string;
  source?: string;
  author?: string;
  editor?: string;
  /** Which labels the line carried, in order. */
  fields: MetaField[];
}

const LABEL_RE = new RegExp(`(${LABELS.map((l) => l.re).join('|')})\\s*[:：]`, 'g');
/** Page buttons: 【打印本页】【关闭窗口】[大][中][小] and the like. */
const BUTTONS = /[【\[［]\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|收藏|分享|返回顶部|[大中小]|字体[:：]?\s*[大中小\s]*)\s*[】\]］]/g;

/** YYYY-MM-DD from 2021-03-04, 2021/3/4, 2021.3.4 or 2021年3月4日; undefined for no valid date. */
export function parseDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const BARE_DATE = /^[\[［(（【]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[\]］)）】]?$/;

/**
 * Reads a line made only of labelled fields (发布时间:… 来源:… 浏览:…) or a bare date.
 * A line with anything else in it is not a meta line: body text may well start with 时间：.
 */
export function parseMetaLine(line: string): MetaLine | undefined {
  const text = line.replace(BUTTONS, ' ').trim().replace(/^[(（【\[]\s*(.*?)\s*[)）】\]]$/, '$1').trim();
  if (text === '') return new RegExp(BUTTONS.source).test(line) ? { fields: ['ignore'] } : undefined;
  if (BARE_DATE.test(text)) {
    const date = parseDate(text);
    return date ? { date, fields: ['date'] } : undefined;
  }
  const found = [...text.matchAll(LABEL_RE)];
  if (found.length === 0 || found[0]!.index !== 0) return undefined;
  const meta: MetaLine = { fields: [] };
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const value = text.slice(m.index + m[0].length, found[k + 1]?.index ?? text.length).trim();
    const field = LABELS.find((l) => new RegExp(`^(?:${l.re})$`).test(m[1]!))!.field;
    meta.fields.push(field);
    if (field === 'date') {
      const date = parseDate(value);
      // 时间：下午三点 is body text, not a publication line.
      if (!date || value.replace(/[\d\s:：\-/.年月日]/g, '') !== '') return undefined;
      meta.date = date;
    } else if (field === 'views') {
      if (!/^\d*\s*次?$/.test(value)) return undefined;
    } else if (field === 'source' || field === 'author' || field === 'editor') {
      if (value.length > 40 || /[。！？；]/.test(value)) return undefined;
      if (value !== '') meta[field] = value;
    }
  }
  return meta;
}

/** Footer lines that are never article text. */
export const FOOTER =
  /^(?:上一篇|下一篇|上一条|下一条|相关(?:文章|新闻|阅读|链接)|【?(?:打印|关闭)|分享到|扫一扫|版权所有|Copyright|©|主办(?:单位)?\s*[:：]|承办(?:单位)?\s*[:：]|技术支持\s*[:：]|网站标识码|.{0,20}ICP[备证]|.{0,20}公网安备|返回顶部)/i;

/** 文/张三, a by-line under the title. */
export const BYLINE = /^文\s*[/／]\s*(\S.{0,30})$/;

/** 编者按：… at the start of a line, with the label as written. */
export const EDITOR_NOTE = /^[【\[［]?\s*(?:编者按|编者的话|编者语|编前语)\s*[】\]］]?\s*[:：]?\s*/;
