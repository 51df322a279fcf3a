import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROWS, scoreCorpus, type CorpusScore } from './score.js';

/**
 * The corpus of saved and copied pages (test/import-corpus/pages): every page imports right on
 * every row of the score table that `npm run test:import-corpus` prints.
 */
const score: CorpusScore = scoreCorpus(fileURLToPath(new URL('./pages/', import.meta.url)));

describe('the import corpus', () => {
  it('has at least 30 pages in at least 8 site families', () => {
    expect(score.pages.length).toBeGreaterThanOrEqual(30);
    expect(new Set(score.pages.map((p) => p.family)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(ROWS)('every page is right on: %s', (row) => {
    const wrong = score.pages.filter((p) => !p.right[row]).map((p) => `${p.page}: ${p.why[row]}`);
    expect(wrong).toEqual([]);
  });
});
