import { SaxesParser, type SaxesTagNS } from 'saxes';
import { LIMITS } from '../../limits.js';

/**
 * A parsed XML element. Names carry a canonical prefix chosen by namespace URI (`w:p`, `r:id`,
 * `a:blip`), whatever prefix the producer wrote: Word writes `w:`, but nothing obliges a tool to.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Canonical prefixes by namespace URI (transitional and strict OOXML). */
const PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Thrown for a part that is not well-formed XML or nests too deep; the message names the part. */
export class XmlError extends Error {
  override name = 'XmlError';
  constructor(
    message: string,
    /** Rule id of the diagnostic: `unsupported-input`, or the nesting limit's. */
    readonly rule = 'unsupported-input',
  ) {
    super(message);
  }
}

/** Parses one package part into an element tree. */
export function parseXml(text: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: string | undefined;
  const qualified = (uri: string, local: string, prefix: string) => {
    const p = PREFIX[uri] ?? prefix;
    return p ? `${p}:${local}` : local;
  };
  parser.on('error', (e) => {
    error ??= e.message;
  });
  let tooDeep = false;
  parser.on('opentag', (tag: SaxesTagNS) => {
    // Nesting is bounded as it is parsed: every reader of the tree walks it recursively.
    if (stack.length >= LIMITS.xmlDepth.value) {
      tooDeep = true;
      throw new XmlError(`${part} nests elements more than ${LIMITS.xmlDepth.value} deep`, LIMITS.xmlDepth.rule);
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri ? qualified(a.uri, a.local, a.prefix) : a.local] = a.value;
    }
    const el: XmlElement = { name: qualified(tag.uri, tag.local, tag.prefix), attrs, children: [] };
    if (stack.length === 0) root ??= el;
    else stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.children.push(t);
  });
  parser.on('cdata', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.children.push(t);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (tooDeep) throw e;
    error ??= (e as Error).message;
  }
  if (error || !root) throw new XmlError(`${part} is not well-formed XML: ${error ?? 'no root element'}`);
  return root;
}

/** Child elements, optionally only those named `name`. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** The first child element named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** Follows a path of child names: `path(p, 'w:pPr', 'w:pStyle')`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = el;
  for (const n of names) at = child(at, n);
  return at;
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Concatenated character data of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** `w:val` of a child, the way most OOXML properties are written. */
export function val(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}
