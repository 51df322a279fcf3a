/** Which encoding a source file turned out to be in. */
export type SourceEncoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;

export interface Decoded {
  /** The text, BOM removed, line ends turned into `\n` (columns are unaffected). */
  text: string;
  encoding: SourceEncoding;
  /** Set when the bytes were not valid UTF-8 and another decoder was used. */
  fallback?: string;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a file's bytes. A BOM decides; otherwise the bytes are tried as strict UTF-8, because
 * GB18030/GBK text is almost never valid UTF-8, then as `declared` (an HTML page's charset), then
 * as GB18030, which covers GBK and GB2312.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const lines = (t: string) => t.replace(/\r\n?/g, '\n');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text !== undefined) return { text: lines(text), encoding: 'utf-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: lines(new TextDecoder('utf-16le').decode(bytes.subarray(2))), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: lines(new TextDecoder('utf-16be').decode(bytes.subarray(2))), encoding: 'utf-16be' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: lines(utf8), encoding: 'utf-8' };
  const candidates = [declared, 'gb18030'].filter(
    (l): l is string => !!l && !/^utf-?8$/i.test(l) && supported(l),
  );
  for (const label of candidates) {
    const text = tryDecode(label, bytes);
    if (text !== undefined) {
      const encoding = new TextDecoder(label).encoding;
      return { text: lines(text), encoding, fallback: encoding };
    }
  }
  // None reads every byte: a page with a few damaged bytes. Take the reading that loses fewest,
  // so a GBK page with one bad byte stays a GBK page; the replacement characters show the damage.
  let best = { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  let bestLost = lost(best.text);
  for (const label of candidates) {
    const text = new TextDecoder(label).decode(bytes);
    if (lost(text) < bestLost) {
      best = { text, encoding: new TextDecoder(label).encoding };
      bestLost = lost(text);
    }
  }
  return { text: lines(best.text), encoding: best.encoding, fallback: `${best.encoding} (lossy: ${bestLost} unreadable)` };
}

/** How many characters a decoder could not read. */
function lost(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * The charset an HTML page declares: `<meta charset=gbk>` or `<meta http-equiv="Content-Type"
 * content="text/html; charset=gb2312">`, looked for in the head, which long scripts and styles
 * may push past the first kilobyte that browsers look at.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16384));
  const end = head.search(/<body[\s>]/i);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(end < 0 ? head : head.slice(0, end));
  return m?.[1]?.toLowerCase();
}
