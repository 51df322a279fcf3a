import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps, writeFileAtomic } from '../../src/outputs/write-atomic.js';
import { tempDir } from '../support.js';

describe('temporary files a killed build leaves behind', () => {
  it('are swept when their writer is gone, and kept while it lives', () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, 'a'));
    const dead = path.join(out, 'a', '.report.pdf.999999999.abc123.tmp');
    const alive = path.join(out, 'a', `.report.docx.${process.pid}.abc123.tmp`);
    fs.writeFileSync(dead, 'half');
    fs.writeFileSync(alive, 'half');
    writeFileAtomic(path.join(out, 'a', 'report.pdf'), 'whole');
    expect(sweepStaleTemps(out)).toBe(1);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(alive)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'a', 'report.pdf'), 'utf8')).toBe('whole');
  });
});
