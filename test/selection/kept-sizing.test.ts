import fc from "fast-check";
import { selectInstance } from "../../lib/selection/select-instance";
import { SelectionRequirements } from "../../lib/selection/requirements";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";

// A copy of the default taxonomy is never kept across decisions (only the default's data cannot change): it decides
// every request from scratch, the reference a kept scan must match.
const FRESH = { ...DEFAULT_TAXONOMY };

const answer = (requirements: SelectionRequirements) => {
  try {
    return JSON.parse(JSON.stringify(selectInstance(requirements)));
  } catch (error) {
    return { error: (error as Error).message };
  }
};

test("property: a decision from sizing kept across decisions equals one decided from scratch", () => {
  const requests = fc.oneof(
    fc.record({
      workload: fc.constantFrom("realtime-inference", "batch-processing"),
      model: fc.constantFrom("llama-3.1-8b", "qwen3-30b-a3b", "llama-3.1-70b", "gemma-3-27b"),
      region: fc.constantFrom(undefined, "us-east-1", "eu-west-1", "ap-south-1"),
      usage: fc.record({ contextTokens: fc.constantFrom(2048, 8192) }),
      throughput: fc.record({ outputTokensPerSecond: fc.integer({ min: 50, max: 40_000 }) }),
      maxUsdPerHour: fc.constantFrom(undefined, 5, 60),
    }),
    fc.record({
      workload: fc.constantFrom("fine-tuning", "training"),
      model: fc.constantFrom("llama-3.1-8b", "mistral-7b", "qwen2.5-14b"),
      region: fc.constantFrom(undefined, "us-west-2"),
      trainingTokens: fc.integer({ min: 1e6, max: 1e11 }),
      maxHours: fc.constantFrom(undefined, 24, 200),
      purchase: fc.constantFrom(undefined, "on-demand" as const),
    }),
  );
  fc.assert(
    fc.property(requests, (r) => {
      const requirements = JSON.parse(JSON.stringify(r)) as SelectionRequirements;
      // Twice from the kept scan (the second certainly a hit), once from scratch: all alike, alternatives and rejections too.
      const kept = answer(requirements);
      expect(answer({ ...requirements })).toEqual(kept);
      expect(answer({ ...requirements, taxonomy: FRESH })).toEqual(kept);
    }),
    { numRuns: 60 },
  );
});
