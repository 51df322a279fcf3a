import fs from 'node:fs';
import path from 'node:path';
import { requireClient, run } from './clients.js';

/** A line of text as poppler reads it from a PDF page: its box in points, origin top left. */
export interface TextLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

const num = (s: string) => Number(s);

/** Every page's lines, as `pdftotext -bbox-layout` groups them (words joined without spaces). */
export function pageLines(pdf: string): TextLine[][] {
  const html = run(requireClient('pdftotext', 'poppler-utils'), ['-bbox-layout', pdf, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
        .map((m) => ({
          xMin: num(m[1]!),
          yMin: num(m[2]!),
          xMax: num(m[3]!),
          yMax: num(m[4]!),
          text: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(''),
        }))
        .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin),
    );
}

/** A run of text with the face it is set in, as `pdftohtml -xml` reads it. */
export interface FaceRun {
  page: number;
  text: string;
  /** The PDF font's name without its subset tag, e.g. NotoSerifCJKjp. */
  family: string;
  bold: boolean;
}

/** Every text run of a PDF with its face (poppler names the face and marks a bold one). */
export function faceRuns(pdf: string): FaceRun[] {
  const xml = run(requireClient('pdftohtml', 'poppler-utils'), ['-xml', '-i', '-stdout', '-q', pdf]);
  const out: FaceRun[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const n = Number(/number="(\d+)"/.exec(page)![1]);
    const fonts = new Map([...page.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/^[A-Z]{6}\+/, '')]));
    for (const t of page.matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)) {
      out.push({ page: n, family: fonts.get(t[1]!) ?? '', bold: t[2]!.includes('<b>'), text: decode(t[2]!.replace(/<[^>]+>/g, '')) });
    }
  }
  return out;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** A page rendered to RGB pixels (binary PPM from pdftoppm). */
export interface Pixels {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** Renders every page of a PDF at `dpi` into RGB pixels. */
export function pagePixels(pdf: string, dpi: number): Pixels[] {
  const dir = fs.mkdtempSync(path.join(path.dirname(pdf), 'ppm-'));
  run(requireClient('pdftoppm', 'poppler-utils'), ['-r', String(dpi), pdf, path.join(dir, 'p')]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ppm'))
    .sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)![1]) - Number(/(\d+)\.ppm$/.exec(b)![1]))
    .map((f) => {
      const ppm = fs.readFileSync(path.join(dir, f));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
      return { width: Number(header[1]), height: Number(header[2]), rgb: new Uint8Array(ppm.subarray(header[0].length)) };
    });
}
