import path from 'node:path';
import { diag, FORMAT_CHAR, formatCharHint, namedCodePoint, type Diagnostic, type SourcePos } from '../diagnostics/index.js';
import type { Doc } from '../ir/index.js';
import { readBounded } from '../io/read-bounded.js';
import { LIMITS } from '../limits.js';
import { roleOf, textUnits, unitText, type TextPiece } from '../verify/ir-text.js';
import { fontInfo } from '../fonts/font-file.js';
import { hasVariant, isVariationSelector, needsGlyph } from './coverage.js';
import { faceFiles } from './face-runs.js';

/** More than this many missing characters is one problem (a wrong font), not a list to read. */
const MAX_REPORTED = 50;

/**
 * Checks every character of the document against the fonts of the role that will set it (the
 * role's face, then its fallbacks), before anything is rendered: pdfmake would draw a missing
 * glyph as an empty box and drop the character from the text layer without a word.
 *
 * Each missing character is one `missing-glyph` error per text unit, at the content position of
 * the unit, refined to the character's own line and column when it is found in the file there.
 */
export function checkGlyphs(doc: Doc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const sources = new SourceFiles();
  let missing = 0;
  let firstUnreported: SourcePos | undefined;
  eachRoleText(doc, (piece, role, at, unit) => {
    const files = faceFiles(doc.fonts[role]!);
    const covers = files.map(fontInfo);
    let previous = -1;
    for (const ch of piece.text) {
      const cp = ch.codePointAt(0)!;
      const base = previous;
      previous = cp;
      if (isVariationSelector(cp)) {
        // A variation selector has no glyph: it picks the form of its base. The PDF writer sets
        // each code point as a character of its own, so a selector would lose its base, open a
        // gap and drop out of the text layer: refused, and said why, until the writer keeps
        // sequences whole. (The Word file keeps them; Word picks the form.)
        if (base < 0) continue;
        const key = `${base}+${cp}|${role}|${at ? `${at.file}:${at.line}:${at.column}` : ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const baseCh = String.fromCodePoint(base);
        const face = covers.findIndex((c) => c.hasGlyph(base));
        const has = face >= 0 && hasVariant(files[face]!, base, cp);
        const what = `'${baseCh}' followed by the variation selector ${codePoint(cp)}`;
        out.push(
          diag(
            'error',
            'variation-selector',
            has
              ? `${what}: the PDF writer cannot set variation sequences yet; it would print the plain '${baseCh}' and drop the selector`
              : `${what}: '${face >= 0 ? covers[face]!.family : covers[0]!.family}' (${role}) has no glyph for this variant; the PDF would print the plain '${baseCh}' and drop the selector`,
            at ? sources.find(at, baseCh + ch, unit.length) : undefined,
            [`delete the selector after '${baseCh}' to print the plain character${has ? '' : `, or add a font that has the variant to fonts/ (see fonts/README.md)`}`],
          ),
        );
        continue;
      }
      // Combining marks need glyphs too (a missing one prints as a box).
      if (!needsGlyph(cp) || covers.some((c) => c.hasGlyph(cp))) continue;
      const key = `${cp}|${role}|${at ? `${at.file}:${at.line}:${at.column}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const pos = at ? sources.find(at, ch, unit.length) : undefined;
      if (FORMAT_CHAR.test(ch) || /\p{Cc}/u.test(ch)) {
        // Content refuses these when it loads; one from the layout is named, not sent to a font.
        out.push(diag('error', 'control-char', `invisible ${FORMAT_CHAR.test(ch) ? 'format' : 'control'} character ${namedCodePoint(cp)} in text from the layout`, pos, [formatCharHint(cp)]));
        continue;
      }
      missing++;
      if (out.length >= MAX_REPORTED) {
        firstUnreported ??= at;
        continue;
      }
      const fallbacks = covers.slice(1).map((c) => `'${c.family}'`);
      out.push(
        diag(
          'error',
          'missing-glyph',
          `'${ch}' (${codePoint(cp)}) is not in '${covers[0]!.family}' (${role})${fallbacks.length ? ` nor its fallback${fallbacks.length > 1 ? 's' : ''} ${fallbacks.join(', ')}` : ''}`,
          pos,
          [
            `add a font that has it to fonts/ (see fonts/README.md), or list one under \`fonts.${role}.fallback\` in the theme`,
            ...(at ? [] : ['this text comes from the layout (page numbers, draft mark), not from the content']),
          ],
        ),
      );
    }
  });
  if (missing > out.length) {
    out.push(diag('error', 'missing-glyph', `${missing - MAX_REPORTED} more characters are missing from their fonts`, firstUnreported, ['the font of a role may be the wrong one: check `fonts` in the theme']));
  }
  return out;
}

/**
 * Calls `visit` with every piece of text of the document and the font role that sets it: the
 * content's text units (with where they came from), then the page furniture the theme styles.
 */
function eachRoleText(doc: Doc, visit: (piece: TextPiece, role: string, at: SourcePos | undefined, unit: string) => void): void {
  const check = (piece: TextPiece, role: string | undefined, at: SourcePos | undefined, unit: string) => {
    if (role && doc.fonts[role]) visit(piece, role, at, unit);
  };
  for (const unit of textUnits(doc)) {
    const text = unitText(unit);
    for (const piece of unit.pieces) check(piece, roleOf(doc, piece), unit.at, text);
  }
  // Page furniture: set in the fonts the theme gives it.
  const { pageNumber, header, watermark } = doc.furniture;
  if (pageNumber) check({ text: pageNumber.format.replace('{n}', '0123456789'), style: pageNumber.style, strong: false }, doc.styles[pageNumber.style]?.font, undefined, '');
  if (header) check({ text: header.text, style: header.style, strong: false }, doc.styles[header.style]?.font, undefined, '');
  if (watermark) check({ text: watermark.text, style: '', strong: false }, watermark.font, undefined, '');
}

/** What one font role sets in a document: its distinct characters, and those no face of the role has, with where. */
export interface RoleCoverage {
  characters: Set<number>;
  /** Each missing character and where the content sets it (none: the layout's own text). */
  missing: Map<string, SourcePos[]>;
}

/** Every role's coverage of a document (for `jianbao fonts`), added into `into` across documents. */
export function glyphCoverage(doc: Doc, into: Map<string, RoleCoverage> = new Map()): Map<string, RoleCoverage> {
  const sources = new SourceFiles();
  eachRoleText(doc, (piece, role, at, unit) => {
    let cov = into.get(role);
    if (!cov) into.set(role, (cov = { characters: new Set(), missing: new Map() }));
    const covers = faceFiles(doc.fonts[role]!).map(fontInfo);
    for (const ch of piece.text) {
      const cp = ch.codePointAt(0)!;
      // Variation selectors have no glyph of their own (checkGlyphs reports them apart).
      if (!needsGlyph(cp) || isVariationSelector(cp)) continue;
      cov.characters.add(cp);
      if (covers.some((c) => c.hasGlyph(cp))) continue;
      let places = cov.missing.get(ch);
      if (!places) cov.missing.set(ch, (places = []));
      if (at) {
        const pos = sources.find(at, ch, unit.length);
        if (!places.some((p) => p.file === pos.file && p.line === pos.line && p.column === pos.column)) places.push(pos);
      }
    }
  });
  return into;
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Content files read once per check, to point at the character itself rather than its paragraph. */
class SourceFiles {
  private readonly texts = new Map<string, string | undefined>();

  /** The position of `ch` at or after `at` within a window the unit could span; `at` if not there. */
  find(at: SourcePos, ch: string, unitLength: number): SourcePos {
    const text = this.read(at.file);
    if (text === undefined) return at;
    const start = offsetOf(text, at.line, at.column);
    if (start === undefined) return at;
    const end = Math.min(text.length, start + unitLength * 4 + 200);
    const i = text.indexOf(ch, start);
    if (i < 0 || i >= end) return at;
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return { file: at.file, line, column: i - before.lastIndexOf('\n') };
  }

  private read(file: string): string | undefined {
    if (!this.texts.has(file)) {
      const read = readBounded(path.resolve(file), { limit: LIMITS.contentFileBytes, shown: file });
      this.texts.set(file, read.ok ? read.bytes.toString('utf8') : undefined);
    }
    return this.texts.get(file);
  }
}

/** String offset of a 1-based line and column (columns count UTF-16 units, as the YAML positions do). */
function offsetOf(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  return offset + column - 1;
}
