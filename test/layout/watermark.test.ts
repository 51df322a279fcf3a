import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPdfJs } from '../../src/external.js';
import { build } from '../../src/pipeline/build.js';
import { projectPaths } from '../../src/pipeline/project.js';
import { article, articleProject } from '../reliability/project.js';

/**
 * Each run of text on page 1 as drawn: its text, font size, fill colour, fill opacity, and the
 * angle of its baseline on the page in degrees (counter-clockwise, as a reader sees it).
 */
type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, n: Matrix): Matrix => [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];

async function drawnText(pdf: Uint8Array): Promise<{ text: string; size: number; color: string; opacity: number; angle: number }[]> {
  const pdfjs = await importPdfJs();
  const { OPS } = pdfjs;
  const doc = await pdfjs.getDocument({ data: pdf, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const ops = await (await doc.getPage(1)).getOperatorList();
    const out: { text: string; size: number; color: string; opacity: number; angle: number }[] = [];
    let color = '#000000';
    let opacity = 1;
    let size = 0;
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let tm: Matrix = [1, 0, 0, 1, 0, 0];
    const saved: { color: string; opacity: number; ctm: Matrix }[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) saved.push({ color, opacity, ctm });
      else if (fn === OPS.restore) ({ color, opacity, ctm } = saved.pop() ?? { color, opacity, ctm });
      else if (fn === OPS.transform) ctm = times(args as Matrix, ctm);
      else if (fn === OPS.setTextMatrix) tm = Object.values(args[0] as Record<number, number>) as Matrix;
      else if (fn === OPS.setFillRGBColor) color = String(args[0]).toLowerCase();
      else if (fn === OPS.setGState) {
        for (const [key, value] of args[0] as [string, unknown][]) if (key === 'ca') opacity = Number(value);
      } else if (fn === OPS.setFont) size = Number(args[1]);
      else if (fn === OPS.showText) {
        const text = (args[0] as ({ unicode?: string } | number | null)[]).map((g) => (g && typeof g === 'object' ? (g.unicode ?? '') : '')).join('');
        const [a, b] = times(tm, ctm);
        if (text) out.push({ text, size, color, opacity, angle: Math.round((Math.atan2(b, a) * 180) / Math.PI) });
      }
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

describe('the draft watermark', () => {
  it('takes its colour, opacity, size and angle from the theme (read back from the PDF)', async () => {
    const { dir } = articleProject(article('  - 示例正文一段。\n'), { templates: true });
    const theme = path.join(dir, 'templates/report.theme.yaml');
    const text = fs.readFileSync(theme, 'utf8');
    const changed = text.replace(/^  watermark: .*$/m, "  watermark: { font: kai, size: 60, color: '#0055AA', opacity: 0.25, angle: -30 }");
    expect(changed).not.toBe(text);
    fs.writeFileSync(theme, changed);
    const paths = projectPaths(dir, path.join(dir, 'out'));
    await build({ paths, inputs: [], formats: ['pdf'], draft: true, previews: false, jobs: 1 });
    const runs = await drawnText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.draft.pdf'))));
    const mark = runs.find((r) => r.text === '征求意见稿' && r.size === 60);
    // −30 in the theme: the text rises 30° to the right (counter-clockwise, as a reader sees it).
    expect(mark).toMatchObject({ color: '#0055aa', opacity: 0.25, angle: 30 });
    // The header line says the same in its own style (red 黑体), unchanged.
    const header = runs.filter((r) => r.size === 14 && r.color === '#e60012' && r.opacity === 1);
    expect(header.map((r) => r.text).join('')).toBe('征求意见稿');
  });

  it('is not drawn without --draft', async () => {
    const { dir } = articleProject(article('  - 示例正文一段。\n'));
    const paths = projectPaths(dir, path.join(dir, 'out'));
    await build({ paths, inputs: [], formats: ['pdf'], previews: false, jobs: 1 });
    const runs = await drawnText(new Uint8Array(fs.readFileSync(path.join(dir, 'out/articles/a/report.pdf'))));
    expect(runs.some((r) => r.text.includes('征求意见稿'))).toBe(false);
  });
});
