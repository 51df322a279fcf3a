/**
 * pdfmake 0.3.11 (and the pdfkit 0.19.1 under it), patched where its internals do what the
 * composer cannot afford. Every patched internal is listed in src/patches/README.md; each patch
 * checks that what it patches is there and throws "pdfmake changed: …" when it is not, and
 * src/patches/pdfmake.test.ts checks what each one promises, so a new pdfmake fails `npm test`,
 * not a user's build.
 */
// @ts-expect-error pdfmake ships no types for its internal modules
import * as textInlinesModule from 'pdfmake/js/TextInlines.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as textBreakerModule from 'pdfmake/js/TextBreaker.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as styleStackModule from 'pdfmake/js/StyleContextStack.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as pdfDocumentModule from 'pdfmake/js/PDFDocument.js';
import type { Font } from 'fontkit';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as lineModule from 'pdfmake/js/Line.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as rendererModule from 'pdfmake/js/Renderer.js';
import { xmpDescriptions, type PdfInfo } from '../pdfa/xmp.js';

/**
 * A line's box fixed by the composer, not by its fonts: `height` (the grid pitch) and `ascent`
 * (from the top of the box to the baseline). Set on every run of a composed line.
 */
export interface LineBox {
  height: number;
  ascent: number;
}

/**
 * How one run is drawn beyond its font: `stroke`, a stroke of this width in pt around the filled
 * glyphs (synthetic bold, text rendering mode 2, in the fill colour); `scale`, a horizontal scale
 * of the glyphs (1 = none), for a dash drawn one em wide; `artifact`, inside `/Artifact` marked
 * content (PDF 14.8.2.2), so that text a page repeats is not read as content twice.
 */
export interface RunDrawing {
  stroke?: number;
  scale?: number;
  /** Drawn as a pagination artifact (a table header repeated on a later page): marked content a text extractor leaves out. */
  artifact?: boolean;
}

/** Installs every patch, once per process (pdfmake is a singleton). */
export function patchPdfmake(): void {
  if (installed) return;
  installed = true;
  patchTrailingSpacing();
  patchComposedLines();
  patchTextFill();
  patchLineBox();
  patchRunDrawing();
  patchXmpInfo();
}
let installed = false;

/**
 * pdfmake measures a run as advances + characterSpacing × (n − 1), so the spacing after a run's
 * last character is lost, while PDF's Tc applies after every glyph. The composer places space
 * after every character, so a run flagged `spacingAfterLast` is measured with n gaps. This keeps
 * each composed line exactly as wide as the composer computed.
 */
function patchTrailingSpacing(): void {
  type TextInlinesClass = { prototype: { widthOfText(text: string, inline: Record<string, unknown>): number } };
  const TextInlines = moduleClass<TextInlinesClass>(textInlinesModule);
  if (!TextInlines?.prototype?.widthOfText) throw new Error('pdfmake changed: TextInlines.widthOfText not found');
  const original = TextInlines.prototype.widthOfText;
  TextInlines.prototype.widthOfText = function (text, inline) {
    const width = original.call(this, text, inline);
    return inline.spacingAfterLast && text.length > 0 ? width + ((inline.characterSpacing as number) || 0) : width;
  };
}

/** The class a pdfmake module exports: Node's ESM loader gives module.exports as the default; a bundler may give the class itself. */
function moduleClass<T>(ns: unknown): T | undefined {
  const d = (ns as { default?: unknown }).default;
  return (typeof d === 'function' ? d : (d as { default?: unknown } | undefined)?.default) as T | undefined;
}

type Item = Record<string, unknown>;
interface StyleStack {
  getProperty(property: string): unknown;
}
type GetStyleProperty = (item: Item, stack: StyleStack | undefined, property: string, defaultValue: unknown) => unknown;

/**
 * Two shortcuts for the lines the composer has already set (`noWrap` nodes, one run per change
 * of spacing or face), which pdfmake would otherwise treat as text to wrap:
 *
 * - Breaking: pdfmake runs the Unicode line breaker over every run twice more (its first and last
 *   word), only to decide whether a line may wrap between two runs. A composed line must not wrap
 *   at all, so its runs are returned whole and bound to the next (`noNewLine`).
 * - Measuring: pdfmake looks each of 22 style properties up through the style stack for every
 *   run. During one `measure` call the stack does not change, so for runs that name no style of
 *   their own a property not set on the run has the same value each time: it is looked up once.
 */
function patchComposedLines(): void {
  type BreakerClass = { prototype: { getBreaks(texts: unknown, stack: StyleStack): Item[] } };
  type InlinesClass = { prototype: { measure(array: Item[], stack: StyleStack): Item[] } };
  type StackClass = { getStyleProperty: GetStyleProperty; copyStyle(source: Item, destination: Item): Item };
  const TextBreaker = moduleClass<BreakerClass>(textBreakerModule);
  const TextInlines = moduleClass<InlinesClass>(textInlinesModule);
  const Stack = moduleClass<StackClass>(styleStackModule);
  if (!TextBreaker?.prototype?.getBreaks || !TextInlines?.prototype?.measure || typeof Stack?.getStyleProperty !== 'function' || typeof Stack.copyStyle !== 'function') {
    throw new Error('pdfmake changed: TextBreaker.getBreaks, TextInlines.measure or StyleContextStack not found');
  }
  const isValue = (v: unknown) => v !== undefined && v !== null;

  const getBreaks = TextBreaker.prototype.getBreaks;
  TextBreaker.prototype.getBreaks = function (texts, stack) {
    const items = Array.isArray(texts) ? (texts as unknown[]) : [texts];
    const composed =
      Stack.getStyleProperty({}, stack, 'noWrap', false) === true &&
      items.every((i) => i !== null && typeof i === 'object' && !(i as Item)._textRef && Stack.getStyleProperty(i as Item, stack, 'noWrap', false) === true && Stack.getStyleProperty(i as Item, stack, 'wordBreak', 'normal') !== 'break-all');
    if (!composed) return getBreaks.call(this, texts, stack);
    return (items as Item[]).map((item, i) => {
      const result = Stack.copyStyle(item, { text: isValue(item.text) ? String(item.text) : '' });
      if (i + 1 < items.length) result.noNewLine = true;
      return result;
    });
  };

  const measure = TextInlines.prototype.measure;
  TextInlines.prototype.measure = function (array, stack) {
    const lookup = Stack.getStyleProperty;
    const fromStack = new Map<string, unknown>();
    Stack.getStyleProperty = (item, s, property, defaultValue) => {
      if (s !== stack || item.style !== undefined || item.section !== undefined || typeof item !== 'object') return lookup(item, s, property, defaultValue);
      if (isValue(item[property])) return item[property];
      if (!fromStack.has(property)) fromStack.set(property, stack.getProperty(property));
      const value = fromStack.get(property);
      return isValue(value) ? value : defaultValue;
    };
    try {
      return measure.call(this, array, stack);
    } finally {
      Stack.getStyleProperty = lookup;
    }
  };
}

/**
 * pdfmake sets each run's colour with pdfkit's `fill(color)`, which also writes the operator
 * `f`: a fill with no path, once per run of text (and for the draft watermark). A reader ignores
 * it, a strict checker calls it an error, and it is bytes in every content stream. pdfmake calls
 * `fill` with a colour only there, before text, never after a path (its shapes set `fillColor`
 * and call `fill()`), so on its documents a colour alone now just sets the colour.
 */
function patchTextFill(): void {
  type Doc = { fillColor(color: unknown): unknown; fill(color?: unknown, rule?: unknown): unknown };
  const PDFDocument = moduleClass<{ prototype: Doc }>(pdfDocumentModule);
  const fill = PDFDocument?.prototype?.fill;
  if (typeof fill !== 'function' || typeof PDFDocument!.prototype.fillColor !== 'function') throw new Error('pdfmake changed: PDFDocument.fill not found');
  PDFDocument!.prototype.fill = function (this: Doc, color?: unknown, rule?: unknown) {
    if (rule === undefined && typeof color === 'string' && !/(even-?odd)|(non-?zero)/.test(color)) return this.fillColor(color);
    return fill.call(this, color, rule);
  };
}

/**
 * Embedding a face whole, for a face whose OS/2 fsType forbids subsetting (bit 8): the PDF
 * carries the face's own font program, every glyph at its own id, its bytes unchanged (no
 * hinting stripped). pdfkit subsets every TrueType face, numbering glyphs in order of use; for
 * such a face the parsed font (fontkit's `createSubset`) gives a subset that keeps each glyph's
 * id (CID = glyph id, and pdfkit's CIDToGIDMap is Identity) and encodes to the whole program.
 *
 * pdfkit keeps a width and the code points of each CID in arrays indexed by CID (its
 * EmbeddedFont's `widths` and `unicode`); with glyph ids kept they have holes, which its PDF
 * writer cannot take. `completeWholeFonts` fills them before the document ends.
 */
interface WholeSubset {
  /** Marks the subset as whole, for completeWholeFonts. */
  whole: true;
  includeGlyph(gid: number | { id: number }): number;
  encode(): Uint8Array;
}

/**
 * Makes pdfkit embed this parsed face whole: its subsets keep glyph ids and encode to `program`.
 * Only TrueType outlines: pdfkit embeds a CFF face as a bare CFF whose glyphs are found by CID.
 */
export function embedWhole(font: Font, program: Uint8Array): void {
  const f = font as unknown as { createSubset(): unknown; directory?: { tables?: Record<string, unknown> } };
  if (!f.directory?.tables?.glyf) throw new Error(`${font.postscriptName}: only a TrueType face can be embedded whole`);
  f.createSubset = (): WholeSubset => ({
    whole: true,
    includeGlyph: (gid) => (typeof gid === 'object' ? gid.id : gid),
    encode: () => program,
  });
}

interface PdfkitEmbeddedFont {
  subset?: { whole?: boolean };
  widths?: (number | undefined)[];
  unicode?: (number[] | undefined)[];
}

/**
 * Fills the holes of the per-CID arrays of every whole face of a pdfkit document: a width of 0
 * and the code point 0 (what pdfkit gives glyph 0) for glyphs the document never draws. Call it
 * after the last text is drawn, before the document ends.
 */
export function completeWholeFonts(doc: object): void {
  const families = (doc as { _fontFamilies?: Record<string, PdfkitEmbeddedFont> })._fontFamilies ?? {};
  for (const font of new Set(Object.values(families))) {
    if (!font.subset?.whole || !font.widths || !font.unicode) continue;
    const n = Math.max(font.widths.length, font.unicode.length);
    for (let i = 0; i < n; i++) {
      font.widths[i] ??= 0;
      font.unicode[i] ??= [0];
    }
  }
}

type InlineItem = Record<string, unknown> & { text: string; lineBox?: LineBox; draw?: RunDrawing };
interface LineObject {
  inlines: InlineItem[];
}

/**
 * pdfmake makes a line as tall as its tallest run (each run: its font's ascent − descent × the
 * style's lineHeight factor) and puts the baseline one largest ascent below its top. A line that
 * mixes faces (a 黑体 label in a 楷体 编者按) is then taller than the grid pitch, and every line
 * after it on the page is pushed down. A composed line gives its box (`lineBox` on its runs):
 * its height is the pitch and its baseline sits where the style's own face puts it, whatever
 * faces its runs use.
 */
function patchLineBox(): void {
  type LineClass = { prototype: LineObject & { getHeight(): number; getAscenderHeight(): number } };
  const Line = moduleClass<LineClass>(lineModule);
  const { getHeight, getAscenderHeight } = Line?.prototype ?? {};
  if (typeof getHeight !== 'function' || typeof getAscenderHeight !== 'function') throw new Error('pdfmake changed: Line.getHeight or Line.getAscenderHeight not found');
  Line!.prototype.getHeight = function (this: LineObject) {
    const box = this.inlines[0]?.lineBox;
    return box ? box.height : getHeight.call(this);
  };
  Line!.prototype.getAscenderHeight = function (this: LineObject) {
    const box = this.inlines[0]?.lineBox;
    return box ? box.ascent : getAscenderHeight.call(this);
  };
}

/**
 * pdfmake's Renderer draws each run of a line with one `text()` call of pdfkit, with options it
 * builds itself (no stroke, no horizontal scale). While it draws a line that has a run with a
 * `draw`, its document's `text` takes that run's drawing: the calls come in the order of the
 * line's runs, one each, and each call's text is checked against its run's.
 */
function patchRunDrawing(): void {
  type Kit = {
    text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
    save(): unknown;
    restore(): unknown;
    lineWidth(w: number): unknown;
    strokeColor(color: unknown): unknown;
    markContent(tag: string, options?: object): unknown;
    endMarkedContent(): unknown;
    _fillColor?: unknown[];
  };
  type RendererClass = { prototype: { pdfDocument: Kit; renderLine(line: LineObject, x: number, y: number): unknown } };
  const Renderer = moduleClass<RendererClass>(rendererModule);
  const renderLine = Renderer?.prototype?.renderLine;
  if (typeof renderLine !== 'function') throw new Error('pdfmake changed: Renderer.renderLine not found');
  Renderer!.prototype.renderLine = function (line, x, y) {
    if (!line.inlines.some((i) => i.draw)) return renderLine.call(this, line, x, y);
    const kit = this.pdfDocument;
    const own = Object.getOwnPropertyDescriptor(kit, 'text');
    const text = kit.text;
    let next = 0;
    kit.text = function (this: Kit, str, tx, ty, options) {
      const inline = line.inlines[next++];
      if (!inline || inline.text !== str) throw new Error('pdfmake changed: Renderer.renderLine no longer draws a line one text() call per run, in order');
      const draw = inline.draw;
      if (!draw) return text.call(this, str, tx, ty, options);
      const drawn: Record<string, unknown> = { ...options };
      this.save();
      if (draw.stroke) {
        this.lineWidth(draw.stroke);
        this.strokeColor(this._fillColor?.[0] ?? 'black');
        drawn.fill = true;
        drawn.stroke = true;
      }
      if (draw.scale && draw.scale !== 1) drawn.horizontalScaling = draw.scale * 100;
      if (draw.artifact) this.markContent('Artifact', { type: 'Pagination' });
      try {
        return text.call(this, str, tx, ty, drawn);
      } finally {
        if (draw.artifact) this.endMarkedContent();
        this.restore();
      }
    };
    try {
      return renderLine.call(this, line, x, y);
    } finally {
      if (own) Object.defineProperty(kit, 'text', own);
      else delete (kit as Partial<Kit>).text;
    }
  };
}

/**
 * pdfkit writes the Info dictionary's twins into XMP (when it writes XMP at all: PDF 1.4 and
 * later, so jianbao's PDF/A files only) with the values unescaped, so a title with `&` or `<`
 * makes the metadata malformed, and without `xmp:ModifyDate` for the Info's `ModDate`, which
 * ISO 19005-2 §6.6.2.3.1 requires. Its `_addInfo` (MetadataMixin) now appends every twin, escaped
 * (src/render/pdf/xmp.ts); the PDF/A identification pdfkit adds itself is left as it is.
 */
function patchXmpInfo(): void {
  type Doc = { info: PdfInfo; appendXML(xml: string, newline?: boolean): void; _addInfo(): void };
  const PDFDocument = moduleClass<{ prototype: Doc }>(pdfDocumentModule);
  const proto = PDFDocument?.prototype;
  if (typeof proto?._addInfo !== 'function' || typeof proto.appendXML !== 'function') throw new Error('pdfmake changed: pdfkit PDFDocument._addInfo or appendXML not found');
  proto._addInfo = function (this: Doc) {
    this.appendXML(xmpDescriptions(this.info));
  };
}

/** pdfmake's Renderer, the class that draws laid-out pages onto a pdfkit document (`pdfmake/js/Renderer.js`). */
export interface PdfmakeRenderer {
  renderPages(pages: readonly object[]): void;
  renderLine(line: object, x: number, y: number): void;
  renderVector(vector: object): void;
  renderImage(image: object): void;
  renderWatermark(page: object): void;
}

/**
 * pdfmake's Renderer class, for drawing the PDF's own laid-out pages again onto another canvas
 * (src/render/ofd/record-pages.ts): its constructor takes the canvas, and it calls each item's
 * method by type. Checked, not assumed.
 */
export function pdfmakeRendererClass(): new (canvas: object) => PdfmakeRenderer {
  const Renderer = moduleClass<new (canvas: object) => PdfmakeRenderer>(rendererModule);
  const proto = Renderer?.prototype as Partial<PdfmakeRenderer> | undefined;
  for (const method of ['renderPages', 'renderLine', 'renderVector', 'renderImage', 'renderWatermark'] as const) {
    if (typeof proto?.[method] !== 'function') throw new Error(`pdfmake changed: Renderer.${method} not found`);
  }
  return Renderer!;
}

/**
 * The laid-out pages pdfmake's Renderer drew (LayoutBuilder's output), which it leaves on the
 * pdfkit document as `_pdfMakePages` (Renderer.renderPages).
 */
export function renderedPages(kit: object): readonly object[] {
  const pages = (kit as { _pdfMakePages?: unknown })._pdfMakePages;
  if (!Array.isArray(pages)) throw new Error('pdfmake changed: the rendered document carries no _pdfMakePages');
  return pages as object[];
}

/**
 * The page (from 1) on which pdfmake laid out a content node that has an `id`: the number its
 * page references print (`Renderer.renderLine` reads the same `positions[0].pageNumber`, which
 * `ElementWriter.addFragment` moves with an unbreakable block). Read after the document is
 * written, so a DOCX can carry the same numbers in its PAGEREF fields.
 */
export function anchoredPage(node: object): number {
  const positions = (node as { positions?: { pageNumber?: unknown }[] }).positions;
  const page = positions?.[0]?.pageNumber;
  if (typeof page !== 'number') throw new Error('pdfmake changed: a laid-out node with an id has no positions[0].pageNumber');
  return page;
}
