import { isIdentity, type PlacedGlyph, type TextRun } from './page-model.js';
import { alpha, box, colourValue, compressedArray, ctm, mm } from './units.js';
import { el, num } from './xml.js';

/** What a text object needs of its font: its resource id, its subset's glyph ids and cmap. */
export interface FontResource {
  id: number;
  newId(originalId: number): number;
  /** The glyph the subset's cmap gives a code point. */
  cmap: ReadonlyMap<number, number>;
}

/** Characters drawn by one or more glyphs together (one glyph per character in composed text). */
interface Cluster {
  codePoints: number[];
  glyphs: PlacedGlyph[];
}

/**
 * A run of text as an OFD TextObject: one TextCode per stretch between spaces, each with its
 * first character's origin (X, Y) and the move from each character to the next (DeltaX, and
 * DeltaY where the baseline moves), counted per code point as OFD counts characters. A reader
 * maps each character through the font's cmap; where the run drew another glyph (a ligature, a
 * substituted form), a CGTransform names the glyphs.
 *
 * Positions are relative to the object's Boundary: a box around the run, or the whole page for
 * a run in a transformed space (the watermark), whose CTM then maps the run's space to the page.
 */
export function textObject(id: number, run: TextRun, font: FontResource, page: { width: number; height: number }): string | undefined {
  const pieces = splitAtSpaces(clusters(run));
  if (pieces.length === 0) return undefined;
  const glyphs = pieces.flat().flatMap((c) => c.glyphs);
  const transformed = !isIdentity(run.ctm);
  const origin = transformed ? { x: 0, y: 0 } : { x: Math.min(...glyphs.map((g) => g.x)), y: Math.min(...glyphs.map((g) => g.y)) - run.size * 1.2 };
  const boundary = transformed
    ? { x: 0, y: 0, width: page.width, height: page.height }
    : { x: origin.x, y: origin.y, width: Math.max(...glyphs.map((g) => g.x + g.advance)) - origin.x, height: Math.max(...glyphs.map((g) => g.y)) + run.size * 0.4 - origin.y };
  const codes = pieces.flatMap((piece) => textCode(piece, origin, font));
  return el(
    'TextObject',
    { ID: id, Boundary: box(boundary), Font: font.id, Size: num(mm(run.size)), CTM: transformed ? ctm(run.ctm) : undefined, Alpha: alpha(run.fill.alpha) },
    el('FillColor', { Value: colourValue(run.fill) }),
    ...codes,
  );
}

/** The CGTransforms a stretch needs, then its TextCode. */
function textCode(piece: readonly Cluster[], origin: { x: number; y: number }, font: FontResource): string[] {
  const out: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  let text = '';
  let position = 0;
  for (const c of piece) {
    const first = c.glyphs[0]!;
    const own = c.codePoints.length === 1 && c.glyphs.length === 1 && font.cmap.get(c.codePoints[0]!) === font.newId(first.id);
    if (!own) {
      out.push(
        el(
          'CGTransform',
          { CodePosition: position, CodeCount: c.codePoints.length, GlyphCount: c.glyphs.length },
          el('Glyphs', {}, c.glyphs.map((g) => font.newId(g.id)).join(' ')),
        ),
      );
    }
    // Every character of a cluster stands at its first glyph's origin.
    for (const cp of c.codePoints) {
      xs.push(first.x - origin.x);
      ys.push(first.y - origin.y);
      text += String.fromCodePoint(cp);
    }
    position += c.codePoints.length;
  }
  const dx = xs.slice(1).map((x, i) => x - xs[i]!);
  const dy = ys.slice(1).map((y, i) => y - ys[i]!);
  const attrs = {
    X: num(mm(xs[0]!)),
    Y: num(mm(ys[0]!)),
    DeltaX: dx.length > 0 ? compressedArray(dx) : undefined,
    DeltaY: dy.some((d) => Math.abs(mm(d)) >= 0.00005) ? compressedArray(dy) : undefined,
  };
  out.push(el('TextCode', attrs, escapeText(text)));
  return out;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * The run's glyphs grouped with the characters they draw, in order. A glyph that stands for the
 * next characters of the text starts a cluster; one that stands for none of them (a mark, a
 * second glyph of one character) joins the cluster before it.
 */
export function clusters(run: TextRun): Cluster[] {
  const text = [...run.text].map((c) => c.codePointAt(0)!);
  const out: Cluster[] = [];
  let at = 0;
  for (const glyph of run.glyphs) {
    const cps = glyph.codePoints;
    const next = cps.length > 0 && cps.every((cp, i) => text[at + i] === cp);
    if (next || out.length === 0) {
      out.push({ codePoints: next ? [...cps] : [], glyphs: [glyph] });
      if (next) at += cps.length;
    } else out[out.length - 1]!.glyphs.push(glyph);
  }
  if (at !== text.length) throw new Error(`the glyphs of a run do not spell its text: ${JSON.stringify(run.text)}`);
  return out;
}

/** Stretches between white space and control characters, which draw nothing (and XML would not keep). */
function splitAtSpaces(all: readonly Cluster[]): Cluster[][] {
  const pieces: Cluster[][] = [[]];
  for (const c of all) {
    const blank = c.codePoints.length === 0 || c.codePoints.every((cp) => /[\s\p{Cc}]/u.test(String.fromCodePoint(cp)));
    if (blank) pieces.push([]);
    else pieces[pieces.length - 1]!.push(c);
  }
  return pieces.filter((p) => p.length > 0);
}

