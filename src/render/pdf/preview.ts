import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { importExternal, importPdfJs, type PdfJs } from '../../external.js';
import type { Previewer } from '../writer.js';

// child_process (with net, dgram and streams behind it: 5 ms of every start) loads only when a
// build makes previews.
const require = createRequire(import.meta.url);
const childProcess = (): typeof import('node:child_process') => require('node:child_process');
const run = (file: string, args: string[]) => promisify(childProcess().execFile)(file, args);

/** Width of a preview in pixels: enough to recognise a page in the index, small enough to skim. */
export const PREVIEW_WIDTH = 360;

/**
 * The first rasteriser available: poppler's pdftoppm, else pdf.js with @napi-rs/canvas, else none
 * (the caller prints a note). `JIANBAO_PREVIEW=pdftoppm|pdfjs|none` picks one, for tests.
 */
export async function findPreviewer(env: NodeJS.ProcessEnv = process.env): Promise<Previewer | undefined> {
  const wanted = env.JIANBAO_PREVIEW;
  if (wanted === 'none') return undefined;
  if (wanted !== 'pdfjs' && hasPdftoppm()) return pdftoppm;
  if (wanted === 'pdftoppm') return undefined;
  return (await pdfjsPreviewer()) ?? undefined;
}

function hasPdftoppm(): boolean {
  const r = childProcess().spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  return !r.error;
}

const pdftoppm: Previewer = {
  name: 'pdftoppm',
  async render(pdfFile) {
    // pdftoppm appends `.png` to the prefix: it writes beside the PDF, and the bytes are read back.
    const prefix = path.join(path.dirname(pdfFile), `.${path.basename(pdfFile)}.${process.pid}.${Math.random().toString(36).slice(2)}`);
    try {
      await run('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(PREVIEW_WIDTH), '-scale-to-y', '-1', pdfFile, prefix]);
      return new Uint8Array(fs.readFileSync(`${prefix}.png`));
    } finally {
      fs.rmSync(`${prefix}.png`, { force: true });
    }
  },
};

interface CanvasLike {
  toBuffer(mime: 'image/png'): Buffer;
}

/** pdf.js draws glyphs as paths (no system fonts), onto @napi-rs/canvas when that is installed. */
async function pdfjsPreviewer(): Promise<Previewer | undefined> {
  let pdfjs: PdfJs;
  try {
    await importExternal('@napi-rs/canvas');
    pdfjs = await importPdfJs();
  } catch {
    return undefined;
  }
  return {
    name: 'pdf.js',
    async render(pdfFile) {
      const data = new Uint8Array(fs.readFileSync(pdfFile));
      const doc = await pdfjs.getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
      try {
        const page = await doc.getPage(1);
        const unit = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: PREVIEW_WIDTH / unit.width });
        const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: CanvasLike; context: unknown } } }).canvasFactory;
        const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
        const ctx = context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, Math.round(viewport.width), Math.round(viewport.height));
        await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
        return new Uint8Array(canvas.toBuffer('image/png'));
      } finally {
        await doc.destroy();
      }
    },
  };
}
