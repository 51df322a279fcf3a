// Character classes for Chinese line composition, after W3C clreq (not UAX #14: there “ and ”
// are QU, glue on both sides, which is exactly what made pdfmake's lines 101 pt loose).
// Plain numeric constants, not an enum: they index typed arrays and cost nothing at run time.

/** Han ideographs, kana, hangul, full-width letters/digits, U+3000: one em (one grid cell) each. */
export const HAN = 0;
/** CJK opening marks （《「『【〔〈“‘: glyph in the right half of the em; never at a line end. */
export const OPEN = 1;
/** CJK closing marks ，。、：；？！）》」』】〕〉”’: glyph in the left half; never at a line start. */
export const CLOSE = 2;
/** ASCII opening ( [ {: proportional width; never at a line end. */
export const OPEN_ASCII = 3;
/** ASCII closing , . : ; ? ! ) ] }: proportional width; never at a line start. */
export const CLOSE_ASCII = 4;
/** Dashes — ― ⸺ ⸻: a run of them (`——`) is never split. */
export const DASH = 5;
/** Ellipsis … ⋯ ‥: a run of them (`……`) is never split. */
export const ELLIPSIS = 6;
/** Middle dots · ・ ‧ (间隔号): one em, glyph centred; glued to both neighbours. */
export const MIDDOT = 7;
/** Letters of alphabetic scripts: a Latin word is never split. */
export const ALPHA = 8;
/** Digits 0-9: a number stays together, and with the Han unit after it (2020年, 1.3亿). */
export const DIGIT = 9;
/** Symbols that belong to words and numbers: % + - / & # @ = ~ _ ' " etc. */
export const SYM = 10;
/** Breaking spaces (U+0020, tab): a line may break after one; it hangs at the line end. */
export const SPACE = 11;
/** No-break spaces and joiners: never a break either side. */
export const GLUE = 12;
/** Anything else (symbols, emoji, combining marks): breaks like Han, natural width. */
export const OTHER = 13;

/** One of the class constants above. */
export type CharClass = number;

const OPENERS = '（《「『【〔〈“‘〖〘〚［｛｟〝⦅';
const CLOSERS = '，。、：；？！）》」』】〕〉”’〗〙〛］｝｠〞〟．｡､⦆';
/** Full stops: kept full width by the kaiming scheme (ctex 开明式). */
const STOPS = '。？！．';

const table = new Map<number, number>();
for (const ch of OPENERS) table.set(ch.codePointAt(0)!, OPEN);
for (const ch of CLOSERS) table.set(ch.codePointAt(0)!, CLOSE);
for (const ch of '([{') table.set(ch.codePointAt(0)!, OPEN_ASCII);
for (const ch of ',.:;?!)]}') table.set(ch.codePointAt(0)!, CLOSE_ASCII);
for (const ch of '—―⸺⸻') table.set(ch.codePointAt(0)!, DASH);
for (const ch of '…⋯‥') table.set(ch.codePointAt(0)!, ELLIPSIS);
for (const ch of '·・‧') table.set(ch.codePointAt(0)!, MIDDOT);
for (const cp of [0x20, 0x09, 0x2002, 0x2003, 0x2009, 0x200a]) table.set(cp, SPACE);
for (const cp of [0xa0, 0x202f, 0x2007, 0x2060, 0xfeff, 0x200d]) table.set(cp, GLUE);
table.set(0x3000, HAN); // ideographic space takes a cell like a character

const stopSet = new Set<number>([...STOPS].map((c) => c.codePointAt(0)!));

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

/** Classify one code point (fast paths first: the CJK block and ASCII cover nearly all text). */
export function classify(cp: number): CharClass {
  if (cp >= 0x4e00 && cp <= 0x9fff) return HAN;
  const t = table.get(cp);
  if (t !== undefined) return t;
  if (cp >= 0x30 && cp <= 0x39) return DIGIT;
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return ALPHA;
  if (cp < 0x80) return cp < 0x20 ? OTHER : SYM;
  if (isWideCJK(cp)) return HAN;
  const s = String.fromCodePoint(cp);
  if (LETTER.test(s)) return ALPHA;
  if (MARK.test(s)) return GLUE; // a combining mark never separates from its base
  return OTHER;
}

/** East Asian wide ideographic ranges (Han extensions, kana, hangul, full-width forms). */
function isWideCJK(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3005 && cp <= 0x3007) || // 々〆〇
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3100 && cp <= 0x31ff) || // bopomofo, kana ext
    (cp >= 0x3400 && cp <= 0x4dbf) || // ext A
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xff01 && cp <= 0xff5e) || // full-width ASCII forms (those not listed as marks)
    (cp >= 0x20000 && cp <= 0x3ffff) // planes 2 and 3
  );
}

/** True for 。？！ — the marks kaiming keeps full width. */
export function isStop(cp: number): boolean {
  return stopSet.has(cp);
}

const pauseSet = new Set<number>([...'，、；：,;:､'].map((c) => c.codePointAt(0)!));

/** True for brackets and quotes (夹注符号), as against the pauses ，、；： and the stops. */
export function isBracket(cp: number): boolean {
  const c = table.get(cp);
  return (c === OPEN || c === CLOSE) && !stopSet.has(cp) && !pauseSet.has(cp);
}

/** Classes that belong to a Latin word or a number. */
export function isWord(c: CharClass): boolean {
  return c === ALPHA || c === DIGIT || c === SYM;
}

/** Full-width CJK punctuation whose blank half may be compressed. */
export function isCjkMark(c: CharClass): boolean {
  return c === OPEN || c === CLOSE;
}

/** Closing punctuation of either width: may not start a line. */
export function isClosing(c: CharClass): boolean {
  return c === CLOSE || c === CLOSE_ASCII;
}

/** Opening punctuation of either width: may not end a line. */
export function isOpening(c: CharClass): boolean {
  return c === OPEN || c === OPEN_ASCII;
}

/**
 * clreq, for a break decided one character at a time (the end block's greedy lines): a closing
 * mark of either width may not start a line, nor a mark that holds on to what comes before it
 * (—— …… · and a number's %).
 */
export function mayNotStartLine(ch: string): boolean {
  const c = classify(ch.codePointAt(0) ?? 0);
  return isClosing(c) || c === DASH || c === ELLIPSIS || c === MIDDOT || ch === '%';
}

/** clreq: an opening mark of either width may not end a line. */
export function mayNotEndLine(ch: string): boolean {
  return isOpening(classify(ch.codePointAt(0) ?? 0));
}

/**
 * Classify a whole paragraph, fixing the context-dependent cases: `.` `,` `:` inside a number
 * or word (1.3, 1,000, 12:30, e.g.) are part of it, not sentence punctuation.
 */
export function classifyAll(cps: Int32Array, out: Uint8Array): void {
  const n = cps.length;
  for (let k = 0; k < n; k++) out[k] = classify(cps[k]!);
  for (let k = 1; k + 1 < n; k++) {
    if (out[k] !== CLOSE_ASCII) continue;
    const cp = cps[k]!;
    const a = out[k - 1]!;
    const b = out[k + 1]!;
    if (cp === 0x2e && (a === DIGIT || a === ALPHA) && (b === DIGIT || b === ALPHA)) out[k] = SYM;
    else if ((cp === 0x2c || cp === 0x3a) && a === DIGIT && b === DIGIT) out[k] = SYM;
  }
}
