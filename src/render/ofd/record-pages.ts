// First, as in pdfmake-env: the pdfmake internals src/patches/pdfmake.ts imports load pdfkit, which
// must find the shared fontkit (fonts parsed once, with their line box) already there.
import '../../fonts/pdfkit-fontkit.js';
import type { Doc } from '../../ir/index.js';
import { fontBytes, parsedFont } from '../../fonts/font-file.js';
import type { PdfLayout } from '../pdf/laid-out.js';
import { pdfmakeRendererClass, type PdfmakeRenderer } from '../../patches/pdfmake.js';
import { IDENTITY, multiply, type Box, type Colour, type LaidOutDocument, type LaidOutPage, type Matrix, type OutlineEntry, type PathCommand, type PlacedGlyph, type Role, type Stroke } from './page-model.js';

/**
 * Records the PDF's pages as the format-neutral page model, by running pdfmake's own Renderer
 * over pdfmake's own laid-out pages once more, with a recording canvas in place of pdfkit. So the
 * baseline shifts, the watermark's rotation, page references and decorations are pdfmake's code,
 * not a copy of it; and glyphs are shaped by the very font objects pdfkit used, with the same
 * features (their layout cache gives the same runs). The canvas implements what the Renderer and
 * its TextDecorator call; anything else fails loudly (the fidelity tests compare every glyph's
 * position with the PDF's, read by pdf.js).
 */
export function recordPages(doc: Doc, layout: PdfLayout): LaidOutDocument {
  // A font's file, by the parsed font pdfkit was given (the process's shared parse), or by the
  // bytes it parsed (a pdfkit that loaded a fontkit of its own parses the same bytes object).
  const fileOf = new Map<object, string>();
  for (const face of Object.values(doc.fonts)) {
    for (const file of [face.file, ...(face.bold ? [face.bold.file] : []), ...face.fallbacks]) {
      fileOf.set(parsedFont(file), file);
      fileOf.set(fontBytes(file), file);
    }
  }
  const canvas = new RecordingCanvas(layout.kit as ColourSource, fileOf);
  const zones = { top: doc.page.margins.top, bottom: doc.page.height - doc.page.margins.bottom };
  const renderer = new (recordingRenderer())(canvas, zones);
  renderer.renderPages(layout.pages);
  return { pages: canvas.pages, outline: canvas.outline.children };
}

/** What the recording reads of the pdfkit document the PDF was drawn on. */
interface ColourSource {
  _normalizeColor(color: unknown): number[] | null;
  _imageRegistry?: Record<string, { orientation?: number } | undefined>;
}

let recordingClass: (new (canvas: RecordingCanvas, zones: { top: number; bottom: number }) => PdfmakeRenderer) | undefined;

/** pdfmake's Renderer, told which part of the page (text block or furniture) each item is in. */
function recordingRenderer() {
  if (recordingClass) return recordingClass;
  const Renderer = pdfmakeRendererClass();
  const base = Renderer.prototype;
  class Recording extends Renderer {
    constructor(
      private readonly canvas: RecordingCanvas,
      private readonly zones: { top: number; bottom: number },
    ) {
      super(canvas);
    }
    /** Header lines sit above the text block, page numbers below it (pdfmake places them in the margins). */
    private roleAt(y: number): Role {
      return y < this.zones.top ? 'header' : y >= this.zones.bottom ? 'footer' : 'body';
    }
    override renderLine(line: object, x: number, y: number): void {
      this.canvas.role = this.roleAt(y);
      this.canvas.lineTop = y;
      base.renderLine.call(this, line, x, y);
    }
    override renderVector(vector: { y?: number; y1?: number; points?: { y: number }[] }): void {
      this.canvas.role = this.roleAt(vector.y ?? vector.y1 ?? vector.points?.[0]?.y ?? 0);
      base.renderVector.call(this, vector);
    }
    override renderImage(image: { y?: number }): void {
      this.canvas.role = this.roleAt(image.y ?? 0);
      base.renderImage.call(this, image);
    }
    override renderWatermark(page: object): void {
      this.canvas.role = 'watermark';
      base.renderWatermark.call(this, page);
    }
  }
  recordingClass = Recording;
  return Recording;
}

interface EmbeddedFont {
  font: object;
  ascender: number;
  layout(text: string, features?: unknown): { glyphs: { id: number; codePoints: number[] }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
}

interface GraphicsState {
  ctm: Matrix;
  fill: Colour;
  stroke: Colour;
  lineWidth: number;
  cap: Stroke['cap'];
  join: Stroke['join'];
  dash?: number[];
  clip?: Box;
}

const BLACK: Colour = { rgb: [0, 0, 0], alpha: 1 };

/** Outline items as pdfkit's `outline.addItem` builds them, remembering where each heading is. */
class OutlineNode {
  readonly children: OutlineEntry[] = [];
  constructor(private readonly canvas: RecordingCanvas) {}
  addItem(title: string): OutlineNode {
    const node = new OutlineNode(this.canvas);
    this.children.push({ title, page: this.canvas.pages.length - 1, y: this.canvas.lineTop, children: node.children });
    return node;
  }
}

/**
 * The part of pdfkit's drawing API that pdfmake's Renderer uses, recording instead of writing a
 * content stream. Coordinates are pdfkit's user space (pt, y down); the transform stack is kept
 * as pdfkit keeps it.
 */
class RecordingCanvas {
  readonly pages: LaidOutPage[] = [];
  readonly outline = new OutlineNode(this);
  role: Role = 'body';
  lineTop = 0;
  page = { width: 0, height: 0 };
  _font: EmbeddedFont | undefined;
  private size = 12;
  private state: GraphicsState = RecordingCanvas.initialState();
  private readonly saved: GraphicsState[] = [];
  private segments: PathCommand[] = [];
  private pendingClip: Box | undefined;

  constructor(
    private readonly colours: ColourSource,
    private readonly fileOf: ReadonlyMap<object, string>,
  ) {}

  private static initialState(): GraphicsState {
    return { ctm: IDENTITY, fill: BLACK, stroke: BLACK, lineWidth: 1, cap: 'butt', join: 'miter' };
  }

  private get current(): LaidOutPage {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('drawing before the first page');
    return page;
  }

  addPage(options: { size: [number, number] }): this {
    const [width, height] = options.size;
    this.pages.push({ width, height, items: [] });
    this.page = { width, height };
    this.state = RecordingCanvas.initialState();
    this.saved.length = 0;
    return this;
  }

  // Colours and opacity.
  resolveColor(color: unknown, fallback: unknown): unknown {
    const c = color || fallback;
    return typeof c === 'string' && this.colours._normalizeColor(c) === null ? fallback : c;
  }
  providePattern(): null {
    return null;
  }
  private colour(color: unknown, alpha: number): Colour {
    const c = this.colours._normalizeColor(color);
    if (!c) throw new Error(`a colour the OFD writer cannot draw: ${JSON.stringify(color)}`);
    if (c.length !== 3) throw new Error(`a CMYK colour the OFD writer does not draw: ${JSON.stringify(color)}`);
    return { rgb: [Math.round(c[0]! * 255), Math.round(c[1]! * 255), Math.round(c[2]! * 255)], alpha };
  }
  opacity(value: number): this {
    this.state = { ...this.state, fill: { ...this.state.fill, alpha: value }, stroke: { ...this.state.stroke, alpha: value } };
    return this;
  }
  fillColor(color: unknown, opacity?: number): this {
    this.state = { ...this.state, fill: this.colour(color, opacity ?? this.state.fill.alpha) };
    return this;
  }
  strokeColor(color: unknown, opacity?: number): this {
    this.state = { ...this.state, stroke: this.colour(color, opacity ?? this.state.stroke.alpha) };
    return this;
  }

  // Text.
  fontSize(size: number): this {
    this.size = size;
    return this;
  }
  text(text: string, x: number, y: number, options: { characterSpacing?: number; features?: unknown } = {}): this {
    const font = this._font;
    if (!font) throw new Error('text before a font was set');
    const file = this.fileOf.get(font.font) ?? this.fileOf.get((font.font as { stream?: { buffer?: object } }).stream?.buffer ?? {});
    if (!file) throw new Error('text in a font that is none of the document’s faces');
    // As pdfkit's _fragment: the top of the line box at y, the baseline one ascender below it,
    // each glyph's advance plus the character spacing (PDF's Tc) after every glyph.
    const line = text.replace(/\n/g, '');
    if (!line) return this;
    const scale = this.size / 1000;
    const spacing = options.characterSpacing ?? 0;
    const baseline = y + font.ascender * scale;
    const run = font.layout(line, options.features);
    const glyphs: PlacedGlyph[] = [];
    let pen = x;
    run.glyphs.forEach((glyph, i) => {
      const p = run.positions[i]!;
      const advance = p.xAdvance * scale + spacing;
      glyphs.push({ id: glyph.id, codePoints: [...glyph.codePoints], x: pen + p.xOffset * scale, y: baseline - p.yOffset * scale, advance });
      pen += advance;
    });
    this.current.items.push({ kind: 'text', role: this.role, font: file, size: this.size, fill: this.state.fill, ctm: this.state.ctm, text: line, glyphs });
    return this;
  }

  // Marked content (a table header a page repeats is an /Artifact in the PDF): OFD has no such
  // tagging, so the run is drawn as any other.
  markContent(): this {
    return this;
  }
  endMarkedContent(): this {
    return this;
  }

  // Paths.
  lineWidth(w: number): this {
    this.state = { ...this.state, lineWidth: w };
    return this;
  }
  lineCap(cap: Stroke['cap']): this {
    this.state = { ...this.state, cap };
    return this;
  }
  lineJoin(join: Stroke['join']): this {
    this.state = { ...this.state, join };
    return this;
  }
  dash(length: number, options: { space?: number } = {}): this {
    this.state = { ...this.state, dash: [length, options.space ?? length] };
    return this;
  }
  undash(): this {
    const { dash: _, ...rest } = this.state;
    this.state = rest;
    return this;
  }
  moveTo(x: number, y: number): this {
    this.segments.push({ op: 'M', x, y });
    return this;
  }
  lineTo(x: number, y: number): this {
    this.segments.push({ op: 'L', x, y });
    return this;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): this {
    this.segments.push({ op: 'C', x1, y1, x2, y2, x, y });
    return this;
  }
  closePath(): this {
    this.segments.push({ op: 'Z' });
    return this;
  }
  rect(x: number, y: number, w: number, h: number): this {
    this.segments.push({ op: 'M', x, y }, { op: 'L', x: x + w, y }, { op: 'L', x: x + w, y: y + h }, { op: 'L', x, y: y + h }, { op: 'Z' });
    return this;
  }
  roundedRect(x: number, y: number, w: number, h: number): this {
    // Drawn square: no layout of ours asks for rounded corners; the outline stays the same box.
    return this.rect(x, y, w, h);
  }
  ellipse(x: number, y: number, r1: number, r2 = r1): this {
    // Four Bézier quarters, as pdfkit draws an ellipse.
    const k = 0.5522847498;
    const ox = r1 * k;
    const oy = r2 * k;
    this.segments.push(
      { op: 'M', x: x - r1, y },
      { op: 'C', x1: x - r1, y1: y - oy, x2: x - ox, y2: y - r2, x, y: y - r2 },
      { op: 'C', x1: x + ox, y1: y - r2, x2: x + r1, y2: y - oy, x: x + r1, y },
      { op: 'C', x1: x + r1, y1: y + oy, x2: x + ox, y2: y + r2, x, y: y + r2 },
      { op: 'C', x1: x - ox, y1: y + r2, x2: x - r1, y2: y + oy, x: x - r1, y },
      { op: 'Z' },
    );
    return this;
  }
  fill(color?: unknown, rule?: string): this {
    // pdfmake sets a run's colour with fill(colour) and no path (see pdfmake-env's patchTextFill).
    if (typeof color === 'string' && rule === undefined && this.segments.length === 0) return this.fillColor(color);
    if (color !== undefined && !(typeof color === 'string' && /even-?odd|non-?zero/.test(color))) this.fillColor(color);
    const evenOdd = [color, rule].some((r) => typeof r === 'string' && /even-?odd/.test(r));
    return this.paint(undefined, { colour: this.state.fill, rule: evenOdd ? 'evenodd' : 'nonzero' });
  }
  stroke(color?: unknown): this {
    if (color !== undefined) this.strokeColor(color);
    return this.paint(this.currentStroke(), undefined);
  }
  fillAndStroke(): this {
    return this.paint(this.currentStroke(), { colour: this.state.fill, rule: 'nonzero' });
  }
  private currentStroke(): Stroke {
    const { stroke: colour, lineWidth: width, cap, join, dash } = this.state;
    return { colour, width, cap, join, ...(dash ? { dash } : {}) };
  }
  private paint(stroke: Stroke | undefined, fill: { colour: Colour; rule: 'nonzero' | 'evenodd' } | undefined): this {
    if (this.segments.length > 0) {
      const clip = this.state.clip;
      this.current.items.push({ kind: 'path', role: this.role, ctm: this.state.ctm, commands: this.segments, ...(stroke ? { stroke } : {}), ...(fill ? { fill } : {}), ...(clip ? { clip } : {}) });
    }
    this.segments = [];
    return this;
  }
  path(): never {
    throw new Error('an SVG path the OFD writer does not draw');
  }

  // Clipping (pdfmake's beginClip: save, a rectangle as raw content, clip).
  addContent(content: string): this {
    const m = /^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/.exec(content.trim());
    if (!m) throw new Error(`raw PDF content the OFD writer does not draw: ${content}`);
    const [x, y, width, height] = m.slice(1).map(Number) as [number, number, number, number];
    const [a, b, c, d, e, f] = this.state.ctm;
    if (b !== 0 || c !== 0) throw new Error('a clip in a rotated space, which the OFD writer does not draw');
    this.pendingClip = { x: a * x + e, y: d * y + f, width: a * width, height: d * height };
    return this;
  }
  clip(): this {
    // A rectangle given as raw content (beginClip) or as a path (TextDecorator).
    const box = this.pendingClip ?? this.pathBox();
    this.state = { ...this.state, clip: box };
    this.pendingClip = undefined;
    this.segments = [];
    return this;
  }
  private pathBox(): Box {
    const points = this.segments.flatMap((s) => (s.op === 'Z' ? [] : [{ x: s.x, y: s.y }]));
    if (points.length === 0) throw new Error('a clip without its rectangle');
    const [a, b, c, d, e, f] = this.state.ctm;
    if (b !== 0 || c !== 0) throw new Error('a clip in a rotated space, which the OFD writer does not draw');
    const xs = points.map((p) => a * p.x + e);
    const ys = points.map((p) => d * p.y + f);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  // Transforms and state.
  save(): this {
    this.saved.push(this.state);
    return this;
  }
  restore(): this {
    const s = this.saved.pop();
    if (!s) throw new Error('restore without save');
    this.state = s;
    return this;
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.state = { ...this.state, ctm: multiply(this.state.ctm, [a, b, c, d, e, f]) };
    return this;
  }
  translate(x: number, y: number): this {
    return this.transform(1, 0, 0, 1, x, y);
  }
  rotate(angle: number, options: { origin?: [number, number] } = {}): this {
    const rad = (angle * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const [x, y] = options.origin ?? [0, 0];
    return this.transform(cos, sin, -sin, cos, x - (x * cos - y * sin), y - (x * sin + y * cos));
  }

  // Images.
  image(src: unknown, x: number, y: number, options: { width?: number; height?: number } = {}): this {
    if (typeof src !== 'string') throw new Error('an image given as data, which the OFD writer does not embed');
    if (options.width === undefined || options.height === undefined) throw new Error('an image without its drawn size');
    const clip = this.state.clip;
    this.current.items.push({ kind: 'image', role: this.role, file: src, box: { x, y, width: options.width, height: options.height }, ctm: this.state.ctm, orientation: this.colours._imageRegistry?.[src]?.orientation ?? 1, opacity: this.state.fill.alpha, ...(clip ? { clip } : {}) });
    return this;
  }

  // Links and destinations carry nothing the page shows.
  link(): this {
    return this;
  }
  annotate(): this {
    return this;
  }
  goTo(): this {
    return this;
  }
  ref(): { end(): void } {
    return { end: () => undefined };
  }
}
