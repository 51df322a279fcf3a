import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CLASSES, hostileOutcome } from './hostile-arb.js';

/**
 * A bounded run of the hostile generators for `npm test` (the large run is test/fuzz/hostile):
 * per class, random cases either fail with well-formed, located diagnostics or build with their
 * text as written; never another exception, never a hang. Fixed seed, so every run agrees;
 * JIANBAO_PROP_SEED picks another.
 */
const SEED = Number(process.env.JIANBAO_PROP_SEED ?? 20210304);
const RUNS: Record<string, number> = { cycles: 40, 'prototype names': 30, 'device paths': 30, numbers: 25, nesting: 25, sizes: 12 };

describe('hostile content: refused with located diagnostics, or built as written', () => {
  for (const [name, arb] of Object.entries(HOSTILE_CLASSES)) {
    it(name, () => {
      let built = 0;
      fc.assert(
        fc.property(arb, (c) => {
          if (hostileOutcome(c).built) built++;
        }),
        { numRuns: RUNS[name] ?? 20, seed: SEED, endOnFailure: true },
      );
      // Numbers must build (they are text as written); the other classes mostly must not.
      if (name === 'numbers') expect(built).toBe(RUNS[name]);
    }, 120_000);
  }
});
