import { ALPHA, CLOSE_ASCII, DIGIT, OPEN_ASCII, SYM } from './char-class.js';
import { MIN_HYPHENATED, hyphenationPoints } from './hyphenate.js';

/**
 * URLs, e-mail addresses, paths and compound Latin words: the runs of printable ASCII in a
 * paragraph that may break inside, and where.
 *
 * Where: after `/ . ? & = - _ \ @ #` (the last of a run of them, so never inside `://`, `//` or
 * `?&`), as LaTeX's url package, Typst and UAX #14 (after a solidus) break them. Chicago breaks
 * before `.` and `/` instead, to keep a period at a line end from reading as a full stop, but in
 * Chinese text clreq forbids `.` `?` `,` at a line start (行首禁则), and a full stop is 。 here.
 * Never between two digits (`2021-03-12`, `192.168.1.1`, `v1.2`), and never leaving a piece of
 * fewer than two characters (three for a compound word: no `e-` or `of-` alone).
 */
export const WORD_BREAK = 2;
/**
 * A last resort inside a URL, e-mail address or path only: between two letters or a letter and a
 * digit, where a token too long for the rest of its line would otherwise leave that line loose
 * (Chinese print and CSS's `word-break: break-all` break addresses so; a Latin word never is).
 */
export const ADDRESS_BREAK = 3;
/** Inside a long Latin word, at a hyphenation point: the line ends with a hyphen. */
export const HYPHEN_BREAK = 4;
/** Inside a camel-cased name, where a capital starts its next part (Web-Socket): a last resort, with a hyphen. */
export const CAMEL_BREAK = 5;

/** Does a line that starts at a break of this kind leave a hyphen at the end of the line before? */
export function endsWithHyphen(kind: number): boolean {
  return kind === HYPHEN_BREAK || kind === CAMEL_BREAK;
}

const URL_MARKS = new Set([...'/.?&=-_\\@#'].map((c) => c.codePointAt(0)!));
const WORD_MARKS = new Set([...'-_/'].map((c) => c.codePointAt(0)!));
/** Leading and trailing characters that belong to the sentence, not to the token. */
const LEADING = new Set([...'([{<"\''].map((c) => c.codePointAt(0)!));
const TRAILING = new Set([...'.,;:!?)]}>"\''].map((c) => c.codePointAt(0)!));

const enum Kind {
  None,
  /** URL, e-mail address or path: breaks after any of URL_MARKS. */
  Address,
  /** A Latin word joined by `-`, `_` or `/` (state-of-the-art, snake_case, and/or). */
  Compound,
}

/** A token [start, end) of printable ASCII and what kind of thing it is. */
export interface Token {
  start: number;
  end: number;
  kind: Kind;
}

const isPrintable = (cp: number): boolean => cp > 0x20 && cp < 0x7f;
const isDigit = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;

/** The URL-like and compound tokens of a paragraph (code points); found once, used by the three passes below. */
export function wordTokens(cps: Int32Array): Token[] {
  const out: Token[] = [];
  const n = cps.length;
  for (let k = 0; k < n; ) {
    if (!isPrintable(cps[k]!)) {
      k++;
      continue;
    }
    let end = k;
    while (end < n && isPrintable(cps[end]!)) end++;
    let start = k;
    k = end;
    while (start < end && LEADING.has(cps[start]!)) start++;
    while (end > start && TRAILING.has(cps[end - 1]!) && !closesInside(cps, start, end - 1)) end--;
    if (end - start < 3) continue;
    let letters = false;
    for (let q = start; q < end && !letters; q++) letters = isAsciiLetter(cps[q]!);
    if (!letters) continue;
    const kind = kindOf(String.fromCodePoint(...cps.subarray(start, end)));
    if (kind !== Kind.None) out.push({ start, end, kind });
  }
  return out;
}

/** A `)` `]` `}` at `at` that closes a bracket opened inside the token stays in it (a Wikipedia URL). */
function closesInside(cps: Int32Array, start: number, at: number): boolean {
  const close = cps[at]!;
  const open = close === 0x29 ? 0x28 : close === 0x5d ? 0x5b : close === 0x7d ? 0x7b : -1;
  if (open < 0) return false;
  let depth = 0;
  for (let k = start; k < at; k++) {
    if (cps[k] === open) depth++;
    else if (cps[k] === close) depth--;
  }
  return depth > 0;
}

function kindOf(s: string): Kind {
  if (!/[A-Za-z]/.test(s)) return Kind.None;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\/./.test(s) || /^www\./i.test(s)) return Kind.Address;
  if (/^[^@]+@[^@]+\.[A-Za-z]/.test(s)) return Kind.Address;
  // A path: /var/log/x.log, C:\\Users\\…, docs/guide.md; a short one (and/or, TCP/IP) is a compound.
  if (/[/\\]/.test(s)) return s.length > 6 || /^[/\\]|\\/.test(s) ? Kind.Address : Kind.Compound;
  // A host name without a scheme: zwfw.example.gov.cn.
  if (/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+){2,}$/.test(s)) return Kind.Address;
  if (/[A-Za-z][-_][A-Za-z0-9]|[0-9][-_][A-Za-z]/.test(s)) return Kind.Compound;
  return Kind.None;
}

/**
 * Inside a URL, e-mail address or path, ASCII punctuation is part of it: `https:` is not a colon
 * ending a clause, `?` not a question mark. Classify it with the word, so no clreq line-start or
 * line-end rule applies inside (the breaks are the ones `markWordBreaks` allows).
 */
export function classifyAddresses(tokens: readonly Token[], cls: Uint8Array): void {
  for (const t of tokens) {
    if (t.kind !== Kind.Address) continue;
    for (let k = t.start; k < t.end; k++) {
      const c = cls[k]!;
      if (c === CLOSE_ASCII || c === OPEN_ASCII) cls[k] = SYM;
    }
  }
}

/** Marks brk[p] = WORD_BREAK where a line may start inside a URL-like or compound token. */
export function markWordBreaks(tokens: readonly Token[], cps: Int32Array, cls: Uint8Array, brk: Uint8Array): void {
  for (const t of tokens) {
    const marks = t.kind === Kind.Address ? URL_MARKS : WORD_MARKS;
    const min = t.kind === Kind.Address ? 2 : 3;
    for (let p = t.start + min; p <= t.end - min; p++) {
      const before = cps[p - 1]!;
      const after = cps[p]!;
      if (!marks.has(before) || URL_MARKS.has(after)) continue;
      // Numbers stay whole: 2021-03-12, 1.2.3.
      if (p >= 2 && isDigit(cps[p - 2]!) && isDigit(after)) continue;
      // Only between word characters: the classes around the break must be the token's own.
      const a = cls[p - 1]!;
      const b = cls[p]!;
      if ((a !== SYM && a !== ALPHA && a !== DIGIT) || (b !== SYM && b !== ALPHA && b !== DIGIT)) continue;
      if (brk[p] === 0) brk[p] = WORD_BREAK;
    }
    if (t.kind !== Kind.Address) continue;
    // Between the marks, each piece keeps at least two characters (no `baoson|g@`); nothing of a
    // URL's scheme (`http|s://`) is broken, wherever in the token one starts.
    const text = String.fromCodePoint(...cps.subarray(t.start, t.end));
    const schemes: [number, number][] = [];
    for (const s of text.matchAll(/[A-Za-z][A-Za-z0-9+.-]*:\/\//g)) schemes.push([t.start + s.index, t.start + s.index + s[0].length]);
    let from = t.start;
    for (let p = from; p <= t.end; p++) {
      if (p < t.end && !URL_MARKS.has(cps[p]!)) continue;
      for (let q = from + 2; q <= p - 2; q++) {
        if (brk[q] !== 0 || (isDigit(cps[q - 1]!) && isDigit(cps[q]!))) continue;
        if (schemes.some(([a, b]) => q > a && q < b)) continue;
        brk[q] = ADDRESS_BREAK;
      }
      from = p + 1;
    }
  }
}

/**
 * Marks brk[p] = HYPHEN_BREAK at the hyphenation points of long Latin words outside addresses:
 * lower-case words, or capitalised ones (Organization). A camel-cased name (WebSocket, OpenAPI)
 * is not hyphenated by patterns, which do not know it, but may break where a capital starts its
 * next part (CAMEL_BREAK); an acronym (HTTPS) never breaks. True if any break was marked.
 */
export function markHyphenBreaks(tokens: readonly Token[], cps: Int32Array, brk: Uint8Array): boolean {
  let marked = false;
  const addresses = tokens.filter((t) => t.kind === Kind.Address);
  const n = cps.length;
  for (let k = 0; k < n; ) {
    if (!isAsciiLetter(cps[k]!)) {
      k++;
      continue;
    }
    let end = k;
    while (end < n && isAsciiLetter(cps[end]!)) end++;
    const start = k;
    k = end;
    if (end - start < MIN_HYPHENATED) continue;
    if (addresses.some((t) => start < t.end && end > t.start)) continue;
    // A letter run glued to a digit is a code (OAuth2), not a word.
    if ((start > 0 && isDigit(cps[start - 1]!)) || (end < n && isDigit(cps[end]!))) continue;
    let upperInside = false;
    for (let q = start + 1; q < end; q++) if (cps[q]! <= 0x5a) upperInside = true;
    if (upperInside) {
      for (let q = start + 2; q <= end - 3; q++) {
        if (cps[q]! <= 0x5a && cps[q - 1]! > 0x5a && brk[q] === 0) {
          brk[q] = CAMEL_BREAK;
          marked = true;
        }
      }
      continue;
    }
    const word = String.fromCharCode(...cps.subarray(start, end));
    for (const at of hyphenationPoints(word)) {
      if (brk[start + at] !== 0) continue;
      brk[start + at] = HYPHEN_BREAK;
      marked = true;
    }
  }
  return marked;
}

const isAsciiLetter = (cp: number): boolean => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
