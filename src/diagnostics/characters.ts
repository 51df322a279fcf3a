/**
 * How diagnostics name characters a reader cannot see: controls, and the invisible format
 * characters (Unicode category Cf) that come in with copied web text: zero-width spaces and
 * joiners, bidirectional overrides and isolates, the byte order mark, soft hyphens, tags.
 * None prints, so a font cannot help with them: the message says what the character is.
 */
const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x1b: 'ESC', 0x7f: 'DEL', 0x85: 'NEL',
  0xad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
  0xe0001: 'LANGUAGE TAG',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x3164: 'HANGUL FILLER',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/**
 * Characters that print nothing: Unicode's format characters (Cf) and the other default
 * ignorables (Hangul fillers, Mongolian selectors, U+034F…), which fonts and layout engines hide.
 * Variation selectors are left out: they choose a form of the character before them, and the
 * glyph check answers for them (src/glyphs).
 */
export const FORMAT_CHAR = /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** `U+202E` */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`, or just the code point when it has no name here. */
export function namedCodePoint(cp: number): string {
  const name = NAMES[cp] ?? (cp >= 0xe0020 && cp <= 0xe007f ? 'TAG CHARACTER' : undefined);
  return name ? `${codePointLabel(cp)} (${name})` : codePointLabel(cp);
}

/** What an invisible format character does, and what to do about it: the hint of its diagnostic. */
export function formatCharHint(cp: number): string {
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c) {
    return 'it changes the direction text is shown in on screen and prints nothing (it can make text read differently from what it holds); delete it';
  }
  if (cp === 0x200b || cp === 0x2060 || cp === 0xfeff) {
    return 'it prints nothing and is usually left over from copying a web page; delete it (Chinese lines break between any two characters without it)';
  }
  return 'it prints nothing and is usually left over from copying; delete it';
}
