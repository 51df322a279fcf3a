import '../fonts/pdfkit-fontkit.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Font } from 'fontkit';
import { PDFDict, PDFDocument as PdfLibDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_FONTS, changeFace, makeFont, readTables, writeCollection } from '../../test/fonts/make-font.js';
import { readFaceInfos, readFaceInfosOfFile } from '../fonts/opentype/face-info.js';
import { fontBytes, sharedFontkit } from '../fonts/font-file.js';
import { bufferSource } from '../fonts/opentype/sfnt.js';
import { wholeFontProgram } from '../fonts/opentype/face-program.js';
import { completeWholeFonts, embedWhole } from './pdfmake.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianbao-whole-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const TEXT = '全文嵌入：“不许子集化”的字体，整体嵌入。';

/** A PDF of TEXT in a face, through pdfkit with the shared fontkit (as jianbao renders). */
async function pdfWith(file: string, whole: boolean): Promise<Uint8Array> {
  const bytes = fontBytes(file);
  if (whole) embedWhole(sharedFontkit().create(bytes) as Font, wholeFontProgram(file));
  const doc = new PDFDocument({ compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => doc.on('end', r));
  doc.registerFont('face', bytes);
  doc.font('face').fontSize(16).text(TEXT);
  completeWholeFonts(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** The decoded FontFile2 streams of a PDF. */
async function embeddedPrograms(pdf: Uint8Array): Promise<Buffer[]> {
  const doc = await PdfLibDocument.load(pdf);
  const out: Buffer[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const ref = obj.get(PDFName.of('FontFile2'));
    if (!ref) continue;
    const stream = doc.context.lookup(ref);
    if (stream instanceof PDFRawStream) out.push(Buffer.from(decodePDFRawStream(stream).decode()));
  }
  return out;
}

async function textOf(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join('');
}

describe('a face embedded whole', () => {
  const noSubset = path.join(dir, 'nosubset.ttf');
  fs.writeFileSync(noSubset, makeFont(BASE_FONTS.serif, { families: [['不许子集', 'zh-CN']], postscript: 'NoSubset', fsType: 0x0104 }));

  it('puts the face\'s own program in the PDF, byte for byte, and its text reads back', async () => {
    const pdf = await pdfWith(noSubset, true);
    const [program, ...more] = await embeddedPrograms(pdf);
    expect(more).toEqual([]);
    expect(program!.equals(fs.readFileSync(noSubset))).toBe(true);
    expect(await textOf(pdf)).toBe(TEXT);
  });

  it('where a subset of the same face holds only the glyphs drawn', async () => {
    const plain = path.join(dir, 'plain.ttf');
    fs.copyFileSync(BASE_FONTS.serif, plain);
    const pdf = await pdfWith(plain, false);
    const [program] = await embeddedPrograms(pdf);
    expect(program!.length).toBeLessThan(fs.statSync(plain).size / 100);
    expect(await textOf(pdf)).toBe(TEXT);
  });

  it('takes one face out of a collection as a font of its own', () => {
    const ttc = path.join(dir, 'two.ttc');
    fs.writeFileSync(ttc, writeCollection([
      changeFace(readTables(BASE_FONTS.serif), { families: [['First', 'en-US']], postscript: 'First' }),
      changeFace(readTables(BASE_FONTS.sansBold), { families: [['Second', 'en-US']], postscript: 'Second', fsType: 0x0100 }),
    ]));
    const program = wholeFontProgram(ttc, 1);
    const [face] = readFaceInfos(bufferSource(program));
    expect(face).toEqual({ ...readFaceInfosOfFile(ttc)[1], index: 0 });
    const svg = (f: Font) => f.glyphForCodePoint('统'.codePointAt(0)!).path.toSVG();
    const fontkit = sharedFontkit();
    expect(svg(fontkit.create(program) as Font)).toBe(svg(fontkit.create(fs.readFileSync(BASE_FONTS.sansBold)) as Font));
  });
});
