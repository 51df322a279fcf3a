import type { ComposedLine } from './justify.js';
import type { FontMetrics } from './metrics.js';

// Helpers for the compose tests: what a reader (or pdf.js) would see of a composed line.

/** The characters of a line, as the text layer would give them. */
export function lineText(l: ComposedLine): string {
  return l.runs.map((r) => r.text).join('');
}

/** Drawn width recomputed from the runs as pdfkit draws them: Σ advance·size + n·characterSpacing (a hyphenated line's hyphen included). */
export function drawnWidth(l: ComposedLine, metrics: FontMetrics, size: number): number {
  let w = 0;
  for (const r of l.hyphen ? [...l.runs, l.hyphen] : l.runs) {
    for (const ch of r.text) w += (metrics.advance(ch.codePointAt(0)!) ?? 0) * size + r.characterSpacing;
  }
  return w;
}

/** Glyph origin x (from the line start) of every character of a line, with its character. */
export function glyphOrigins(l: ComposedLine, metrics: FontMetrics, size: number): { ch: string; x: number; cs: number }[] {
  const out: { ch: string; x: number; cs: number }[] = [];
  let x = 0;
  for (const r of l.runs) {
    for (const ch of r.text) {
      out.push({ ch, x, cs: r.characterSpacing });
      x += (metrics.advance(ch.codePointAt(0)!) ?? 0) * size + r.characterSpacing;
    }
  }
  return out;
}

export const CLOSING = new Set([...'，。、：；？！）》」』】〕〉”’,.:;?!)']);
export const OPENING = new Set([...'（《「『【〔〈“‘(']);

/** Violations of the clreq line-edge rules in a paragraph's lines, as readable strings. */
export function edgeViolations(lines: ComposedLine[]): string[] {
  const bad: string[] = [];
  lines.forEach((l, idx) => {
    const raw = lineText(l);
    const t = raw.replace(/ +$/, '');
    const atSpace = raw !== t; // a break after a space is always allowed
    const first = [...t][0];
    const last = [...t].at(-1);
    if (idx > 0 && first !== undefined && CLOSING.has(first)) bad.push(`line ${idx} starts with ${first}: ${t}`);
    if (!l.last && last !== undefined && OPENING.has(last)) bad.push(`line ${idx} ends with ${last}: ${t}`);
    const next = lines[idx + 1];
    if (next && last !== undefined && !atSpace) {
      const nf = [...lineText(next)][0]!;
      if ((last === '—' && nf === '—') || (last === '…' && nf === '…')) bad.push(`split ${last}${nf} after: ${t}`);
      // Inside a word only where it is hyphenated, or after a URL's / . ? & = - _ \ @ #.
      if (/[A-Za-z0-9%+\-]/.test(last) && /[A-Za-z0-9%+\-]/.test(nf) && !l.hyphen && !/[/.?&=\-_\\@#]/.test(last)) bad.push(`split word/number ${last}|${nf}: ${t}`);
      if (/[0-9]/.test(last) && /\p{Script=Han}/u.test(nf)) bad.push(`number split from unit ${last}|${nf}`);
    }
  });
  return bad;
}

/** Characters on the last line that count for 孤字 (punctuation and spaces do not). */
export function countable(s: string): number {
  return [...s].filter((c) => !CLOSING.has(c) && c !== ' ').length;
}
