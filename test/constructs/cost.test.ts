import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { BatchProcessing, DEFAULT_TAXONOMY, GpuWorkload, RealtimeInference, Training, selectInstance } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { COST_VOCABULARY, kebab } from "../../lib/plan/cost-vocabulary";
import { REGIONAL_OFFERS } from "../../lib/taxonomy/data/regional-prices";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";
import { NETWORK, only, outputValue, synthStack } from "./synth";

const priceOf = (type: string, region: string) => DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === type)!.regionalPrices![region];

describe("prices per region", () => {
  test("select --region R --json quotes the region's on-demand price and spot estimate, for every (type, region) of the table", () => {
    let checked = 0;
    for (const [type, regions] of Object.entries(REGIONAL_OFFERS)) {
      for (const [region, [onDemand, spot]] of Object.entries(regions)) {
        if (onDemand === null) continue; // Capacity-Block-only: no public on-demand price (tested below)
        const decision = selectInstance({ workload: WorkloadClass.BATCH_PROCESSING, instanceType: type, region, purchase: "on-demand" });
        expect({ type, region, price: decision.usdPerInstanceHour, spot: decision.spotUsdPerInstanceHour }).toEqual({ type, region, price: onDemand, spot });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    const cli = JSON.parse(runCli(["select", "--workload", "realtime-inference", "--region", "eu-west-1", "--json"]).stdout);
    expect(cli).toMatchObject({
      region: "eu-west-1",
      regionKnown: true,
      instanceType: "g5.xlarge",
      usdPerInstanceHour: REGIONAL_OFFERS["g5.xlarge"]["eu-west-1"][0],
    });
    expect(cli.usdPerInstanceHour).toBeGreaterThan(1.006);
  });

  test("a workload in another region pays that region's price, in its decision, tags, outputs and reason", () => {
    let w: GpuWorkload;
    const json = synthStack((s) => (w = new RealtimeInference(s, "chat", { network: NETWORK })), "eu-west-1");
    const price = priceOf("g5.xlarge", "eu-west-1").usdPerInstanceHour!;
    expect(w!.decision).toMatchObject({ region: "eu-west-1", regionKnown: true, usdPerInstanceHour: price, usdPerHour: price });
    expect(only(json, "aws_instance").tags["gpu-workloads:usd-per-instance-hour"]).toBe(price.toFixed(4));
    expect(outputValue(json, "usd-per-instance-hour")).toBe(price);
    expect(outputValue(json, "region")).toBe("eu-west-1");
    expect(w!.decision.reason).toMatch(new RegExp(`\\$${price.toFixed(3)}/h on-demand in eu-west-1`));
  });

  test("where the table has no price for an offered region, the us-east-1 price is quoted and the reason says so", () => {
    const decision = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, instanceType: "g5.2xlarge", region: "sa-east-1" });
    expect(decision).toMatchObject({ usdPerInstanceHour: 1.212, priceFromReferenceRegion: true });
    expect(decision.reason).toMatch(/in us-east-1: the table has no sa-east-1 price/);
  });

  test("with no region known, prices are us-east-1's and everything says so", () => {
    const decision = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE });
    expect(decision).toMatchObject({ region: "us-east-1", regionKnown: false, usdPerInstanceHour: 1.006 });
    expect(decision.reason).toMatch(/in us-east-1, no region given/);
    expect(runCli(["catalog", "--family", "g5"]).stdout).toMatch(/on-demand Linux prices in us-east-1 \(give --region for another\)/);
    expect(JSON.parse(runCli(["catalog", "--family", "g5", "--region", "ap-northeast-1", "--json"]).stdout)[0]).toMatchObject({
      region: "ap-northeast-1",
      usdPerInstanceHour: expect.any(Number),
    });
  });
});

describe("spot workloads are priced at the spot estimate; the bound stays on-demand", () => {
  test("spot capacity: expected at the spot estimate, worst case on-demand for the dearest type the group may launch", () => {
    let w: GpuWorkload;
    synthStack((s) => (w = new BatchProcessing(s, "jobs", { network: NETWORK })));
    const { spotUsdPerInstanceHour } = priceOf("g4dn.xlarge", "us-east-1");
    expect(w!.decision.purchase).toBe("spot");
    expect(w!.capacity.kind).toBe("auto-scaling-group");
    expect(w!.capacity.usdPerHour).toBe(spotUsdPerInstanceHour);
    const dearest = Math.max(...w!.capacity.instanceTypes.map((t) => priceOf(t, "us-east-1").usdPerInstanceHour!));
    expect(w!.capacity.maxUsdPerMonth).toBe(Math.round(dearest * 730 * 100) / 100);
  });

  test("a fleet's spot share is priced at the spot estimate, its on-demand base on-demand", () => {
    let w: GpuWorkload;
    synthStack(
      (s) => (w = new RealtimeInference(s, "chat", { network: NETWORK, replicas: { min: 4, max: 8 }, fleet: { onDemandBaseCapacity: 2, spotPercentage: 50 } })),
    );
    const { usdPerInstanceHour: od, spotUsdPerInstanceHour: spot } = priceOf("g5.xlarge", "us-east-1");
    // 2 on-demand base + 2 above it, half of them spot.
    expect(w!.capacity.usdPerHour).toBeCloseTo(2 * od! + 1 * od! + 1 * spot!, 4);
  });
});

describe("the worst case is the worst case", () => {
  test("fallbacks are bounded by price, and the dearest one sets the bound", () => {
    let w: GpuWorkload;
    synthStack((s) => (w = new RealtimeInference(s, "chat", { network: NETWORK, replicas: { min: 2, max: 4 }, fleet: { maxFallbackPriceRatio: 1.5 } })));
    expect(w!.capacity.instanceTypes).toEqual(["g5.xlarge", "g5.2xlarge"]);
    expect(w!.capacity.droppedInstanceTypes).toEqual(expect.arrayContaining(["g5.4xlarge", "g6e.xlarge", "g6e.16xlarge"]));
    expect(w!.capacity).toMatchObject({ maxInstanceType: "g5.2xlarge", maxUsdPerMonth: Math.round(4 * 1.212 * 730 * 100) / 100 });
  });

  test("a fixed on-demand capacity's expected and worst-case months are the same figure, at prices of five decimals too", () => {
    // p4de.24xlarge in eu-central-1 costs $34.29122/h: a month from the hour rounded to 34.2912 would be a cent short.
    expect(priceOf("p4de.24xlarge", "eu-central-1").usdPerInstanceHour).toBe(34.29122);
    let w: GpuWorkload;
    synthStack((s) => (w = new Training(s, "train", { network: NETWORK })), "eu-central-1");
    expect(w!.decision.instanceType).toBe("p4de.24xlarge");
    expect(w!.capacity).toMatchObject({ usdPerHour: 34.2912, usdPerMonth: 25032.59, maxUsdPerMonth: 25032.59 });
    expect(w!.decision.usdPerMonth).toBe(w!.capacity.usdPerMonth);
  });

  test("AWS Batch: 64 vCPUs of its dearest launchable type per vCPU", () => {
    let w: GpuWorkload;
    synthStack((s) => (w = new BatchProcessing(s, "jobs", { network: NETWORK, batch: { maxVcpus: 64, job: { image: "x:1" } } })));
    // g6.xlarge: 4 vCPUs at $0.8048: 16 of them, $9,400.06/month, the figure.
    expect(w!.capacity).toMatchObject({ maxInstanceType: "g6.xlarge", instances: { max: 16 }, maxUsdPerMonth: 9400.06 });
  });

  test("property: maxUsdPerMonth covers the most instances of every type the capacity may launch", () => {
    const fleet = fc.record({
      kind: fc.constant("fleet" as const),
      min: fc.integer({ min: 0, max: 5 }),
      extra: fc.integer({ min: 1, max: 10 }),
      gpus: fc.constantFrom(["A10G"], ["L40S"], ["A10G", "L40S"], ["L40S", "A10G"]),
      ratio: fc.double({ min: 1, max: 10, noNaN: true }),
      region: fc.constantFrom("us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1"),
    });
    const batch = fc.record({
      kind: fc.constant("batch" as const),
      maxVcpus: fc.integer({ min: 64, max: 4096 }),
      types: fc.integer({ min: 1, max: 12 }),
      gpus: fc.constantFrom(["T4"], ["L4"], ["T4", "L4"]),
      ratio: fc.double({ min: 1, max: 10, noNaN: true }),
      region: fc.constantFrom("us-east-1", "us-west-2", "eu-central-1"),
    });
    fc.assert(
      fc.property(fc.oneof(fleet, batch), (c) => {
        let w: GpuWorkload;
        synthStack(
          (s) =>
            (w =
              c.kind === "fleet"
                ? new RealtimeInference(s, "w", {
                    network: NETWORK,
                    gpus: c.gpus,
                    replicas: { min: c.min, max: c.min + c.extra },
                    fleet: { maxFallbackPriceRatio: c.ratio, maxFallbacks: 39 },
                  })
                : new BatchProcessing(s, "w", {
                    network: NETWORK,
                    gpus: c.gpus,
                    batch: { maxVcpus: c.maxVcpus, maxInstanceTypes: c.types, maxFallbackPriceRatio: c.ratio, job: { image: "x:1" } },
                  })),
          c.region,
        );
        const capacity = w!.capacity;
        for (const type of capacity.instanceTypes) {
          const spec = DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === type)!;
          const price = (spec.regionalPrices?.[c.region]?.usdPerInstanceHour ?? spec.usdPerInstanceHour)!;
          const most = c.kind === "fleet" ? c.min + c.extra : Math.ceil(c.maxVcpus / spec.vcpus);
          expect(capacity.maxUsdPerMonth).toBeGreaterThanOrEqual(Math.round(most * price * 730 * 100) / 100 - 0.01);
          expect(price).toBeLessThanOrEqual(w!.decision.usdPerInstanceHour * c.ratio + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("one vocabulary, everywhere", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

  test("the README's table defines every term as the code does", () => {
    for (const [term, meaning] of Object.entries(COST_VOCABULARY)) expect(readme).toContain(`| \`${term}\` | ${meaning} |`);
  });

  test("select --json and the plan carry the terms; outputs and tags their kebab-case forms", () => {
    const select = JSON.parse(runCli(["select", "--workload", "training", "--json"]).stdout);
    for (const term of [
      "region",
      "purchase",
      "gpuCount",
      "nodeCount",
      "usdPerInstanceHour",
      "spotUsdPerInstanceHour",
      "usdPerHour",
      "usdPerMonth",
      "maxUsdPerMonth",
      "pricesAsOf",
      "spotPricesAsOf",
    ]) {
      expect(select).toHaveProperty(term);
    }
    expect(select.gpuCount).toBe(8); // per node, never a total
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, replicas: 3 }));
    for (const term of ["region", "gpuCount", "usdPerInstanceHour", "usdPerHour", "usdPerMonth", "maxUsdPerMonth"] as const) {
      expect(outputValue(json, kebab(term))).toBeDefined();
    }
    expect(outputValue(json, "gpu-count")).toBe(1);
    expect(outputValue(json, "instances")).toBe(3);
  });

  test("what may launch another type never carries the chosen type's price or type", () => {
    const json = synthStack((s) => new RealtimeInference(s, "chat", { network: NETWORK, replicas: { min: 1, max: 3 } }));
    const asg = only(json, "aws_autoscaling_group");
    const propagated = asg.tag.filter((t: { propagate_at_launch: boolean }) => t.propagate_at_launch).map((t: { key: string }) => t.key);
    expect(propagated).not.toEqual(expect.arrayContaining(["gpu-workloads:instance-type"]));
    expect(propagated).not.toContain("gpu-workloads:usd-per-instance-hour");
    for (const spec of only(json, "aws_launch_template").tag_specifications) expect(spec.tags).not.toHaveProperty("gpu-workloads:usd-per-instance-hour");
  });
});

describe("pin a type", () => {
  test("instanceType on a workload and --instance-type on the CLI", () => {
    let w: GpuWorkload;
    synthStack((s) => (w = new RealtimeInference(s, "chat", { network: NETWORK, instanceType: "g6e.2xlarge", model: "llama-3.1-8b" })));
    expect(w!.decision.instanceType).toBe("g6e.2xlarge");
    expect(w!.decision.reason).toMatch(/pinned by the user/);
    expect(JSON.parse(runCli(["select", "--workload", "fine-tuning", "--instance-type", "p4d.24xlarge", "--json"]).stdout).instanceType).toBe("p4d.24xlarge");
    const unknown = runCli(["select", "--workload", "fine-tuning", "--instance-type", "p4d.24xl"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/--instance-type is "p4d.24xl"; .*did you mean p4d.24xlarge/);
  });
});
