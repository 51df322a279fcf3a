/**
 * The named character references a saved Chinese page actually uses. An unknown name is kept as
 * written, which is what browsers do.
 */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  shy: '\u00ad', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', sbquo: '‚', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', prime: '′', Prime: '″',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', deg: '°', plusmn: '±',
  times: '×', divide: '÷', micro: 'µ', permil: '‰', yen: '¥', cent: '¢', pound: '£', euro: '€',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', minus: '−', infin: '∞', radic: '√',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', pi: 'π', sigma: 'σ', mu: 'μ', omega: 'ω',
  iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º', acute: '´', uml: '¨', macr: '¯', cedil: '¸',
  brvbar: '¦', not: '¬', curren: '¤', loz: '◊', spades: '♠', clubs: '♣', hearts: '♥', diams: '♦',
};

/** Decodes the reference starting at `text[i] === '&'`: the characters and how many source units it spans. */
export function decodeEntity(text: string, i: number): { value: string; length: number } | undefined {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/.exec(text.slice(i, i + 40));
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const value = NAMED[m[3]];
    // Browsers accept a few names without the semicolon; only take the known ones.
    return value === undefined ? undefined : { value, length: m[0].length };
  }
  const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2]!, 16);
  const value =
    code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
      ? '\ufffd'
      : code >= 0x80 && code <= 0x9f
        ? WINDOWS_1252[code - 0x80] ?? '\ufffd'
        : String.fromCodePoint(code);
  return { value, length: m[0].length };
}

/** `&#150;` and friends mean what Windows-1252 puts there, as the HTML standard says. */
const WINDOWS_1252: (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];
