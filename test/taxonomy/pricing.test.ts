import { DEFAULT_TAXONOMY, GpuWorkloadsError, extendTaxonomy, selectInstance } from "../../lib";
import { instancePrice } from "../../lib/taxonomy/pricing";
import { WorkloadClass } from "../../lib/taxonomy/workload-class";

const row = (name: string) => DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === name)!;

describe("a type not sold in the reference region", () => {
  test("asked for us-east-1, p6-b300 quotes its price region's (us-west-2) price and says it is not us-east-1's", () => {
    expect(instancePrice(row("p6-b300.48xlarge"), "us-east-1")).toEqual({
      region: "us-east-1",
      usdPerInstanceHour: 142.416,
      spotUsdPerInstanceHour: null,
      fromReferenceRegion: true,
    });
    expect(instancePrice(row("p6-b300.48xlarge"), "us-west-2")).toEqual({
      region: "us-west-2",
      usdPerInstanceHour: 142.416,
      spotUsdPerInstanceHour: 33.4308,
      fromReferenceRegion: false,
    });
    // A type sold in us-east-1 is priced there as before.
    expect(instancePrice(row("g5.xlarge"))).toMatchObject({ region: "us-east-1", usdPerInstanceHour: 1.006, fromReferenceRegion: false });
  });

  test("with no region given, a decision for p6-b300 says whose price it quotes", () => {
    const decision = selectInstance({ workload: WorkloadClass.TRAINING, gpus: ["B300"] });
    expect(decision).toMatchObject({
      instanceType: "p6-b300.48xlarge",
      region: "us-east-1",
      regionKnown: false,
      usdPerInstanceHour: 142.416,
      priceFromReferenceRegion: true,
    });
    expect(decision.reason).toMatch(/\$142\.42\/h on-demand in us-west-2, no region given/);
    // Types sold in us-east-1 keep their wording.
    expect(selectInstance({ workload: WorkloadClass.TRAINING }).reason).toMatch(/on-demand in us-east-1, no region given/);
  });

  test("every priced row not sold in us-east-1 names its price region, whose price it carries (Capacity-Block estimates aside)", () => {
    for (const t of DEFAULT_TAXONOMY.instanceTypes) {
      if (t.usdPerInstanceHour === undefined || t.capacityBlockOnly || t.regions.includes("us-east-1")) continue;
      expect([t.instanceType, t.priceRegion]).toEqual([t.instanceType, expect.any(String)]);
      expect([t.instanceType, t.regionalPrices?.[t.priceRegion!]?.usdPerInstanceHour]).toEqual([t.instanceType, t.usdPerInstanceHour]);
    }
  });

  test("a custom row's priceRegion must be one of its regions", () => {
    const custom = { ...row("p6-b300.48xlarge"), instanceType: "p9.48xlarge", family: "p9", priceRegion: "eu-west-1" };
    expect(() => extendTaxonomy({ instanceTypes: [custom] })).toThrow(GpuWorkloadsError);
    expect(() => extendTaxonomy({ instanceTypes: [custom] })).toThrow(
      /taxonomy\.instanceTypes\[0\]\.priceRegion is "eu-west-1"; give the region whose price usdPerInstanceHour is, one of regions: us-east-1, us-west-2/,
    );
  });
});

test("the price tests see the embedded table itself, not the behaviour tests' frozen copy", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the modules as the library and the copy resolve
  expect(require("../../lib/taxonomy/data/regional-prices")).not.toBe(require("../frozen/regional-prices"));
});
