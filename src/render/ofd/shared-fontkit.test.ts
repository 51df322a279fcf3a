// First, before anything else of jianbao: the OFD writer's way into pdfmake (a render worker that
// writes only OFD loads it alone).
import { layOutPdf } from '../pdf/laid-out.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsedFont } from '../../fonts/font-file.js';
import { plan } from '../../pipeline/plan.js';
import { projectPaths } from '../../pipeline/project.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEED = path.join(ROOT, 'content/articles/changzhou-united-front-2020.yaml');

describe('the PDF layout the OFD writer records, when it is the first to load pdfmake', () => {
  it('sets text in the shared parses of the faces (their line box), as the PDF writer does', async () => {
    const paths = projectPaths(ROOT);
    const doc = plan({ paths, inputs: [SEED], layouts: ['report'] })[0]!.doc;
    const layout = await layOutPdf(doc, { readableRoots: [paths.contentDir] });
    const shared = new Set<object>(Object.values(doc.fonts).flatMap((f) => [f.file, ...f.fallbacks].map((file) => parsedFont(file))));
    const used = Object.values((layout.kit as { _fontFamilies: Record<string, { font: object }> })._fontFamilies).map((f) => f.font);
    expect(used.length).toBeGreaterThan(0);
    for (const font of used) expect(shared.has(font)).toBe(true);
  });
});
