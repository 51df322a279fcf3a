import { TextWatermark } from 'docx/watermarks';
import type { Doc, Watermark } from '../../ir/index.js';
import { hex } from './units.js';

/** Widths as Word sets the watermark's text: Han characters and full-width marks one em, others half. */
const advance = (cp: number): number => (cp === 0x20 ? 0.25 : cp < 0x2000 ? 0.5 : 1);

/**
 * The draft's mark as Word's own Design › Watermark makes it: a WordArt shape (VML `v:shape` with
 * a `v:textpath`, id `PowerPlusWaterMarkObject…`) in a run of the header, centred on the page
 * behind the text, so it is drawn on every page of the section and Word's Remove Watermark finds
 * it. The shape is as wide as the text at the theme's size (WordArt stretches text to its shape),
 * turned as the theme turns it (VML rotation is clockwise, as the IR's angle), in the theme's
 * colour and opacity. The id the library draws at random is made fixed when the package is
 * finished (package.ts), so the same draft gives the same bytes.
 */
export function watermarkRun(doc: Doc, w: Watermark): TextWatermark {
  const face = doc.fonts[w.font]!;
  const ems = [...w.text].reduce((sum, ch) => sum + advance(ch.codePointAt(0)!), 0);
  return new TextWatermark({
    text: w.text,
    font: face.names[0]!,
    fontSize: w.size,
    color: hex(w.color),
    opacity: w.opacity,
    rotation: ((w.angle % 360) + 360) % 360,
    width: round2(Math.max(ems, 1) * w.size),
    height: w.size,
  });
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
