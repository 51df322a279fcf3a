import zlib from 'node:zlib';
import { formatCount, LIMITS, type Limit } from '../limits.js';
import { CENTRAL, ENCRYPTED, END, END64, END64_LOCATOR, LOCAL, MAX16, MAX32, UTF8_NAME } from './format.js';

/** Why a zip archive could not be read: the words say what the file is, the kind lets callers choose the rule. */
export class ZipReadError extends Error {
  override name = 'ZipReadError';
  constructor(
    message: string,
    readonly kind: 'not-zip' | 'corrupt' | 'encrypted' | 'too-large' | 'unsupported',
    /** For `too-large`: the rule id of the limit passed. */
    readonly rule?: string,
  ) {
    super(message);
  }
}

/** A zip archive opened for reading: its entry names, and each entry's bytes inflated on demand. */
export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /**
   * The entry's bytes, inflated once; undefined when there is no such entry. `bound`, lower than
   * LIMITS.zipPartBytes, stops inflating earlier (an XML part is parsed: it has a bound of its own).
   * Throws ZipReadError.
   */
  read(name: string, bound?: Limit): Uint8Array | undefined;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}


/**
 * Opens a zip archive from its central directory, bounded as LIMITS says: at most
 * LIMITS.zipEntries entries, no entry that claims or inflates to more than LIMITS.zipPartBytes,
 * and no more than LIMITS.zipTotalBytes inflated in all. Sizes are checked while inflating (zlib's
 * maxOutputLength stops it the moment the output passes the bound), so a small file that inflates
 * to gigabytes costs the bound, not the gigabytes; the sizes the directory claims are not trusted.
 * Entries are inflated only when read: parts a reader never asks for cost nothing.
 */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(bytes, view);
  const byName = new Map<string, Entry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  const inflated = new Map<string, Uint8Array>();
  let total = 0;
  return {
    names: () => [...byName.keys()],
    has: (name) => byName.has(name),
    read(name, bound) {
      const done = inflated.get(name);
      if (done) return done;
      const e = byName.get(name);
      if (!e) return undefined;
      const data = inflate(bytes, view, e, LIMITS.zipTotalBytes.value - total, bound ?? LIMITS.zipPartBytes);
      total += data.length;
      inflated.set(name, data);
      return data;
    },
  };
}

function centralDirectory(bytes: Uint8Array, view: DataView): Entry[] {
  const end = findEnd(bytes, view);
  if (end < 0) throw new ZipReadError('not a zip archive (no end of central directory)', 'not-zip');
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === MAX16 || size === MAX32 || offset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== END64_LOCATOR) throw new ZipReadError('a zip64 archive without its zip64 end record', 'corrupt');
    const at = big(view, locator + 8);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== END64) throw new ZipReadError('a zip64 end record out of place', 'corrupt');
    count = big(view, at + 32);
    size = big(view, at + 40);
    offset = big(view, at + 48);
  }
  if (count > LIMITS.zipEntries.value) throw new ZipReadError(`it has ${formatCount(count)} entries; the limit is ${formatCount(LIMITS.zipEntries.value)}`, 'too-large', LIMITS.zipEntries.rule);
  if (offset + size > bytes.length) throw new ZipReadError('the central directory lies past the end of the file (cut short?)', 'corrupt');
  const out: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipReadError('a damaged central directory', 'corrupt');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let entrySize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw new ZipReadError('a damaged central directory', 'corrupt');
    const name = new TextDecoder(flags & UTF8_NAME ? 'utf-8' : 'latin1').decode(bytes.subarray(at + 46, nameEnd));
    // Zip64 sizes and offset, in the order the fields were saturated.
    for (let x = nameEnd; x + 4 <= nameEnd + extraLength; ) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let y = x + 4;
        if (entrySize === MAX32 && y + 8 <= x + 4 + len) (entrySize = big(view, y)), (y += 8);
        if (compressedSize === MAX32 && y + 8 <= x + 4 + len) (compressedSize = big(view, y)), (y += 8);
        if (localOffset === MAX32 && y + 8 <= x + 4 + len) localOffset = big(view, y);
      }
      x += 4 + len;
    }
    out.push({ name, flags, method, compressedSize, size: entrySize, localOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return out;
}

function inflate(bytes: Uint8Array, view: DataView, e: Entry, totalLeft: number, limit: Limit): Uint8Array {
  if (e.flags & ENCRYPTED) throw new ZipReadError(`${e.name} is encrypted`, 'encrypted');
  const part = Math.min(limit.value, LIMITS.zipPartBytes.value);
  const tooLarge = (partBound: boolean) =>
    new ZipReadError(partBound ? `${e.name} inflates to more than ${formatCount(part)} bytes` : `its parts inflate to more than ${formatCount(LIMITS.zipTotalBytes.value)} bytes in all`, 'too-large', partBound ? limit.rule : LIMITS.zipTotalBytes.rule);
  if (e.size > part) throw new ZipReadError(`${e.name} claims ${formatCount(e.size)} bytes; the limit is ${formatCount(part)}`, 'too-large', limit.rule);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipReadError(`the entry ${e.name} is damaged`, 'corrupt');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw new ZipReadError(`the entry ${e.name} runs past the end of the file (cut short?)`, 'corrupt');
  const data = bytes.subarray(start, start + e.compressedSize);
  const bound = Math.min(part, totalLeft);
  if (e.method === 0) {
    if (data.length > bound) throw tooLarge(data.length > part);
    return data;
  }
  if (e.method !== 8) throw new ZipReadError(`${e.name} is compressed with method ${e.method}, which Word does not use`, 'unsupported');
  try {
    return new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, bound) }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(bound === part);
    throw new ZipReadError(`the entry ${e.name} is damaged (${(err as Error).message})`, 'corrupt');
  }
}

/** Offset of the end of central directory record: the last signature within a comment's reach of the end. */
function findEnd(bytes: Uint8Array, view: DataView): number {
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - MAX16; i--) {
    if (view.getUint32(i, true) === END && i + 22 + view.getUint16(i + 20, true) <= bytes.length) return i;
  }
  return -1;
}

function big(view: DataView, at: number): number {
  const n = view.getBigUint64(at, true);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}
