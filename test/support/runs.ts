/**
 * fast-check settings for a property: the full number of runs in `npm test`; under mutation
 * testing (`npm run mutate` sets ANNEX9_PROPERTY_SCALE, 0.05) a fraction of them, because every
 * mutant a property covers reruns it. Same seed either way: the runs kept are the first ones.
 */
export function runs(seed: number, numRuns: number): { seed: number; numRuns: number } {
  const scale = Number(process.env.ANNEX9_PROPERTY_SCALE ?? '1');
  const scaled = Number.isFinite(scale) && scale > 0 && scale < 1 ? Math.max(20, Math.ceil(numRuns * scale)) : numRuns;
  return { seed, numRuns: scaled };
}
