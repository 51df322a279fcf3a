import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/outputs/manifest.js';
import { progressMode, progressReporter } from '../../src/cli/progress.js';

const entry = (p: string, pages?: number): ManifestEntry => ({ source: 'content/articles/a.yaml', layout: 'report', format: p.endsWith('.pdf') ? 'pdf' : 'docx', path: p, bytes: 205_864, ...(pages ? { pages } : {}), sha256: '0'.repeat(64) });

function run(live: boolean, color: boolean): string {
  let text = '';
  const r = progressReporter({ write: (t) => void (text += t), live, color, columns: 80 });
  r.onEvent({ type: 'plan', total: 3, toBuild: 2, upToDate: 1, workers: 2 });
  r.onEvent({ type: 'start', path: 'articles/a/report.pdf', slot: 0 });
  r.onEvent({ type: 'start', path: 'articles/a/report.docx', slot: 1 });
  r.onEvent({ type: 'output', entry: entry('articles/a/report.docx'), ms: 80 });
  r.onEvent({ type: 'output', entry: entry('articles/a/report.pdf', 6), ms: 512 });
  r.finish();
  return text;
}

describe('build progress', () => {
  it('prints one plain line per output when not on a terminal', () => {
    expect(run(false, false)).toBe(
      'building 2 of 3 outputs on 2 workers (1 up to date)\n' + 'wrote articles/a/report.docx  201.0 KB  80 ms\n' + 'wrote articles/a/report.pdf  201.0 KB  6 pages  512 ms\n',
    );
  });

  it('draws running jobs and an overall bar on a terminal, and erases them at the end', () => {
    const text = run(true, true);
    expect(text).toContain('articles/a/report.pdf');
    expect(text.replace(/\x1b\[\d*m/g, '')).toMatch(/░ 0\/2 {2}1 up to date/);
    expect(text.replace(/\x1b\[\d*m/g, '')).toMatch(/█ 2\/2 {2}1 up to date/);
    expect(text).toContain('\x1b[32m✓\x1b[0m wrote articles/a/report.pdf');
    expect(text.endsWith('\x1b[J')).toBe(true); // the live block is cleared when the build ends
  });

  it('uses no colour codes when colour is off, but still redraws on a terminal', () => {
    const text = run(true, false);
    expect(text).not.toMatch(/\x1b\[\d+m/);
    expect(text).toContain('✓ wrote articles/a/report.docx');
  });

  it('is live only on a terminal outside CI, and honours NO_COLOR', () => {
    expect(progressMode({}, true)).toEqual({ live: true, color: true });
    expect(progressMode({}, false)).toEqual({ live: false, color: false });
    expect(progressMode({ CI: 'true' }, true)).toEqual({ live: false, color: true });
    expect(progressMode({ NO_COLOR: '1' }, true)).toEqual({ live: true, color: false });
    expect(progressMode({ NO_COLOR: '' }, true)).toEqual({ live: true, color: true });
    expect(progressMode({ TERM: 'dumb' }, true)).toEqual({ live: false, color: false });
  });
});
