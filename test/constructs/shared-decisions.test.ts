import { GpuPlatform, RealtimeInference, Training } from "../../lib";
import { NETWORK, synthStack } from "./synth";

describe("workloads that ask for the same thing share one decision", () => {
  test("identical requirements give the same decision object; any difference gives another", () => {
    synthStack((stack) => {
      const a = new RealtimeInference(stack, "a", { network: NETWORK });
      const b = new RealtimeInference(stack, "b", { network: NETWORK, tags: { team: "search" } });
      const spot = new RealtimeInference(stack, "spot", { network: NETWORK, purchase: "spot" });
      const l40s = new RealtimeInference(stack, "l40s", { network: NETWORK, gpus: ["L40S"] });
      const training = new Training(stack, "train", { network: NETWORK });
      // Tags do not change what is chosen; the purchase option, the GPUs and the class do.
      expect(b.decision).toBe(a.decision);
      expect(spot.decision).not.toBe(a.decision);
      expect(spot.decision.purchase).toBe("spot");
      expect(l40s.decision.gpu.name).toBe("L40S");
      expect(training.decision.workload).toBe("training");
    });
  });

  test("a platform's own prices are another taxonomy: its workloads are decided under it, not given a default decision", () => {
    synthStack((stack) => {
      const plain = new RealtimeInference(stack, "plain", { network: NETWORK });
      const platform = new GpuPlatform(stack, "negotiated", { network: NETWORK, taxonomy: { usdPerInstanceHour: { "g6e.xlarge": 0.9 }, asOf: "2026-11-01" } });
      const priced = new RealtimeInference(platform, "priced", {});
      expect(priced.decision).not.toBe(plain.decision);
      expect(priced.decision.instanceType).toBe("g6e.xlarge");
      expect(plain.decision.instanceType).toBe("g5.xlarge");
    });
  });

  test("a refused requirement is refused every time, not answered from an earlier decision", () => {
    synthStack((stack) => {
      new RealtimeInference(stack, "ok", { network: NETWORK, maxUsdPerHour: 5 });
      expect(() => new RealtimeInference(stack, "nan", { network: NETWORK, maxUsdPerHour: NaN })).toThrow(/maxUsdPerHour/);
      expect(() => new RealtimeInference(stack, "nan-again", { network: NETWORK, maxUsdPerHour: NaN })).toThrow(/maxUsdPerHour/);
    });
  });
});
