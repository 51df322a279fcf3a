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
  // Neither: keep what UTF-8 can read; the replacement characters show where the damage is.
  return { text: lines(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8', fallback: 'utf-8 (lossy)' };
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}
