/** Which encoding a source file turned out to be in. */
export type SourceEncoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'gb18030' | string;

export interface Decoded {
  /** The text, BOM removed, line ends turned into `\n` (columns are unaffected). */
  text: string;
  encoding: SourceEncoding;
  /** Set when the bytes were not valid UTF-8 and another decoder was used. */
  fallback?: string;
  /**
   * Set when no decoder reads every byte: the first bad byte (its value, where it is among the
   * bytes, and where its U+FFFD stands in `text`) and where every U+FFFD the decoding put in
   * stands, so an import lists each place text was lost instead of passing it off as the page's.
   */
  bad?: { byte: number; byteOffset: number; textOffsets: number[] };
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
    const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes.subarray(2));
    // An odd byte or an unpaired surrogate: listed like any byte no decoder reads.
    if (lost(text) === 0) return { text: lines(text), encoding: label };
    const at = text.indexOf('\ufffd');
    return { text: lines(text), encoding: label, fallback: `${label} (lossy: ${lost(text)} unreadable)`, bad: { byte: bytes[2 + at * 2] ?? 0, byteOffset: 2 + at * 2, textOffsets: offsetsOf(lines(text)) } };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: lines(utf8), encoding: 'utf-8' };
  // UTF-8 text with a damaged byte or two is still UTF-8: read as anything else it would turn into
  // other characters without an error. (GB18030 read as UTF-8 breaks on nearly every character.)
  const utf8Lossy = new TextDecoder('utf-8').decode(bytes);
  const multibyte = utf8Lossy.match(/[^\x00-\x7f\ufffd]/g)?.length ?? 0;
  if (lost(utf8Lossy) <= 2 && multibyte >= 10 * lost(utf8Lossy)) return lossy(bytes, 'utf-8', utf8Lossy);
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
  // so a GBK page with one bad byte stays a GBK page; the replacement characters show the damage,
  // and `bad` says where each is.
  let best = { label: 'utf-8', text: utf8Lossy };
  for (const label of candidates) {
    const text = new TextDecoder(label).decode(bytes);
    if (lost(text) < lost(best.text)) best = { label, text };
  }
  return lossy(bytes, best.label, best.text);
}

/** A reading that lost characters: the text with U+FFFD for each, and where they are. */
function lossy(bytes: Uint8Array, label: string, text: string): Decoded {
  const encoding = new TextDecoder(label).encoding;
  const first = firstBadByte(bytes, label);
  const lined = text.replace(/\r\n?/g, '\n');
  return { text: lined, encoding, fallback: `${encoding} (lossy: ${lost(text)} unreadable)`, bad: { ...first, textOffsets: offsetsOf(lined) } };
}

/** Offsets of every U+FFFD in a text. */
function offsetsOf(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) out.push(i);
  return out;
}

/** The first byte `label` cannot decode: found line by line, then byte by byte in its line. */
function firstBadByte(bytes: Uint8Array, label: string): { byte: number; byteOffset: number } {
  let lineStart = 0;
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
      const k = Math.min(j, line.length - 1);
      return { byte: line[k] ?? 0, byteOffset: lineStart + k };
    }
    lineStart = i + 1;
  }
  return { byte: bytes[0] ?? 0, byteOffset: 0 };
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
