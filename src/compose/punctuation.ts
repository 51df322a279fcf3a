import {
  SPACE,
  CLOSE, DASH, ELLIPSIS, GLUE, HAN, MIDDOT, OPEN, OTHER, isBracket, isStop, isWord,
} from './char-class.js';
import type { FontMetrics } from './metrics.js';
import { BRACKET, PAIR, PAUSE, STOP, type Model } from './paragraph-model.js';
import type { Composition } from './composition.js';

/** Punctuation width scheme, as in ctex: all full width, stops full + others half, all half. */
export type PunctuationScheme = 'quanjiao' | 'kaiming' | 'banjiao';

/** The options that decide character widths. */
export interface WidthOptions {
  size: number;
  gridCell?: number;
  punctuation: PunctuationScheme;
  latinGap?: number;
  composition: Composition;
}

// Without ink data a CJK dash is assumed to be inked from 5% to 95% of its advance.
const DASH_INK_INSET = 0.05;

/** Share of the extra spacing the gap after a word space takes, against 1 between Han characters. */
const SPACE_STRETCH = 3;

/**
 * Fill the box model of a classified paragraph: box widths (grid cells or natural advances),
 * glyph placement inside the box, adjacent-punctuation compression, the Han–Latin gap, the
 * shares of justification and what each mark may give up in a tight line.
 */

export function applyWidths(m: Model, metrics: FontMetrics, o: WidthOptions): void {
  const { n, cps, cls, adv, box, pre, join, endShrink, stretch, shrink, squeeze, squeezeTier } = m;
  const size = o.size;
  const grid = o.gridCell !== undefined && o.gridCell > 0;
  // "Full width": one em, or one grid cell (GB/T 9704: 15.79 pt cells for 16 pt glyphs).
  const full = grid ? o.gridCell! : size;
  const scheme = o.punctuation;
  const gap = (o.latinGap ?? 0) * size;
  // The share of a loose line's slack a Han–word edge takes, against 1 between Han characters.
  const edgeStretch = Math.max(1, Math.min(4, Math.round(o.composition.wordEdgeStretch)));

  for (let k = 0; k < n; k++) {
    const cp = cps[k]!;
    const c = cls[k]!;
    const a = metrics.advance(cp);
    // A missing glyph is drawn as an empty box by pdfmake; still reserve a sensible width.
    const ak = (a ?? (c === HAN || c === OPEN || c === CLOSE ? 1 : 0.5)) * size;
    adv[k] = ak;
    let b = ak;
    let p = 0;
    switch (c) {
      case HAN:
        b = grid ? full : ak;
        break;
      case OPEN:
      case CLOSE: {
        // Marks are full width whatever the font's advance says (some fonts draw “ ” proportional).
        const half = scheme === 'banjiao' || (scheme === 'kaiming' && !isStop(cp));
        b = half ? full / 2 : full;
        if (c === OPEN) {
          // An opening mark's ink is in the right part of its advance: align the glyph's right
          // edge with the box's (a half box, or a proportional glyph in a full box). For a glyph
          // that is about one box wide (grid cells are 0.2 pt narrower) keep it at the start.
          const d = b - ak;
          p = Math.abs(d) < 0.25 * size ? 0 : d;
        }
        break;
      }
      case MIDDOT:
      case ELLIPSIS:
        // Centred in a full box: a proportional · (0.33 em in Noto) would otherwise sit left.
        b = full;
        p = (b - ak) / 2;
        break;
      case DASH:
        b = full; // placed below, per run of dashes
        break;
      case OTHER:
        // Wide symbols (～ ℃ ① …) take a cell on the grid like Han.
        if (grid && ak >= 0.9 * size) b = full;
        break;
      default:
        break; // Latin, digits, ASCII punctuation, spaces: natural advance
    }
    box[k] = b;
    pre[k] = p;
    stretch[k] = 1;
  }

  placeDashes(m, metrics, full);

  for (let k = 0; k + 1 < n; k++) {
    const a = cls[k]!;
    const b = cls[k + 1]!;
    let j = 0;
    // Two adjacent full-width marks take 1.5 em: squeeze the blank half of one of them.
    // A closing mark's blank is on its right (squeezed by spacing after it); an opening
    // mark's blank is on its left (squeezed by spacing after the character before it).
    if (a === CLOSE && box[k]! >= full && (b === CLOSE || b === OPEN)) j -= box[k]! / 2;
    else if (b === OPEN && box[k + 1]! >= full && (a === CLOSE || a === OPEN)) j -= box[k + 1]! / 2;
    if (gap !== 0 && ((a === HAN && isWord(b)) || (isWord(a) && b === HAN))) j += gap;
    join[k] = j;
    // Justification must not open up the inside of `——` / `……`, letter-space a Latin word or
    // a number (2 0 2 0 reads badly), nor detach a combining mark.
    if ((a === DASH && b === DASH) || (a === ELLIPSIS && b === ELLIPSIS)) stretch[k] = 0;
    if (isWord(a) && isWord(b)) stretch[k] = 0;
    if (b === GLUE && adv[k + 1] === 0) stretch[k] = 0;
  }
  for (let k = 0; k < n; k++) {
    shrink[k] = stretch[k]! > 0 ? 1 : 0;
    if (!stretch[k]) continue;
    const a = cls[k]!;
    const b = k + 1 < n ? cls[k + 1]! : -1;
    // A word space is where Latin text stretches: the gap after a space takes a larger share, so
    // a line holding several Latin words does not spread its Han characters apart. So does the
    // edge between Han and a Latin word or number (JIS X 4051 widens this gap first). Tightening
    // stays even: a Han character and a digit set solid must not move closer.
    if (a === SPACE) stretch[k] = SPACE_STRETCH;
    else if ((a === HAN && isWord(b)) || (isWord(a) && b === HAN)) stretch[k] = edgeStretch;
  }

  const alone = Math.max(0, o.composition.markSqueeze) * full;
  for (let k = 0; k < n; k++) {
    // A full-width closing mark at a line end may drop its blank half (tightens a line).
    endShrink[k] = cls[k] === CLOSE && box[k]! >= full ? box[k]! / 2 : 0;
    // Inside a line, a full-width mark whose blank half is still whole may give up some of it
    // when the line is set tight (clreq 3.1.6: punctuation widths are adjusted to carry out the
    // line-edge rules), by tiers in clreq's order: the blank left in a pair of marks (to 1 em a
    // pair), then brackets and quotes standing alone, then ，、；：, then (after the gaps) 。？！,
    // each standing alone up to the theme's markSqueeze (¼ em: never the look of ASCII marks).
    const c = cls[k]!;
    if ((c !== CLOSE && c !== OPEN) || box[k]! < full) continue;
    const before = k > 0 ? cls[k - 1]! : -1;
    const after = k + 1 < n ? cls[k + 1]! : -1;
    // Compression of adjacent marks (join) already took a closing mark's blank before another
    // mark, and the blank of an opening mark after another opening one.
    if (c === CLOSE && (after === CLOSE || after === OPEN)) continue;
    if (c === OPEN && before === OPEN) continue;
    const paired = before === OPEN || before === CLOSE || after === OPEN || after === CLOSE;
    const tier = paired ? PAIR : isStop(cps[k]!) ? STOP : isBracket(cps[k]!) ? BRACKET : PAUSE;
    const cap = tier === PAIR ? box[k]! / 2 : Math.min(box[k]! / 2, alone);
    if (tier !== PAIR) m.deep[k] = box[k]! / 2 - cap;
    if (cap <= 0) continue;
    squeeze[k] = cap;
    squeezeTier[k] = tier;
  }
}

/**
 * Each dash of a run (`——`) gets a full box; the glyphs are joined ink to ink (the font draws
 * each — with side bearings, which would show as a break in the line) and the joined stroke is
 * centred in the run's boxes.
 */
function placeDashes(m: Model, metrics: FontMetrics, full: number): void {
  const { n, cps, cls, adv, box, pre } = m;
  const size = m.size;
  for (let k = 0; k < n; ) {
    if (cls[k] !== DASH) {
      k++;
      continue;
    }
    let e = k + 1;
    while (e < n && cls[e] === DASH && cps[e] === cps[k]) e++;
    const ink = metrics.ink?.(cps[k]!);
    const a = adv[k]!;
    const l = ink ? ink[0] * size : a * DASH_INK_INSET;
    const r = ink ? ink[1] * size : a * (1 - DASH_INK_INSET);
    const stroke = (r - l) * (e - k);
    const margin = (full * (e - k) - stroke) / 2;
    let p = margin - l;
    for (let t = k; t < e; t++) {
      box[t] = full;
      pre[t] = p;
      // next glyph's origin = this origin + ink length; its box starts one `full` later
      p += r - l - full;
    }
    k = e;
  }
}
