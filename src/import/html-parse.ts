import { DecodingMode, HtmlEntityDecoder } from 'entities/decode';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { MappedText } from './mapped-text.js';

/**
 * A saved page as the browser builds it: parse5 runs the HTML standard's tree construction
 * (implied end tags, tables, misnested markup), with the source position of every node. Text
 * nodes are mapped back to the source character by character, character references included,
 * so a diagnostic points at the page's line and column.
 */
export interface HtmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  /** Offset of the `<` of the start tag; an element the parser implied takes its first child's. */
  at: number;
}

export interface HtmlText {
  type: 'text';
  text: MappedText;
}

export type HtmlNode = HtmlElement | HtmlText;

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

/** Deeper nesting than any real page has; deeper children join the deepest kept element. */
const MAX_DEPTH = 256;

/** The decoder's output for the reference being read: its code units and its length in the source. */
const decoded = { code: [] as number[], consumed: 0 };
const decoder = new HtmlEntityDecoder((cp, n) => {
  decoded.code.push(cp);
  decoded.consumed = n;
});

/**
 * The text of source[start, end) with character references decoded, each character mapped to
 * its offset (a reference's characters to its `&`). `expected` is what the parser made of it;
 * where the two differ (the parser dropped a newline after <pre>, merged text across a comment),
 * the characters are mapped to the start of the run instead.
 */
export function mappedSource(source: string, start: number, end: number, expected: string, entities = true): MappedText {
  let text = '';
  const offsets: number[] = [];
  const amp = entities ? source.indexOf('&', start) : -1;
  if (amp < 0 || amp >= end) {
    // No references: the run as it is (most text, and every script).
    text = source.slice(start, end);
    for (let i = start; i < end; i++) offsets.push(i);
  } else {
    let i = start;
    while (i < end) {
      if (source.charCodeAt(i) === 38 /* & */) {
        decoded.code = [];
        decoded.consumed = 0;
        decoder.startEntity(DecodingMode.Legacy);
        // A reference never runs past its text node: the node ends at `<` or at the end of the page.
        let n = decoder.write(source, i + 1);
        if (n < 0) n = decoder.end();
        if (n > 0 && decoded.code.length > 0) {
          const value = String.fromCharCode(...decoded.code);
          text += value;
          for (let k = 0; k < value.length; k++) offsets.push(i);
          i += decoded.consumed;
          continue;
        }
      }
      const next = source.indexOf('&', i + 1);
      const stop = next < 0 || next > end ? end : next;
      text += source.slice(i, stop);
      for (let k = i; k < stop; k++) offsets.push(k);
      i = stop;
    }
  }
  if (text === expected) return { text, offsets };
  if (text.endsWith(expected)) {
    // <pre> and <textarea> drop the newline that follows the start tag.
    const k = text.length - expected.length;
    return { text: expected, offsets: offsets.slice(k) };
  }
  return { text: expected, offsets: Array.from({ length: expected.length }, () => start) };
}

function attrsOf(node: DefaultTreeAdapterMap['element']): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of node.attrs) if (!(a.name in attrs)) attrs[a.name] = a.value;
  return attrs;
}

/** Elements whose text is raw: no references, nothing to map but the run itself. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

export function parseHtml(source: string): HtmlElement {
  const doc = parse(source, { sourceCodeLocationInfo: true, scriptingEnabled: true });
  const root: HtmlElement = { type: 'element', name: '#document', attrs: {}, children: [], at: 0 };
  // An explicit stack: a page may nest thousands deep, the call stack may not.
  const work: { from: P5Parent; to: HtmlElement; depth: number }[] = [{ from: doc, to: root, depth: 0 }];
  const merged = new Set<HtmlElement>();
  while (work.length > 0) {
    const { from, to, depth } = work.pop()!;
    const kids: P5Node[] = 'content' in from && from.nodeName === 'template' ? from.content.childNodes : from.childNodes;
    for (const child of kids) {
      if (child.nodeName === '#text') {
        const t = child as DefaultTreeAdapterMap['textNode'];
        const loc = t.sourceCodeLocation;
        const raw = RAW_TEXT.has(to.name);
        // A script's or style's text never shows: it keeps only where it starts (see `scriptOffset`).
        const text = !loc
          ? { text: t.value, offsets: Array.from({ length: t.value.length }, () => to.at) }
          : to.name === 'script' || to.name === 'style'
            ? { text: t.value, offsets: [loc.startOffset] }
            : mappedSource(source, loc.startOffset, loc.endOffset, t.value, !raw);
        to.children.push({ type: 'text', text });
      } else if ('tagName' in child) {
        const el = child as DefaultTreeAdapterMap['element'];
        const at = el.sourceCodeLocation?.startOffset ?? firstOffset(el) ?? to.at;
        const mine: HtmlElement = { type: 'element', name: el.tagName, attrs: attrsOf(el), children: [], at };
        to.children.push(mine);
        // Past MAX_DEPTH (pages full of unclosed <font>), children go to the deepest kept element.
        const target = depth < MAX_DEPTH ? mine : to;
        if (target === to) merged.add(to);
        work.push({ from: el, to: target, depth: depth < MAX_DEPTH ? depth + 1 : depth });
      }
    }
  }
  // An element that took the children of elements nested past MAX_DEPTH got them out of order.
  for (const el of merged) el.children.sort((a, b) => nodeAt(a) - nodeAt(b));
  return root;
}

function nodeAt(n: HtmlNode): number {
  return n.type === 'element' ? n.at : (n.text.offsets[0] ?? 0);
}

/** The first source offset below an element the parser implied (html, head, body, tbody). */
function firstOffset(el: DefaultTreeAdapterMap['element']): number | undefined {
  const stack: P5Node[] = [...el.childNodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    const loc = (n as { sourceCodeLocation?: { startOffset: number } | null }).sourceCodeLocation;
    if (loc) return loc.startOffset;
    if ('childNodes' in n) stack.push(...[...n.childNodes].reverse());
  }
  return undefined;
}

/** The source offset of a script's character `i`: script text is raw, so it is its start plus `i`. */
export function scriptOffset(script: MappedText, i: number): number {
  return (script.offsets[0] ?? 0) + i;
}

/** All text below a node, in order. */
export function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.text.text;
  let out = '';
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.text.text;
    else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]!);
  }
  return out;
}
