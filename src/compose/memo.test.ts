import { describe, expect, it } from 'vitest';
import { BLOCK_WIDTH, GRID_CELL, seedParagraphs, serifRegular } from './fixtures.js';
import { clearComposeMemo, composeMemoStats, composeParagraphMemo } from './memo.js';
import { composeParagraph, type ComposeOptions } from './paragraph.js';

describe('the composed-paragraph memo', () => {
  const opts = (): ComposeOptions => ({ metrics: serifRegular(), size: 16, width: BLOCK_WIDTH, firstLineIndent: 2, gridCell: GRID_CELL, punctuation: 'quanjiao', align: 'justify' });

  it('gives what composeParagraph gives, and the same lines again without composing', () => {
    clearComposeMemo();
    for (const p of seedParagraphs()) {
      const first = composeParagraphMemo(p, opts());
      expect(first).toEqual(composeParagraph(p, opts()));
      expect(composeParagraphMemo(p, opts())).toBe(first);
    }
    const { hits, misses } = composeMemoStats();
    expect(hits).toBeGreaterThanOrEqual(misses);
  });

  it('keeps apart what any option changes', () => {
    clearComposeMemo();
    const p = seedParagraphs()[0]!;
    const base = composeParagraphMemo(p, opts());
    for (const change of [{ width: BLOCK_WIDTH - 16 }, { firstLineIndent: 0 }, { align: 'left' as const }, { size: 15 }, { gridCell: undefined }, { punctuation: 'banjiao' as const }, { latinGap: 0.25 }]) {
      const other = composeParagraphMemo(p, { ...opts(), ...change });
      expect(other).not.toBe(base);
      expect(other).toEqual(composeParagraph(p, { ...opts(), ...change }));
    }
  });

  it('hands out frozen lines, so no caller can change what the next one gets', () => {
    const [line] = composeParagraphMemo(seedParagraphs()[1]!, opts());
    expect(Object.isFrozen(line)).toBe(true);
    expect(Object.isFrozen(line!.runs[0])).toBe(true);
  });
});
