/**
 * Readers of page furniture, one kind of line each: labelled lines (the publication line, a
 * source or editor line, a 信息公开 table row), bare dates, breadcrumbs, by-lines, WeChat's header,
 * newspaper edition lines, buttons, navigation and tails. Each returns what the line says or
 * undefined; none decides where a line may stand (segment.ts does).
 */
import {
  AUTHOR_ROLES,
  BREADCRUMB_NON_COLUMNS,
  BREADCRUMB_OPENERS,
  BUTTON_WORDS,
  BYLINE_BULLETS,
  COUNTER,
  EDITION_LINE,
  EDITOR_NOTE_LABELS,
  FIELD_LABELS,
  FONT_SWITCH,
  FOOTER_ANYWHERE,
  FOOTER_PREFIXES,
  NAV_WORDS,
  OTHER_ROLES,
  REGIONS,
  TAIL_OPENERS,
  TAIL_PREFIXES,
  WECHAT_FOLLOW,
  WECHAT_FURNITURE,
  WECHAT_TAIL,
  type FieldKind,
} from './furniture-data.js';

/** No furniture line is longer: longer lines are text, and skip every reader (bounded time on any input). */
const MAX_FURNITURE = 300;
const tooLong = (line: string) => line.length > MAX_FURNITURE;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

// ---------------------------------------------------------------------------------------------
// Dates

const DATE =
  /(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?|\s+(\d{1,2})\s*\/\s*(\d{1,2})(?!\d))/;

/** YYYY-MM-DD from 2021-03-04, 2021/3/4, 2021.3.4, 2021年3月4日 or 2025 06/05; undefined for no valid date. */
export function parseDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  return isoDate(y, mo, d);
}

export function isoDate(y: number, mo: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date with an optional time and weekday, and nothing else: 2025-12-03 09:15:20, 2025年12月03日05:41, 2025 06/05 10:12. */
const DATE_ONLY =
  /^[[［(（【]?\s*\d{4}\s*(?:[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\s+\d{1,2}\s*\/\s*\d{1,2})\s*(?:T?\s*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}\s*秒?)?\s*分?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*(?:星期|周)?[一二三四五六日天]?\s*[\]］)）】]?$/;

export function dateOnly(text: string): string | undefined {
  if (text.length > 60) return undefined;
  return DATE_ONLY.test(text.trim()) ? parseDate(text) : undefined;
}

const HAS_TIME = /\d{1,2}\s*[:：]\s*\d{2}/;

// ---------------------------------------------------------------------------------------------
// Labelled lines

export interface LabelledField {
  kind: FieldKind;
  label: string;
  value: string;
  /** Where the value starts in the line. */
  start: number;
  /** For dates: YYYY-MM-DD. */
  date?: string;
}

export interface LabelledLine {
  fields: LabelledField[];
  /** A date that opens the line without a label: 2025年12月03日05:41 | 来源：… */
  leadingDate?: { date: string; start: number };
  /** Buttons the line carried (【打印】, 字号：大 中 小). */
  buttons: boolean;
}

const LABELS: { kind: FieldKind; label: string }[] = Object.entries(FIELD_LABELS)
  .flatMap(([kind, labels]) => labels.map((label) => ({ kind: kind as FieldKind, label })))
  .sort((a, b) => b.label.length - a.label.length);
const LABEL_OF = new Map(LABELS.map((l) => [l.label, l.kind]));
/** A label, with the spaces some pages put inside it (索 引 号), then a colon. */
const LABEL_ALTERNATIVES = LABELS.map((l) => [...l.label].map(escape).join('[ \\u3000]*')).join('|');
const LABEL_RE = new RegExp(`(?<![\\p{Script=Han}A-Za-z])(${LABEL_ALTERNATIVES})[ \\u3000]*[:：]`, 'gu');
/** In a line that is labelled from its start, a label may follow its value without a space: 来源:未知作者:admin. */
const GLUED_LABEL_RE = new RegExp(`(${LABEL_ALTERNATIVES})[ \\u3000]*[:：]`, 'gu');
const BUTTON_SET = new Set(BUTTON_WORDS.map(squeeze));
/** A bracketed group: 【打印】, [关闭窗口], ［大］. */
const BRACKETED = /[【\[［]([^【】\[\]［］]{0,16})[】\]］]/g;
/** Separators between the fields of a line. */
const SEPARATORS = /^[\s\u3000|｜丨/／·•【】[\]［］()（）,，;；]+|[\s\u3000|｜丨/／·•【】[\]［］()（）,，;；]+$/g;

/** Blanks out (same length) buttons, and the brackets around a whole line, keeping positions. */
function blankButtons(line: string): { text: string; buttons: boolean } {
  let buttons = false;
  const blank = (s: string) => ' '.repeat(s.length);
  let text = line.replace(FONT_SWITCH, (m) => {
    buttons = true;
    return blank(m);
  });
  text = text.replace(BRACKETED, (m, inner: string) => {
    const words = inner.split(/[\s\u3000:：]+/).filter((w) => w !== '');
    if (words.length > 0 && words.every((w) => BUTTON_SET.has(w))) {
      buttons = true;
      return blank(m);
    }
    return m;
  });
  const wrapped = /^([(（【[［])(.*)([)）】\]］])$/.exec(text.trim());
  if (wrapped) {
    const k = text.indexOf(wrapped[1]!);
    const e = text.lastIndexOf(wrapped[3]!);
    text = text.slice(0, k) + ' ' + text.slice(k + 1, e) + ' ' + text.slice(e + 1);
  }
  return { text, buttons };
}

/** A value's characters in the line, separators and trailing links such as 我要评论 trimmed. */
function valueAt(text: string, from: number, to: number): { value: string; start: number } {
  const raw = text.slice(from, to);
  const lead = /^[\s\u3000|｜丨/／·•【】[\]［］()（）,，;；]*/.exec(raw)![0].length;
  let value = raw.replace(SEPARATORS, '');
  for (;;) {
    const last = /[\s\u3000]+(\S+)$/.exec(value);
    if (!last || !BUTTON_SET.has(squeeze(last[1]!))) break;
    value = value.slice(0, last.index).replace(SEPARATORS, '');
  }
  return { value, start: from + lead };
}

const SENTENCE = /[。！？；!?;]/;

function validValue(kind: FieldKind, value: string): LabelledField['date'] | boolean {
  switch (kind) {
    case 'date':
    case 'written':
      return value === '' ? true : dateOnly(value) ?? false;
    case 'views':
      return COUNTER.test(value.replace(/\s/g, ''));
    case 'buttons':
      return [...value].length <= 12;
    case 'title':
      return [...value].length <= 120;
    case 'catalogue':
    case 'docNumber':
      return [...value].length <= 60;
    default:
      return [...value].length <= 40 && !SENTENCE.test(value);
  }
}

/**
 * Reads a line made only of labelled fields, in any order and with any separators:
 * `发布时间：2025-11-20 10:30 来源：示例 浏览次数：-- 【字号：大 中 小】【打印】`,
 * `2025年12月03日05:41 | 来源：示例日报`, `（责任编辑：示例）`, `索引号：\t000/2025-00135\t主题分类：…`.
 * A line with anything else in it is no labelled line: body text may well start with 时间：.
 */
export function parseLabelled(line: string): LabelledLine | undefined {
  if (tooLong(line)) return undefined;
  // The same lines are asked about many times while a page is read.
  if (labelledCache.has(line)) return labelledCache.get(line);
  if (labelledCache.size > 20_000) labelledCache.clear();
  const result = readLabelled(line);
  labelledCache.set(line, result);
  return result;
}

const labelledCache = new Map<string, LabelledLine | undefined>();

function readLabelled(line: string): LabelledLine | undefined {
  // Every field has a colon; a line without one is at most a date or buttons.
  if (!/[:：]/.test(line) && !/\d{4}/.test(line) && !/[【\[［]/.test(line) && !/字[号体]/.test(line)) return undefined;
  const { text, buttons } = blankButtons(line);
  let found = [...text.matchAll(LABEL_RE)];
  if (found.length > 0) {
    // Pages glue spans together (<small>来源:</small>未知<small>作者:</small>…): once a line is
    // labelled from its start, a label needs no space before it.
    const opening = text.slice(0, found[0]!.index).replace(SEPARATORS, '');
    if (opening === '' || dateOnly(opening)) {
      const glued = [...text.matchAll(GLUED_LABEL_RE)].filter((m) => m.index >= found[0]!.index);
      found = glued.filter((m, k) => k === 0 || m.index >= glued[k - 1]!.index + glued[k - 1]![0].length);
    }
  }
  const result: LabelledLine = { fields: [], buttons };
  const firstAt = found[0]?.index ?? text.length;
  const before = text.slice(0, firstAt).replace(SEPARATORS, '');
  if (before !== '') {
    const date = dateOnly(before);
    if (!date) return undefined;
    result.leadingDate = { date, start: text.indexOf(before) };
  }
  if (found.length === 0) return result.leadingDate || buttons ? (buttonsOnly(line) || result.leadingDate ? result : undefined) : undefined;
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const label = squeeze(m[1]!);
    const kind = LABEL_OF.get(label)!;
    let { value, start } = valueAt(text, m.index + m[0].length, found[k + 1]?.index ?? text.length);
    // 来源：示例日报 2025-12-03 09:15: a date that follows a value without a label of its own.
    const trailing = kind !== 'date' && kind !== 'written' ? /[\s\u3000]+(\d{4}\s*[-/.年][^\s]*(?:\s+\d{1,2}[:：]\d{2}(?::\d{2})?)?)$/.exec(value) : null;
    if (trailing && dateOnly(trailing[1]!) && !result.leadingDate) {
      result.leadingDate = { date: dateOnly(trailing[1]!)!, start: start + trailing.index };
      value = value.slice(0, trailing.index).replace(SEPARATORS, '');
    }
    // 来源：示例日报记者 钱示例 (spans glued): the by-line after the source is the author's.
    const byline = kind === 'source' ? TRAILING_REPORTER.exec(value) : null;
    let author: LabelledField | undefined;
    if (byline && byline.index > 0) {
      const names = byline[2]!;
      author = { kind: 'author', label: byline[1]!, value: names, start: start + value.lastIndexOf(names) };
      value = value.slice(0, byline.index).replace(SEPARATORS, '');
    }
    const ok = validValue(kind, value);
    if (ok === false) return undefined;
    const field: LabelledField = { kind, label, value, start };
    if (typeof ok === 'string') field.date = ok;
    result.fields.push(field);
    if (author) result.fields.push(author);
  }
  return result;
}

/** A reporter's by-line at the end of a source value, without a colon: `…记者 钱示例`, `…通讯员　王示例`. */
const TRAILING_REPORTER = /(?:本报|本台|本网|本刊)?((?:特约|见习|实习|融媒体)?(?:记者|通讯员))[\s\u3000]+(\p{Script=Han}{2,4}(?:[\s\u3000、]+\p{Script=Han}{2,4})*)$/u;

/** The publication date a labelled line gives: its 发布时间 field, or the date that opens it. */
export function labelledDate(l: LabelledLine): { date: string; start: number } | undefined {
  const f = l.fields.find((x) => x.kind === 'date' && x.date);
  if (f) return { date: f.date!, start: f.start };
  return l.leadingDate;
}

// ---------------------------------------------------------------------------------------------
// Buttons, navigation, tails

/** A line of buttons only: 【打印本页】【关闭窗口】, 字号：大 中 小, 分享到：, 放大 缩小 默认. */
export function buttonsOnly(line: string): boolean {
  if (tooLong(line)) return false;
  const { text } = blankButtons(line);
  const words = text
    .replace(/(?:分享到|分享|字号|字体)\s*[:：]?/g, ' ')
    .split(/[\s\u3000|｜]+/)
    .filter((w) => w !== '');
  return words.every((w) => BUTTON_SET.has(squeeze(w.replace(/^[【[［]|[】\]］]$/g, ''))));
}

/** A run of short links: 首页 政务公开 政务服务, 网站地图 | 联系我们, or one tool link (长者模式). */
export function navLine(line: string): boolean {
  if (tooLong(line)) return false;
  const tokens = line.split(/[\s\u3000|｜丨/／·•]+/).filter((t) => t !== '');
  if (tokens.length === 0) return false;
  if (tokens.every((t) => NAV_WORDS.has(t))) return true;
  return tokens.length >= 3 && tokens.every((t) => [...t].length <= 8 && !/[。，；：！？,;:!?]/.test(t));
}

const WECHAT_TAIL_SET = new Set(WECHAT_TAIL.map(squeeze));
const TAIL_SET = new Set([...TAIL_OPENERS, ...WECHAT_TAIL].map(squeeze));
const WECHAT_SET = new Set(WECHAT_FURNITURE.map(squeeze));

/** A line after which nothing is article: 相关新闻, 上一篇：…, 【纠错】, 阅读原文, 版权所有…. */
export function tailOpener(line: string): boolean {
  if (tooLong(line)) return false;
  const s = squeeze(line);
  if (TAIL_SET.has(s) || TAIL_SET.has(s.replace(/[:：]$/, ''))) return true;
  if (TAIL_PREFIXES.some((p) => s.startsWith(p) && /^[:：]/.test(s.slice(p.length)))) return true;
  return footerLine(line);
}

/** The site's footer: copyright, ICP and owner lines. */
export function footerLine(line: string): boolean {
  if (tooLong(line)) return false;
  const s = line.trim();
  return FOOTER_PREFIXES.some((p) => s.startsWith(p)) || FOOTER_ANYWHERE.test(s);
}

/** WeChat's own words: 点击蓝字关注我们, 阅读 2816, 在看, 微信扫一扫, 收录于合集 #… 12个. */
export function wechatFurniture(line: string): boolean {
  if (tooLong(line)) return false;
  const s = squeeze(line);
  if (WECHAT_SET.has(s) || WECHAT_TAIL_SET.has(s)) return true;
  if (/^(?:阅读|在看|赞|点赞|分享|收藏|留言|喜欢)\d*$/.test(s)) return true;
  if (/^收录于合集/.test(s) || /^#\S+\d+个$/.test(s)) return true;
  if ([...s].length <= 24 && /^(?:[↑▲△⬆☝👆]|点击|戳|轻触)/u.test(s) && WECHAT_FOLLOW.test(s)) return true;
  return /^(?:END|-+END-+|—+END—+|–+END–+)$/i.test(s);
}

// ---------------------------------------------------------------------------------------------
// Breadcrumbs

const OPENER_RE = new RegExp(`^(?:${BREADCRUMB_OPENERS.map(escape).join('|')})\\s*[:：]?\\s*`);
const STEP_SEPARATOR = /\s*(?:>>|＞＞|&gt;|[>＞»›→])\s*/;

/**
 * A breadcrumb: `当前位置：首页 > 新闻中心 > 部门动态`, `首页 >> 统战动态`, `示例网>>时政`,
 * `首页 » 协会动态 » 正文`, `您的位置：首页/政务公开/政策解读`. Returns its steps.
 */
export function parseBreadcrumb(line: string, marked = false): string[] | undefined {
  if (tooLong(line)) return undefined;
  const t = line.trim();
  const opened = OPENER_RE.exec(t);
  const body = opened ? t.slice(opened[0].length) : t;
  let steps = body.split(STEP_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
  // Without arrows, a breadcrumb marked as one (or opened with 当前位置) may use slashes or spaces.
  if (steps.length === 1 && (opened || marked)) steps = body.split(/\s*[/／|]\s*|\s{2,}|\u3000+/).map((s) => s.trim()).filter((s) => s !== '');
  const arrows = STEP_SEPARATOR.test(body);
  // 首页 / 新闻中心 / 部门动态: slashes count when the path starts at home.
  // (A menu separates its links with bars and runs longer.)
  const slashed = /^(?:网站首页|首页|主页)\s*[/／]/.test(body) ? body.split(/\s*[/／]\s*/).filter((s) => s !== '') : [];
  if (!opened && !marked && !arrows && slashed.length >= 2 && slashed.length <= 5) steps = slashed;
  else if (!opened && !marked && !arrows) return undefined;
  if (steps.some((s) => [...s].length > 20 || /[。，；！？]/.test(s))) return undefined;
  if (!opened && !marked && steps.length < 2) return undefined;
  // A path needs a home or a column, not a sentence that has an arrow in it.
  if (!opened && !marked && !steps.some((s) => BREADCRUMB_NON_COLUMNS.test(s) || /网$|站$/.test(s)) && steps.length < 3) return undefined;
  return steps;
}

/** The column a breadcrumb names: its last step that is not 首页 or 正文. */
export function breadcrumbColumn(steps: string[]): string | undefined {
  const named = steps.filter((s) => !BREADCRUMB_NON_COLUMNS.test(s) && !/网$/.test(s));
  return named[named.length - 1];
}

// ---------------------------------------------------------------------------------------------
// By-lines and WeChat's header

export interface Byline {
  /** The names of the article's authors, in order. */
  authors: string[];
  /** The space the line puts between names: ' ' or '　'. */
  separator: string;
  /** Photographers, editors: named, and no field of the article. */
  others: string[];
}

const ROLE_RE = new RegExp(
  `(?:^|(?<=[\\s\\u3000|｜/／：:]))(\\p{Script=Han}{0,8}记者|${[...AUTHOR_ROLES, ...OTHER_ROLES]
    .filter((r) => !r.endsWith('记者'))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:[ \\u3000]*[:：|｜/／][ \\u3000]*|[ \\u3000]+)`,
  'gu',
);
const AUTHOR_ROLE_SET = new Set(AUTHOR_ROLES);
const NAME = /^[\p{Script=Han}A-Za-z·.\s\u3000、]+$/u;

/**
 * A by-line: 本报记者 孙示例, 通讯员 王示例, □本报记者　冯示例　通讯员　陈示例, 文/图：示例日报记者 赵示例,
 * 图文 | 示例, 文/张三. The roles go; the authors' names stay. A role is followed by a colon, a bar,
 * a slash or a space: 文化 is no role.
 */
export function parseByline(line: string): Byline | undefined {
  if (line.length > 60) return undefined;
  // A by-line may stand in brackets: （文/示例 图/示例）.
  const t = line.trim().replace(/^[（(【[]\s*(.*?)\s*[）)】\]]$/, '$1').replace(BYLINE_BULLETS, '');
  const roles = [...t.matchAll(ROLE_RE)];
  if (roles.length === 0 || roles[0]!.index !== 0) return undefined;
  const authors: string[] = [];
  const others: string[] = [];
  let separator = ' ';
  for (let k = 0; k < roles.length; k++) {
    const m = roles[k]!;
    const role = m[1]!;
    const end = roles[k + 1]?.index ?? t.length;
    const names = t.slice(m.index + m[0].length, end).trim();
    if (names !== '' && (!NAME.test(names) || [...names].length > 24)) return undefined;
    if (k > 0 && /\u3000/.test(t.slice(roles[k - 1]!.index, m.index).slice(-2))) separator = '\u3000';
    if (names === '') continue;
    const isAuthor = AUTHOR_ROLE_SET.has(role) || role.endsWith('记者');
    (isAuthor ? authors : others).push(names.replace(/[\s\u3000]+/g, (s) => (s.includes('\u3000') ? '\u3000' : ' ')));
  }
  if (authors.length === 0 && others.length === 0) return undefined;
  if ([...t].length > 40) return undefined;
  return { authors, separator, others };
}

/** An author field's names without the roles in it: 示例日报记者 赵示例 → 赵示例. */
export function authorNames(value: string): string {
  const by = parseByline(value);
  return by && by.authors.length > 0 ? by.authors.join(by.separator) : value;
}

export interface WechatHeader {
  date?: string;
  /** The names before the date: [account] or [author, account]. */
  names: string[];
}

/**
 * WeChat's header as a copy gives it: `原创 示例作者 示例公众号 2025年11月28日 18:30 浙江`. A few
 * names around a date with a time, and WeChat's own marks; nothing else.
 */
export function parseWechatHeader(line: string): WechatHeader | undefined {
  if (line.length > 80) return undefined;
  const m = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[:：]\s*\d{2}/.exec(line);
  if (!m) return undefined;
  const date = parseDate(m[0]);
  const rest = (line.slice(0, m.index) + ' ' + line.slice(m.index + m[0].length)).split(/[\s\u3000]+/).filter((t) => t !== '');
  const names = rest.filter((t) => !WECHAT_SET.has(t) && !REGIONS.has(t));
  if (names.length > 2 || rest.length > 5 || names.some((n) => [...n].length > 16 || /[，。：；！？,:;!?]/.test(n))) return undefined;
  if (line.slice(m.index + m[0].length).trim().split(/\s+/).filter((t) => t !== '').some((t) => !REGIONS.has(t))) return undefined;
  return { ...(date ? { date } : {}), names };
}

/** A line that is one of WeChat's header pieces alone: 原创, a region (四川). */
export function wechatMark(line: string): boolean {
  if (line.length > 20) return false;
  const s = squeeze(line);
  return s === '原创' || s === '转载' || REGIONS.has(s);
}

// ---------------------------------------------------------------------------------------------
// Newspapers and notes

/** A newspaper's edition line: 《 示例日报 》（ 2025年12月03日 04 版）, 第A03版：要闻. */
export function parseEdition(line: string): { source?: string; date?: string } | undefined {
  if (line.length > 60) return undefined;
  const m = EDITION_LINE.exec(line.trim());
  if (!m) return undefined;
  const date = m[2] ? parseDate(m[2]) : undefined;
  return { ...(m[1] ? { source: m[1].trim() } : {}), ...(date ? { date } : {}) };
}

/** 编者按：… at the start of a line, with the label as written. */
export const EDITOR_NOTE = new RegExp(`^[【\\[［]?\\s*(?:${EDITOR_NOTE_LABELS.join('|')})\\s*[】\\]］]?\\s*[:：]?\\s*`);

/** Whether a line says it has time: a WeChat header's date carries one, a body's date does not. */
export function hasTime(line: string): boolean {
  return HAS_TIME.test(line);
}
