import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryCase, geometryOutcome, manifestCase, manifestOutcome, outputNameCase, outputNameOutcome } from './output-arb.js';

/**
 * A bounded run of the output generators for `npm test` (the large run is test/fuzz/outputs):
 * theme geometry, output names and manifests each refused with located diagnostics or kept
 * whole. Fixed seed, so every run agrees; JIANBAO_PROP_SEED picks another.
 */
const SEED = Number(process.env.JIANBAO_PROP_SEED ?? 20210304);

describe('output classes: refused with located diagnostics, or whole', () => {
  it('geometry: a theme that leaves no room is refused; one that is accepted loses no text', async () => {
    const outcomes: boolean[] = [];
    await fc.assert(
      fc.asyncProperty(geometryCase, async (c) => {
        outcomes.push((await geometryOutcome(c)).built);
      }),
      { numRuns: 10, seed: SEED, endOnFailure: true },
    );
    expect(outcomes).toContain(false);
  }, 180_000);

  it('output names: refused where they would leave out/ or forge a line, else built inside out/', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(outputNameCase, async (name) => {
        seen.add(await outputNameOutcome(name));
      }),
      { numRuns: 12, seed: SEED, endOnFailure: true },
    );
    expect(seen.has('built') || seen.has('refused')).toBe(true);
  }, 180_000);

  it('manifests: refused at a place, or every entry kept is a plain name inside the folder', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(manifestCase, (text) => {
        seen.add(manifestOutcome(text));
      }),
      { numRuns: 300, seed: SEED },
    );
    expect([...seen].sort()).toEqual(['kept', 'refused']);
  });
});
