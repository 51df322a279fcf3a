import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, ROOT } from '../support.js';
import { requireClient, run } from './clients.js';
import { spawnSync } from 'node:child_process';

const SAMPLE = path.join(ROOT, 'content/bulletins/sample-2021-01.yaml');

/**
 * PDF/A-2b outputs as poppler and qpdf read them: `pdfinfo -meta` prints the XMP packet (with
 * pdfaid part 2, conformance B), `qpdf --check` finds the file sound. For the booklet and its
 * print sheets, built with --pdfa as a draft (so with the watermark's transparency).
 */
describe('PDF/A-2b outputs in poppler and qpdf', () => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    const { out } = await buildInto([SAMPLE], { layouts: ['booklet'], formats: ['pdf'], pdfa: true, draft: true });
    files.booklet = path.join(out, 'bulletins/sample-2021-01/booklet.pdf');
    files.sheets = path.join(out, 'bulletins/sample-2021-01/booklet-imposed.pdf');
  });

  for (const name of ['booklet', 'sheets']) {
    it(`pdfinfo -meta shows pdfaid:part 2 and conformance B, with ModifyDate (${name})`, () => {
      const pdfinfo = requireClient('pdfinfo', 'poppler-utils');
      const meta = run(pdfinfo, ['-meta', files[name]!]);
      expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(meta).toMatch(/<xmp:ModifyDate>2021-03-10T00:00:00Z<\/xmp:ModifyDate>/);
      expect(fs.statSync(files[name]!).size).toBeGreaterThan(10_000);
    });

    it(`qpdf --check is clean (${name})`, () => {
      const qpdf = requireClient('qpdf', 'qpdf');
      const r = spawnSync(qpdf, ['--check', files[name]!], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('No syntax or stream encoding errors found');
      expect(r.status).toBe(0);
    });
  }
});
