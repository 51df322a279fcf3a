import { decodeEntity } from './html-entities.js';
import type { MappedText } from './mapped-text.js';

/**
 * A forgiving HTML reader, enough for saved article pages: elements, attributes, text with
 * entities decoded (each character keeps the source offset of what produced it), raw-text
 * elements, void elements, and the implied end tags that matter for text (p, li, td, tr…).
 */
export interface HtmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  /** Offset of the `<` of the start tag. */
  at: number;
}

export interface HtmlText {
  type: 'text';
  text: MappedText;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen'.split(' '),
);
const RAW = new Set('script style xmp iframe noembed noframes noscript textarea title plaintext'.split(' '));
/** Block starts that close an open <p>. */
const CLOSES_P = new Set(
  ('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul li dd dt').split(' '),
);
/** Deeper nesting than any real page has; keeps the tree walk's recursion bounded. */
const MAX_DEPTH = 256;
const SCOPE = new Set('html body table td th caption template object marquee applet button'.split(' '));

/** For each tag, the open tags it closes, and where the search for them stops. */
const IMPLIED: Record<string, { closes: Set<string>; stop: Set<string> }> = {
  li: { closes: new Set(['li']), stop: new Set(['ul', 'ol', 'menu', ...SCOPE]) },
  dd: { closes: new Set(['dd', 'dt']), stop: new Set(['dl', ...SCOPE]) },
  dt: { closes: new Set(['dd', 'dt']), stop: new Set(['dl', ...SCOPE]) },
  tr: { closes: new Set(['tr']), stop: new Set(['table', 'tbody', 'thead', 'tfoot']) },
  td: { closes: new Set(['td', 'th']), stop: new Set(['tr', 'table']) },
  th: { closes: new Set(['td', 'th']), stop: new Set(['tr', 'table']) },
  tbody: { closes: new Set(['tbody', 'thead', 'tfoot']), stop: new Set(['table']) },
  thead: { closes: new Set(['tbody', 'thead', 'tfoot']), stop: new Set(['table']) },
  tfoot: { closes: new Set(['tbody', 'thead', 'tfoot']), stop: new Set(['table']) },
  option: { closes: new Set(['option']), stop: new Set(['select', 'datalist', ...SCOPE]) },
};

function decodeText(source: string, start: number, end: number, entities: boolean): MappedText {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    if (entities && source[i] === '&') {
      const e = decodeEntity(source, i);
      if (e && i + e.length <= end) {
        text += e.value;
        for (let k = 0; k < e.value.length; k++) offsets.push(i);
        i += e.length;
        continue;
      }
    }
    text += source[i];
    offsets.push(i);
    i++;
  }
  return { text, offsets };
}

function parseAttributes(source: string, i: number): { attrs: Record<string, string>; end: number } {
  const attrs: Record<string, string> = {};
  const n = source.length;
  while (i < n) {
    while (i < n && /[\s/]/.test(source[i]!)) i++;
    if (i >= n || source[i] === '>') break;
    const nameMatch = /^[^\s/>=]+/.exec(source.slice(i, i + 200));
    const name = nameMatch ? nameMatch[0].toLowerCase() : source[i]!;
    i += nameMatch ? nameMatch[0].length : 1;
    while (i < n && /\s/.test(source[i]!)) i++;
    let value = '';
    if (source[i] === '=') {
      i++;
      while (i < n && /\s/.test(source[i]!)) i++;
      const q = source[i];
      if (q === '"' || q === "'") {
        const close = source.indexOf(q, i + 1);
        const stop = close < 0 ? n : close;
        value = decodeText(source, i + 1, stop, true).text;
        i = stop + 1;
      } else {
        const m = /^[^\s>]*/.exec(source.slice(i))!;
        value = decodeText(source, i, i + m[0].length, true).text;
        i += m[0].length;
      }
    }
    if (!(name in attrs)) attrs[name] = value;
  }
  return { attrs, end: Math.min(i + 1, n) };
}

export function parseHtml(source: string): HtmlElement {
  const root: HtmlElement = { type: 'element', name: '#document', attrs: {}, children: [], at: 0 };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const closeTo = (index: number) => {
    stack.length = Math.max(1, index);
  };
  const findOpen = (names: Set<string>, stop: Set<string>): number => {
    for (let k = stack.length - 1; k > 0; k--) {
      const name = stack[k]!.name;
      if (names.has(name)) return k;
      if (stop.has(name)) return -1;
    }
    return -1;
  };
  const n = source.length;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) top().children.push({ type: 'text', text: decodeText(source, textStart, end, true) });
  };
  while (i < n) {
    if (source[i] !== '<') {
      i++;
      continue;
    }
    const next = source[i + 1] ?? '';
    if (source.startsWith('<!--', i)) {
      flushText(i);
      const close = source.indexOf('-->', i + 4);
      i = textStart = close < 0 ? n : close + 3;
    } else if (next === '!' || next === '?') {
      flushText(i);
      const close = source.indexOf('>', i);
      i = textStart = close < 0 ? n : close + 1;
    } else if (next === '/' && /[A-Za-z]/.test(source[i + 2] ?? '')) {
      flushText(i);
      const m = /^<\/([A-Za-z][^\s/>]*)[^>]*>?/.exec(source.slice(i, i + 300))!;
      const name = m[1]!.toLowerCase();
      const k = findOpen(new Set([name]), new Set());
      if (k > 0) closeTo(k);
      i = textStart = i + m[0].length;
    } else if (/[A-Za-z]/.test(next)) {
      flushText(i);
      const m = /^<([A-Za-z][^\s/>]*)/.exec(source.slice(i, i + 300))!;
      const name = m[1]!.toLowerCase();
      const { attrs, end } = parseAttributes(source, i + m[0].length);
      const el: HtmlElement = { type: 'element', name, attrs, children: [], at: i };
      if (CLOSES_P.has(name)) {
        const p = findOpen(new Set(['p']), SCOPE);
        if (p > 0) closeTo(p);
      }
      const implied = IMPLIED[name];
      if (implied) {
        const k = findOpen(implied.closes, implied.stop);
        if (k > 0) closeTo(k);
      }
      top().children.push(el);
      i = textStart = end;
      if (RAW.has(name)) {
        const closeTag = new RegExp(`</${name}`, 'gi');
        closeTag.lastIndex = end;
        const close = closeTag.exec(source)?.index ?? -1;
        const stop = close < 0 ? n : close;
        if (stop > end) el.children.push({ type: 'text', text: decodeText(source, end, stop, name === 'textarea' || name === 'title') });
        const gt = close < 0 ? n : source.indexOf('>', close);
        i = textStart = gt < 0 ? n : gt + 1;
      } else if (!VOID.has(name) && stack.length < MAX_DEPTH) {
        // Past MAX_DEPTH (pages full of unclosed <font>), children go to the deepest open element.
        stack.push(el);
      }
    } else {
      i++;
    }
  }
  flushText(n);
  return root;
}

/** All text below a node, in order. */
export function textOf(node: HtmlNode): string {
  return node.type === 'text' ? node.text.text : node.children.map(textOf).join('');
}
