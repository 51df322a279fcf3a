/**
 * A small writer for OFD's XML parts: elements in the `ofd` namespace, attributes in the order
 * given (undefined ones left out), text escaped. Numbers are written with at most four decimals
 * (a ten-thousandth of a millimetre), trailing zeros dropped, so equal inputs give equal bytes.
 */
export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';

export type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = string | false | undefined | null;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A number as OFD writes it: up to four decimals, no trailing zeros, no `-0`. */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = n.toFixed(4).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** `<ofd:name attrs>children</ofd:name>`, or self-closed when there are no children. */
export function el(name: string, attrs: Attrs = {}, ...children: Child[]): string {
  let open = `<ofd:${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    open += ` ${key}="${escapeXml(typeof value === 'number' ? num(value) : String(value))}"`;
  }
  const body = children.filter((c): c is string => typeof c === 'string').join('');
  return body ? `${open}>${body}</ofd:${name}>` : `${open}/>`;
}

/** An element holding only text (escaped). */
export function textEl(name: string, text: string, attrs: Attrs = {}): string {
  return el(name, attrs, escapeXml(text));
}

/** A whole XML part: the declaration and the root element, with the namespace declared on it. */
export function xmlPart(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.replace(/^<ofd:(\w+)/, `<ofd:$1 xmlns:ofd="${OFD_NAMESPACE}"`)}`;
}
