import { InvalidRequirementError, selectInstance } from "../../lib";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

const training = WorkloadClass.TRAINING;

describe("pin an exact instance type", () => {
  test("the pinned type is taken, still checked against the model's memory, the region and the policy", () => {
    const pinned = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, instanceType: "g6e.2xlarge", model: "llama-3.1-8b" });
    expect(pinned.instanceType).toBe("g6e.2xlarge");
    expect(pinned.reason).toMatch(/^g6e.2xlarge .* was pinned by the user \(instanceType\)/);
    expect(pinned.alternatives).toEqual([]);
    // The class's own defaults step aside: a T4 for real-time inference, when the user says so.
    expect(selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, instanceType: "g4dn.xlarge" }).instanceType).toBe("g4dn.xlarge");
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, instanceType: "g5.xlarge", model: "llama-3.1-70b" })).toThrow(
      /No instance type satisfies model = "llama-3.1-70b".*g5.xlarge \(llama-3.1-70b inference needs/,
    );
    expect(() => selectInstance({ workload: training, instanceType: "p5.48xlarge", region: "af-south-1" })).toThrow(/region = "af-south-1"/);
    expect(() => selectInstance({ workload: training, instanceType: "p5.48xlarge", allowedGpus: ["A100-80GB"] })).toThrow(
      /instanceType is "p5.48xlarge"; the organization policy allows only A100-80GB/,
    );
  });

  test.each([
    [{ instanceType: "g6e.2xl" }, /instanceType is "g6e.2xl"; use a GPU instance type of the taxonomy \(did you mean g6e.2xlarge/],
    [{ instanceType: "m5.large" }, /instanceType is "m5.large"; use a GPU instance type of the taxonomy/],
    [{ instanceType: "g5.xlarge", gpus: ["A10G"] }, /give either instanceType .* or gpus\/anyOf, not both/],
    [{ instanceType: 5 }, /instanceType is 5/],
  ])("%j is refused", (requirements, message) => {
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, ...(requirements as object) })).toThrow(InvalidRequirementError);
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, ...(requirements as object) })).toThrow(message);
  });
});

describe("Capacity-Block-only types", () => {
  test("p5e.48xlarge, which has no public on-demand price, is never chosen on-demand, and the rejection says why", () => {
    // eu-west-2 offers H200 only as p5e: on-demand there is nothing, and the error says why.
    expect(() => selectInstance({ workload: training, gpus: ["H200"], region: "eu-west-2" })).toThrow(
      /p5e.48xlarge \(p5e.48xlarge is sold only as EC2 Capacity Blocks for ML \(AWS publishes no on-demand price\); use purchase "capacity-block"\)/,
    );
    const onDemand = selectInstance({ workload: training, gpus: ["H200"], region: "us-east-2" });
    expect(onDemand.instanceType).toBe("p5en.48xlarge");
    expect(onDemand.rejected.find((r) => r.instanceType === "p5e.48xlarge")?.reason).toMatch(/sold only as EC2 Capacity Blocks for ML/);
    const block = selectInstance({ workload: training, gpus: ["H200"], purchase: "capacity-block", region: "eu-west-2" });
    expect(block.instanceType).toBe("p5e.48xlarge");
  });

  test("a 405B model with no region does not land on p5e on-demand", () => {
    const decision = selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, model: "llama-3.1-405b" });
    expect(decision.instanceType).not.toBe("p5e.48xlarge");
    expect(decision.spec.capacityBlockOnly).toBeFalsy();
  });
});

describe("regions", () => {
  test("every commercial region is known; one without GPU types in the table lists the nearest that have one", () => {
    expect(() => selectInstance({ workload: training, region: "me-central-1" })).toThrow(
      /No instance type satisfies region = "me-central-1".*Regions that offer a suitable type, nearest first: /,
    );
    // Mexico (Central): known, but the table has no GPU type there; the nearest regions come first.
    expect(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, region: "mx-central-1" })).toThrow(
      /region = "mx-central-1".*nearest first: us-east-2, /,
    );
  });

  test.each([
    ["us-gov-west-1", /GovCloud, China and the isolated partitions are not supported/],
    ["cn-north-1", /GovCloud, China and the isolated partitions are not supported/],
    ["eu-west-9", /use an AWS region code such as us-east-1 .*did you mean/],
    ["useast1", /did you mean us-east-1/],
  ])("%s is refused", (region, message) => {
    expect(() => selectInstance({ workload: training, region })).toThrow(message);
  });
});
