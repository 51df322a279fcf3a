import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/content/load-article.js';
import { importBytes } from '../../src/import/readers/index.js';
import { corpusPages, ROWS, scoreCorpus, type CorpusScore } from './score.js';

/**
 * The corpus of saved and copied pages (test/import-corpus/pages): every page imports right on
 * every row of the score table that `npm run test:import-corpus` prints.
 */
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const score: CorpusScore = scoreCorpus(PAGES);

describe('the import corpus', () => {
  it('has at least 30 pages in at least 8 site families', () => {
    expect(score.pages.length).toBeGreaterThanOrEqual(30);
    expect(new Set(score.pages.map((p) => p.family)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(ROWS)('every page is right on: %s', (row) => {
    const wrong = score.pages.filter((p) => !p.right[row]).map((p) => `${p.page}: ${p.why[row]}`);
    expect(wrong).toEqual([]);
  });

  it('imports the held-out pages right too (written after the importer; kept as a regression check)', () => {
    const held = scoreCorpus(fileURLToPath(new URL('./held-out/', import.meta.url)));
    const wrong = held.pages.flatMap((p) => ROWS.filter((r) => !p.right[r]).map((r) => `${p.page} ${r}: ${p.why[r]}`));
    expect(wrong).toEqual([]);
  });

  it('writes for every page a content file the loader accepts, attachments and title lines too', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'jianbao-corpus-')), 'content', 'articles');
    mkdirSync(dir, { recursive: true });
    let attachments = 0;
    for (const page of corpusPages(PAGES)) {
      const r = importBytes(readFileSync(page), page);
      const file = join(dir, `${basename(page).replace(/\.\w+$/, '')}.yaml`);
      writeFileSync(file, r.yaml);
      const loaded = loadArticle(file);
      expect(loaded.value.title).toBe(r.article.title);
      expect(loaded.value.attachments).toEqual(r.article.attachments);
      expect(loaded.value.titleLines).toEqual(r.article.titleLines);
      attachments += loaded.value.attachments?.length ?? 0;
    }
    expect(attachments).toBeGreaterThan(0);
  });
});
