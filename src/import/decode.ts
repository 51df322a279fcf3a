/** Which encoding a source file turned out to be in. */
export type SourceEncoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;

export interface Decoded {
  /** The text, BOM removed, line ends turned into `\n` (columns are unaffected). */
  text: string;
  encoding: SourceEncoding;
  /** Set when the bytes were not valid UTF-8 and another decoder was used. */
  fallback?: string;
  /**
   * Set when no decoder reads every byte: where the first bad byte is (in the decoded text, for
   * its line and column), its value, and how many bad sequences there are. The text then holds
   * U+FFFD for each, which an import must not pass off as the page's text.
   */
  bad?: { textOffset: number; byteOffset: number; byte: number; count: number };
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
  for (const [b0, b1, label] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (bytes[0] !== b0 || bytes[1] !== b1) continue;
    const body = bytes.subarray(2);
    const text = tryDecode(label, body);
    if (text !== undefined) return { text: lines(text), encoding: label };
    // An odd byte or an unpaired surrogate: reported, as any byte no decoder reads.
    const lossy = new TextDecoder(label, { ignoreBOM: true }).decode(body);
    const at = lossy.indexOf('\uFFFD');
    return { text: lines(lossy), encoding: label, fallback: `${label} (lossy)`, bad: { textOffset: Math.max(0, at), byteOffset: 2 + Math.max(0, at) * 2, byte: body[Math.max(0, at) * 2] ?? 0, count: Math.max(1, lossy.match(/\uFFFD/g)?.length ?? 1) } };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: lines(utf8), encoding: 'utf-8' };
  // UTF-8 text with a damaged byte or two is still UTF-8: read as anything else it would turn into
  // other characters without an error. (GB18030 read as UTF-8 breaks on nearly every character.)
  const utf8Lossy = new TextDecoder('utf-8').decode(bytes);
  const damaged = (t: string) => t.match(/\uFFFD/g)?.length ?? 0;
  const utf8Bad = damaged(utf8Lossy);
  const multibyte = utf8Lossy.match(/[^\x00-\x7f\uFFFD]/g)?.length ?? 0;
  if (utf8Bad <= 2 && multibyte >= 10 * utf8Bad) {
    return { text: lines(utf8Lossy), encoding: 'utf-8', fallback: 'utf-8 (lossy)', bad: firstBadByte(bytes, 'utf-8', utf8Bad) };
  }
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
  // None reads every byte: the one that reads the fewest wrong (UTF-8 on a tie), with
  // replacement characters, and where the first bad byte is.
  let best = { label: 'utf-8', text: utf8Lossy, bad: utf8Bad };
  for (const label of candidates) {
    const text = new TextDecoder(label).decode(bytes);
    if (damaged(text) < best.bad) best = { label, text, bad: damaged(text) };
  }
  const encoding = new TextDecoder(best.label).encoding;
  return { text: lines(best.text), encoding, fallback: `${encoding} (lossy)`, bad: firstBadByte(bytes, best.label, best.bad) };
}

/** The first byte `label` cannot decode: found line by line, then byte by byte in its line. */
function firstBadByte(bytes: Uint8Array, label: string, count: number): NonNullable<Decoded['bad']> {
  let lineStart = 0;
  let textOffset = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    // 0x0A is never part of a multibyte character in UTF-8 or GB18030: lines decode on their own.
    const line = bytes.subarray(lineStart, i);
    if (tryDecode(label, line) === undefined) {
      const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
      let j = 0;
      try {
        for (; j < line.length; j++) decoder.decode(line.subarray(j, j + 1), { stream: true });
        decoder.decode();
      } catch {
        // j is the byte that made the sequence invalid
      }
      // A lead byte whose trail is missing is the bad byte, not the ASCII character after it.
      if (j > 0 && j < line.length && line[j]! < 0x80 && line[j - 1]! >= 0x81) j -= 1;
      const before = new TextDecoder(label, { ignoreBOM: true }).decode(line.subarray(0, j));
      const at = before.indexOf('\uFFFD');
      return { textOffset: textOffset + (at >= 0 ? at : before.length), byteOffset: lineStart + Math.min(j, line.length - 1), byte: line[Math.min(j, line.length - 1)] ?? 0, count: Math.max(1, count) };
    }
    textOffset += new TextDecoder(label, { ignoreBOM: true }).decode(line).replace(/\r\n?/g, '\n').length + 1;
    lineStart = i + 1;
  }
  return { textOffset: 0, byteOffset: 0, byte: bytes[0] ?? 0, count: Math.max(1, count) };
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}
