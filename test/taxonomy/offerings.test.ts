import * as fs from "fs";
import * as path from "path";
import { DEFAULT_TAXONOMY, NoFeasibleInstanceError, WorkloadClass, selectInstance } from "../../lib";
import { captureError } from "../constructs/synth";

/** EC2's recorded DescribeInstanceTypeOfferings (moto's recording; see the fixture's "about"): the referee of the table's regions. */
const recorded: { regions: Record<string, string[]>; unrecorded: string[] } = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "ec2-offerings.json"), "utf8"),
);

describe("the table offers each type exactly where EC2 does", () => {
  test("every row's regions are EC2's recorded offerings of that type, in every region the recording covers", () => {
    const offeredBy = (type: string) =>
      Object.keys(recorded.regions)
        .filter((r) => recorded.regions[r].includes(type))
        .sort();
    const rows = DEFAULT_TAXONOMY.instanceTypes.map((t) => ({ type: t.instanceType, regions: [...t.regions].sort() }));
    expect(rows).toEqual(DEFAULT_TAXONOMY.instanceTypes.map((t) => ({ type: t.instanceType, regions: offeredBy(t.instanceType) })));
  });

  test("a type EC2 offers nowhere is not in the table (p3.2xlarge, p3.8xlarge, p3.16xlarge); p3dn is", () => {
    const names = DEFAULT_TAXONOMY.instanceTypes.map((t) => t.instanceType);
    expect(recorded.unrecorded).toEqual(["p3.16xlarge", "p3.2xlarge", "p3.8xlarge"]);
    for (const gone of recorded.unrecorded) expect(names).not.toContain(gone);
    expect(names).toContain("p3dn.24xlarge");
  });

  test("a price for a region that does not offer the type is not an offering: every priced region is offered", () => {
    for (const t of DEFAULT_TAXONOMY.instanceTypes)
      expect({ type: t.instanceType, priced: Object.keys(t.regionalPrices ?? {}).filter((r) => !t.regions.includes(r)) }).toEqual({
        type: t.instanceType,
        priced: [],
      });
  });

  test("us-west-1 offers no A10G or L40S (g5.2xlarge was listed there): real-time inference is refused at synth, naming the regions that have one", () => {
    expect(DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === "g5.2xlarge")!.regions).not.toContain("us-west-1");
    const error = captureError(() => selectInstance({ workload: WorkloadClass.REALTIME_INFERENCE, region: "us-west-1" }));
    expect(error).toBeInstanceOf(NoFeasibleInstanceError);
    expect((error as Error).message).toMatch(/g5.2xlarge \(not offered in us-west-1\).*nearest first: us-west-2, us-east-2, us-east-1/);
  });
});
