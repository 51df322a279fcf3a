import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, ROOT, tempDir } from '../support.js';
import { libreOfficeToPdf, requireClient, run } from './clients.js';

const SAMPLE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');

/** Share of the pixels in the top third of page 1 that are the masthead red (#E60012, with anti-aliasing slack). */
function redShareOfTop(pdf: string, dir: string): number {
  const base = path.join(dir, 'page');
  run(requireClient('pdftoppm', 'poppler-utils'), ['-r', '40', '-f', '1', '-l', '1', pdf, base]);
  const ppm = fs.readFileSync(fs.readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.startsWith(base) && f.endsWith('.ppm'))!);
  // Binary PPM: "P6\n<w> <h>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let red = 0;
  const rows = Math.floor(h / 3);
  for (let i = 0; i < w * rows; i++) {
    const [r, g, b] = [data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!];
    if (r > 180 && g < 90 && b < 90) red++;
  }
  return red / (w * rows);
}

describe.each(['bulletin', 'booklet'])('the sample issue’s %s DOCX in LibreOffice', (layout) => {
  let pdf: string;
  let dir: string;
  beforeAll(async () => {
    const built = await buildInto([SAMPLE], { layouts: [layout], formats: ['docx'] });
    dir = tempDir();
    pdf = libreOfficeToPdf(path.join(built.out, `bulletins/sample-2021-01/${layout}.docx`), dir, path.join(dir, 'profile'));
  });

  it('shows the masthead text: series, issue number, publisher and date', () => {
    const text = run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-']).replace(/\s+/g, '');
    for (const s of ['工作简报（示例）', '第1期', '示例编印单位', '2021年3月10日']) expect(text).toContain(s);
  });

  it('draws the masthead in red', () => {
    expect(redShareOfTop(pdf, dir)).toBeGreaterThan(0.01);
  });

  it('carries the end block on its last page', () => {
    const text = run(requireClient('pdftotext', 'poppler-utils'), ['-enc', 'UTF-8', pdf, '-']).split('\f').filter((p) => p.trim()).pop()!.replace(/\s+/g, '');
    for (const s of ['报：', '送：', '发：', '共印60份']) expect(text).toContain(s);
  });
});
