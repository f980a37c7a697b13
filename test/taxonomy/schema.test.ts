import { DEFAULT_TAXONOMY, GpuWorkloadsError, InvalidTaxonomyError, extendTaxonomy, selectInstance } from "../../lib";
import { checkTaxonomy } from "../../lib/taxonomy/schema";

const g5 = DEFAULT_TAXONOMY.instanceTypes.find((t) => t.instanceType === "g5.xlarge")!;

describe("one schema for the embedded table and every custom row", () => {
  test("the embedded table passes it, every row with sources", () => {
    expect(() => checkTaxonomy(DEFAULT_TAXONOMY)).not.toThrow();
    for (const row of [...DEFAULT_TAXONOMY.gpus, ...DEFAULT_TAXONOMY.instanceTypes, ...DEFAULT_TAXONOMY.models]) expect(row.sources.length).toBeGreaterThan(0);
  });

  test.each([
    [{ usdPerInstanceHour: -5 }, /taxonomy.instanceTypes\[0\].usdPerInstanceHour is -5; give a number above 0 and at most 10000 USD per hour/],
    [{ usdPerInstanceHour: NaN }, /usdPerInstanceHour is NaN/],
    [{ usdPerInstanceHour: 0 }, /usdPerInstanceHour is 0/],
    [{ gpuCount: 0 }, /gpuCount is 0; give a whole number from 1 to 16/],
    [{ gpuCount: 0.5 }, /gpuCount is 0.5/],
    [{ gpu: "X100" }, /gpu is "X100"; use a GPU of the taxonomy/],
    [{ regions: ["mars-north-1x"] }, /regions\[0\] is "mars-north-1x"/],
    [{ regions: [] }, /regions is \[\]; give a list of at least 1/],
    [{ instanceType: 'g9.${file("x")}', family: "g9" }, /instanceType is/],
    [{ instanceType: "g9.xlarge", family: "g5" }, /family is "g5"; give "g9"/],
    [{ vcpus: 1e6 }, /vcpus is 1000000/],
    [{ memoryGiB: -1 }, /memoryGiB is -1/],
    [{ efaInterfaces: 33 }, /efaInterfaces is 33/],
    [{ cpuArchitecture: "riscv" }, /cpuArchitecture is "riscv"/],
    [{ gpuInterconnect: "constructor" }, /gpuInterconnect is "constructor"/],
    [{ sources: undefined }, /sources is undefined; give a list/],
    [{ sources: [{ title: "x", url: "https://x", asOf: "yesterday" }] }, /sources\[0\].asOf is "yesterday"/],
  ])("a custom row %j is refused with a typed error naming the row and field", (change, message) => {
    const row = { ...g5, instanceType: "g9.xlarge", family: "g9", ...change };
    let thrown: unknown;
    try {
      extendTaxonomy({ instanceTypes: [row as never] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTaxonomyError);
    expect(thrown).toBeInstanceOf(GpuWorkloadsError);
    expect((thrown as Error).message).toMatch(message);
  });

  test.each([
    [{ usdPerInstanceHour: { "g9.xlarge": 1 } }, /g9.xlarge is not an instance type of the taxonomy/],
    [{ usdPerInstanceHour: { "g5.xlarge": Infinity } }, /usdPerInstanceHour\["g5.xlarge"\] is Infinity/],
    [{ usdPerInstanceHour: { constructor: 1 } }, /constructor is not an instance type/],
    [{ models: [{ kind: "llm", name: "x" }] }, /taxonomy.models\[0\].aliases is undefined/],
    [{ asOf: "2026-13-01" }, /taxonomy.asOf is "2026-13-01"/],
    [{ instanceTypes: [g5, g5].map((r) => ({ ...r, instanceType: "g9.xlarge", family: "g9" })) }, /give each instance type once/],
  ])("an extension %j is refused", (extension, message) => {
    expect(() => extendTaxonomy(extension as never)).toThrow(InvalidTaxonomyError);
    expect(() => extendTaxonomy(extension as never)).toThrow(message);
  });

  const a10g = DEFAULT_TAXONOMY.gpus.findIndex((g) => g.name === "A10G");
  test.each([
    ["no computeCapability", { computeCapability: undefined }, /computeCapability is undefined; give the CUDA compute capability, such as "8\.6"/],
    ["computeCapability 8.6 (a number)", { computeCapability: 8.6 }, /computeCapability is 8\.6; give the CUDA compute capability/],
    ['computeCapability "sm_86"', { computeCapability: "sm_86" }, /computeCapability is "sm_86"/],
    ['memoryType "DDR4"', { memoryType: "DDR4" }, /memoryType is "DDR4"; use one of HBM2, /],
    ["no memoryType", { memoryType: undefined }, /memoryType is undefined/],
    ['architecture "Pascal"', { architecture: "Pascal" }, /architecture is "Pascal"; use one of Volta, /],
    ['tier "flagship"', { tier: "flagship" }, /tier is "flagship"; use one of heavyweight, workhorse, edge-batch/],
    ['interconnect "Infinity Fabric"', { interconnect: "Infinity Fabric" }, /interconnect is "Infinity Fabric"; use one of /],
  ])("a custom taxonomy's GPU with %s is refused, naming the row and field, before selection reads it", (_label, change, message) => {
    const gpus = DEFAULT_TAXONOMY.gpus.map((g, i) => (i === a10g ? { ...g, ...change } : g));
    let thrown: unknown;
    try {
      selectInstance({ workload: "realtime-inference", taxonomy: { ...DEFAULT_TAXONOMY, gpus: gpus as never } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTaxonomyError);
    expect((thrown as Error).message).toContain(`taxonomy.gpus[${a10g}].`);
    expect((thrown as Error).message).toMatch(message);
  });

  test("a row at a negative price is no longer selected: it never gets into a taxonomy", () => {
    const negative = { ...DEFAULT_TAXONOMY, instanceTypes: [...DEFAULT_TAXONOMY.instanceTypes, { ...g5, instanceType: "g5.huge", usdPerInstanceHour: -5 }] };
    expect(() => selectInstance({ workload: "realtime-inference", taxonomy: negative })).toThrow(/usdPerInstanceHour is -5/);
  });
});
