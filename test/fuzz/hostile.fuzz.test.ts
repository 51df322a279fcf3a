import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CLASSES, hostileOutcome } from '../reliability/hostile-arb.js';

/**
 * The large run of the hostile generators (`npm run test:fuzz`): cycles, prototype names, device
 * paths, numbers, nesting and sizes, each freshly seeded unless JIANBAO_FUZZ_SEED is set.
 * JIANBAO_FUZZ_HOSTILE_RUNS sets the cases per class.
 */
const RUNS = Number(process.env.JIANBAO_FUZZ_HOSTILE_RUNS ?? 400);
const SEED = process.env.JIANBAO_FUZZ_SEED ? Number(process.env.JIANBAO_FUZZ_SEED) : undefined;

describe('fuzz: hostile content', () => {
  for (const [name, arb] of Object.entries(HOSTILE_CLASSES)) {
    it(`${name}: ${RUNS} cases refused with located diagnostics or built as written`, () => {
      const rules = new Map<string, number>();
      let built = 0;
      const started = performance.now();
      fc.assert(
        fc.property(arb, (c) => {
          const o = hostileOutcome(c);
          if (o.built) built++;
          else for (const d of o.diagnostics) rules.set(d.rule, (rules.get(d.rule) ?? 0) + 1);
        }),
        { numRuns: name === 'sizes' ? Math.ceil(RUNS / 4) : RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      console.log(`${name}: ${built} built, refused with ${JSON.stringify(Object.fromEntries(rules))} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      expect(built + [...rules.values()].length).toBeGreaterThan(0);
    }, 1_800_000);
  }
});
