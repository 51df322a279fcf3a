// First: pdfkit must load the shared fontkit (fonts parsed once per process, read lazily).
import '../../fonts/pdfkit-fontkit.js';
import { createRequire } from 'node:module';
import path from 'node:path';
// Static imports, so the bundle (scripts/bundle.mjs) carries pdfmake and pdfkit in one file.
import pdfmakeModule from 'pdfmake';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as textInlinesModule from 'pdfmake/js/TextInlines.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as textBreakerModule from 'pdfmake/js/TextBreaker.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as styleStackModule from 'pdfmake/js/StyleContextStack.js';
// @ts-expect-error pdfmake ships no types for its internal modules
import * as pdfDocumentModule from 'pdfmake/js/PDFDocument.js';
import type { FontFace } from '../../ir/index.js';
import { fontBytes, sharedFontkit } from '../../fonts/font-file.js';

const require = createRequire(import.meta.url);

/** pdfmake's server build: a singleton; we register fonts and access policies on it. */
export interface PdfMake {
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: object): { getBuffer(): Promise<Buffer> };
}

let instance: PdfMake | undefined;
let allowedRoots: string[] = [];

/** Loads pdfmake once, with network access off and file access limited to allowed folders. */
export function pdfmake(): PdfMake {
  if (!instance) {
    // pdfkit must have the memoised fontkit (fonts parsed once per process, and read lazily:
    // a font parsed by another fontkit would see no glyph outlines). Checked, not assumed.
    if (require('fontkit') !== sharedFontkit()) throw new Error('pdfkit would load its own fontkit: import src/fonts/pdfkit-fontkit.js before pdfmake');
    instance = pdfmakeModule as unknown as PdfMake;
    patchTrailingSpacing();
    patchComposedLines();
    patchTextFill();
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy((p) => {
      const abs = path.resolve(p);
      return allowedRoots.some((root) => abs === root || abs.startsWith(root + path.sep));
    });
  }
  return instance;
}

/** Limits pdfmake's file reads to the font files and the content folder of this document. */
export function allowFiles(roots: string[]): void {
  allowedRoots = roots.map((r) => path.resolve(r));
}

/** The pdfmake family of a role's face: index 0 is the role's own face, n its n-th fallback. */
export function fallbackFamily(role: string, index: number): string {
  return index === 0 ? role : `${role}~${index}`;
}

/**
 * Registers each font role as its own pdfmake family (all four variants on one face). The file
 * is read once per process into pdfmake's virtual file system under its path, so every later
 * document gets the same bytes object, and with it the already parsed font (see sharedFontkit).
 */
export function registerFonts(fonts: Record<string, FontFace>): void {
  const pm = pdfmake();
  const families: Record<string, Record<string, string>> = {};
  for (const [role, face] of Object.entries(fonts)) {
    // The role's own face, then its fallbacks as `<role>~1`, `<role>~2`… (see fallbackFamily).
    [face.file, ...face.fallbacks].forEach((file, i) => {
      const key = `font${file}`;
      if (!pm.virtualfs.existsSync(key)) pm.virtualfs.writeFileSync(key, fontBytes(file));
      families[fallbackFamily(role, i)] = { normal: key, bold: key, italics: key, bolditalics: key };
    });
  }
  pm.setFonts(families);
}


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
