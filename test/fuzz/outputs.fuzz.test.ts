import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryCase, geometryOutcome, manifestCase, manifestOutcome, outputNameCase, outputNameOutcome } from '../reliability/output-arb.js';

/**
 * The large run of the output generators (`npm run test:fuzz`): theme geometry, output names and
 * manifests, freshly seeded unless JIANBAO_FUZZ_SEED is set. JIANBAO_FUZZ_OUTPUT_RUNS sets the
 * cases of the geometry and names classes (manifests run fifty times as many: they render nothing).
 */
const RUNS = Number(process.env.JIANBAO_FUZZ_OUTPUT_RUNS ?? 200);
const SEED = process.env.JIANBAO_FUZZ_SEED ? Number(process.env.JIANBAO_FUZZ_SEED) : undefined;
const seeded = SEED === undefined ? {} : { seed: SEED };

describe('fuzz: output classes', () => {
  it(`geometry: ${RUNS} themes refused with located errors, or rendered with every text`, async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(geometryCase, async (c) => {
        if ((await geometryOutcome(c)).built) built++;
      }),
      { numRuns: RUNS, endOnFailure: true, ...seeded },
    );
    console.log(`geometry: ${built} of ${RUNS} built and read back whole`);
    expect(built).toBeGreaterThan(0);
  }, 1_800_000);

  it(`output names: ${RUNS} content file names refused, or built inside out/`, async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(outputNameCase, async (name) => {
        const o = await outputNameOutcome(name);
        seen.set(o, (seen.get(o) ?? 0) + 1);
      }),
      { numRuns: RUNS, endOnFailure: true, ...seeded },
    );
    console.log(`output names: ${JSON.stringify(Object.fromEntries(seen))}`);
    expect(seen.get('built')).toBeGreaterThan(0);
  }, 1_800_000);

  it(`manifests: ${RUNS * 50} mutated manifests refused at a place, or kept with plain names only`, () => {
    fc.assert(fc.property(manifestCase, (text) => void manifestOutcome(text)), { numRuns: RUNS * 50, ...seeded });
  }, 1_800_000);
});
