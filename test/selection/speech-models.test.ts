import * as fs from "fs";
import * as path from "path";
import { estimateMemory } from "../../lib/selection/memory-estimate";
import { resolveModel } from "../../lib/selection/resolve-names";
import { selectInstance } from "../../lib/selection/select-instance";
import { SpeechModelSpec } from "../../lib/taxonomy/model-spec";
import { DEFAULT_TAXONOMY } from "../../lib/taxonomy/taxonomy";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";
import { Precision } from "../../lib/selection/estimate/model-usage";

const speech = (name: string) => resolveModel(DEFAULT_TAXONOMY, name) as SpeechModelSpec;

describe("speech models (Whisper) are sized by their weights and decoder caches", () => {
  test("the catalog holds Whisper large-v3, turbo, large-v2, medium, small and distil-large-v3, found by their Hub ids", () => {
    for (const id of [
      "openai/whisper-large-v3",
      "openai/whisper-large-v3-turbo",
      "openai/whisper-large-v2",
      "openai/whisper-medium",
      "openai/whisper-small.en",
      "distil-whisper/distil-large-v3",
    ]) {
      expect(resolveModel(DEFAULT_TAXONOMY, id).kind).toBe("speech");
    }
  });

  test("the shapes add up to the published parameter counts (encoder 12·d², decoder 16·d² per layer, 51,865 vocabulary rows)", () => {
    for (const m of DEFAULT_TAXONOMY.models.filter((x): x is SpeechModelSpec => x.kind === "speech")) {
      const d = m.hiddenSize;
      const counted = m.encoderLayers * (4 * d * d + 2 * d * m.intermediateSize) + m.decoderLayers * (8 * d * d + 2 * d * m.intermediateSize) + 51865 * d;
      expect(counted / 1e9 / m.paramsBillion).toBeGreaterThan(0.95);
      expect(counted / 1e9 / m.paramsBillion).toBeLessThan(1.05);
    }
  });

  // transformers keeps its 5 beams' caches apart (0.87×); faster-whisper and openai/whisper land within 0.93–1.16×.
  test("within 0.85–1.25× of every published faster-whisper benchmark run (large-v2, fp16 and int8, batch 1 and 8)", () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "speech-measurements.json"), "utf8"));
    const m = speech("whisper-large-v2");
    const ratios = fixture.runs.map(
      (run: { precision: Precision; batch: number; measuredMiB: number }) =>
        (estimateMemory(m, { precision: run.precision, concurrency: run.batch }).perGpuGiB * 1024) / run.measuredMiB,
    );
    expect(ratios).toHaveLength(6);
    for (const ratio of ratios) {
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.25);
    }
  });

  test("streams grow the caches and the encoder's activations; language-model settings and fine-tunes are refused", () => {
    const m = speech("whisper-large-v3");
    const one = estimateMemory(m);
    const eight = estimateMemory(m, { concurrency: 8 });
    expect(one.parts.weightsGiB).toBeCloseTo((1.55e9 * 2) / 1024 ** 3, 2);
    expect(one.parts.kvCacheGiB).toBeCloseTo(((448 + 1500) * 32 * 2 * 1280 * 2) / 1024 ** 3, 2);
    expect(eight.parts.kvCacheGiB).toBeCloseTo(one.parts.kvCacheGiB * 8, 1);
    expect(speech("whisper-large-v3-turbo").decoderLayers).toBe(4);
    expect(estimateMemory(speech("whisper-large-v3-turbo")).parts.kvCacheGiB).toBeCloseTo(one.parts.kvCacheGiB / 8, 2);
    expect(() => estimateMemory(m, { contextTokens: 4096 })).toThrow(/usage.contextTokens is 4096; whisper-large-v3 is a speech model/);
    expect(() => estimateMemory(m, { mode: "lora" })).toThrow(/the estimator models whisper-large-v3 \(a speech model\) for inference only/);
  });

  test("selection: one stream fits a quarter L4 for batch transcription; 64 streams at once need a whole 48 GB card", () => {
    expect(selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, model: "whisper-large-v3" }).gpu.name).toBe("L4");
    const busy = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "whisper-large-v3", usage: { concurrency: 64 } });
    expect(busy.memoryEstimate!.perGpuGiB).toBeGreaterThan(24);
    expect(busy.gpu.memoryGB).toBeGreaterThanOrEqual(40);
  });

  test("work amounts of other kinds are refused, naming what sizes this one", () => {
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "whisper-large-v3", throughput: { outputTokensPerSecond: 100 } })).toThrow(
      /throughput is .*it sizes a language model's work; whisper-large-v3 is a speech model \(sized by its memory\)/,
    );
    expect(() => selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, model: "whisper-large-v3", inputTokensPerSecond: 1000 })).toThrow(
      /whisper-large-v3 is a speech model/,
    );
  });
});
