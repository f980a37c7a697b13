import { isDenseList, isOneOf } from "../validation/allowed-values";
import { InvalidTaxonomyError } from "../validation/errors";
import { NumberRule, describeRule, isNumberWithin } from "../validation/numbers";
import { GPU_ARCHITECTURES, GPU_MEMORY_TYPES, GPU_TIERS, GpuModel } from "./gpu-model";
import { CPU_ARCHITECTURES, GPU_INTERCONNECTS, InstanceTypeSpec } from "./instance-type";
import { ModelSpec } from "./model-spec";
import { Source } from "./source";
import type { Taxonomy, TaxonomyExtension } from "./taxonomy";

/**
 * The one schema every taxonomy row is held to: the embedded table (its tests), a platform's custom
 * rows, negotiated prices and models, and a taxonomy passed to selection. Bounds are plausibility
 * bounds around the largest figures of the embedded table as of 2026-11-29 (its rows cite where each is
 * read): 8 GPUs, 192 vCPUs, 4 TiB of memory, 17 network cards and 6,400 Gbps (p6-b300), 32 EFA
 * interfaces (p5/p5e). Most leave room for a next generation (twice the GPUs, 8x the memory, 64 network
 * cards); EFA stops at 32, the most any type has. A value outside them is a typo, not a new instance.
 */
const BOUNDS = {
  gpuCount: { integer: true, min: 1, max: 16 },
  vcpus: { integer: true, min: 1, max: 1024 },
  memoryGiB: { above: 0, max: 32768 },
  networkGbps: { above: 0, max: 28800 },
  efaInterfaces: { integer: true, min: 0, max: 32 },
  localNvmeGB: { min: 0, max: 1_000_000 },
  usdPerHour: { above: 0, max: 10_000, unit: "USD per hour" },
  gpuMemoryGB: { above: 0, max: 1024 },
  memoryBandwidthGBps: { above: 0, max: 100_000 },
  tflops: { above: 0, max: 100_000 },
  paramsBillion: { above: 0, max: 100_000 },
  layers: { integer: true, min: 1, max: 10_000 },
  modelWidth: { integer: true, min: 1, max: 1_000_000 },
  contextLengthTokens: { integer: true, min: 0, max: 100_000_000 },
  typicalVramGB: { above: 0, max: 10_000 },
} as const satisfies Record<string, NumberRule>;

const INSTANCE_TYPE_NAME = /^[a-z][a-z0-9-]{0,30}\.[a-z0-9-]{1,30}$/;
/** A well-formed region code of any partition: "us-east-1", "ap-southeast-5", "us-gov-west-1". */
export const REGION_CODE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
/** NVIDIA's form, major.minor: "8.6", "10.3". */
const COMPUTE_CAPABILITY = /^\d+\.\d$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Names users type and we print: no control characters, and none of Terraform's template markers. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const PLAIN_NAME = /^[^\u0000-\u001f\u007f"\\$%{}]{1,100}$/;

function number(property: string, value: unknown, rule: NumberRule): void {
  if (!isNumberWithin(value, rule)) throw new InvalidTaxonomyError(property, value, describeRule(rule));
}

function oneOf(property: string, value: unknown, allowed: readonly string[]): void {
  if (!isOneOf(value, allowed)) throw new InvalidTaxonomyError(property, value, `use one of ${allowed.join(", ")}`);
}

function object(property: string, value: unknown): asserts value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new InvalidTaxonomyError(property, value, "give an object");
}

function text(property: string, value: unknown, pattern: RegExp, expected: string): void {
  if (typeof value !== "string" || !pattern.test(value)) throw new InvalidTaxonomyError(property, value, expected);
}

function list(property: string, value: unknown, minLength = 0): asserts value is readonly unknown[] {
  if (!isDenseList(value) || value.length < minLength) {
    throw new InvalidTaxonomyError(property, value, minLength ? `give a list of at least ${minLength}` : "give a list");
  }
}

function checkSources(property: string, sources: unknown): void {
  list(property, sources);
  sources.forEach((s: unknown, i) => {
    const at = `${property}[${i}]`;
    object(at, s);
    const source = s as Partial<Source>;
    text(`${at}.title`, source.title, /\S/, "give the title of the page or document");
    text(`${at}.url`, source.url, /^\S+$/, "give the address of the page or document");
    text(`${at}.asOf`, source.asOf, ISO_DATE, "give the day the figure was read, as YYYY-MM-DD");
  });
}

/** Checks one instance row against the GPUs of its taxonomy. */
function checkInstanceTypeSpec(property: string, row: unknown, gpus: readonly GpuModel[]): void {
  object(property, row);
  const t = row as Partial<InstanceTypeSpec>;
  const at = (field: string) => `${property}.${field}`;
  text(at("instanceType"), t.instanceType, INSTANCE_TYPE_NAME, 'give an EC2 instance type name such as "g5.xlarge"');
  if (t.family !== t.instanceType!.split(".")[0]) {
    throw new InvalidTaxonomyError(at("family"), t.family, `give "${t.instanceType!.split(".")[0]}", the part of the name before the dot`);
  }
  if (!gpus.some((g) => g.name === t.gpu)) {
    throw new InvalidTaxonomyError(at("gpu"), t.gpu, `use a GPU of the taxonomy: ${gpus.map((g) => g.name).join(", ")}`);
  }
  number(at("gpuCount"), t.gpuCount, BOUNDS.gpuCount);
  if (t.gpuFraction !== undefined) {
    number(at("gpuFraction"), t.gpuFraction, { above: 0, max: 0.5, why: "the share of one GPU a fractional type has (1/8, 1/4, 1/2)" });
    if (t.gpuCount !== 1) throw new InvalidTaxonomyError(at("gpuCount"), t.gpuCount, "give 1 for a fractional type (gpuFraction is its share)");
  }
  oneOf(at("gpuInterconnect"), t.gpuInterconnect, GPU_INTERCONNECTS);
  oneOf(at("cpuArchitecture"), t.cpuArchitecture, CPU_ARCHITECTURES);
  number(at("vcpus"), t.vcpus, BOUNDS.vcpus);
  number(at("memoryGiB"), t.memoryGiB, BOUNDS.memoryGiB);
  number(at("networkGbps"), t.networkGbps, BOUNDS.networkGbps);
  number(at("efaInterfaces"), t.efaInterfaces, BOUNDS.efaInterfaces);
  if (t.networkCards !== undefined) number(at("networkCards"), t.networkCards, { integer: true, min: Math.max(1, t.efaInterfaces ?? 0), max: 64 });
  number(at("localNvmeGB"), t.localNvmeGB, BOUNDS.localNvmeGB);
  if (t.usdPerInstanceHour !== undefined) number(at("usdPerInstanceHour"), t.usdPerInstanceHour, BOUNDS.usdPerHour);
  if (t.spotUsdPerInstanceHour !== undefined) number(at("spotUsdPerInstanceHour"), t.spotUsdPerInstanceHour, BOUNDS.usdPerHour);
  list(at("regions"), t.regions, 1);
  t.regions!.forEach((r, i) => text(`${at("regions")}[${i}]`, r, REGION_CODE, 'give a region code such as "us-east-1"'));
  if (t.priceRegion !== undefined && !t.regions!.includes(t.priceRegion)) {
    throw new InvalidTaxonomyError(
      at("priceRegion"),
      t.priceRegion,
      `give the region whose price usdPerInstanceHour is, one of regions: ${t.regions!.join(", ")}`,
    );
  }
  for (const flag of ["legacy", "capacityBlockOnly"] as const) {
    if (t[flag] !== undefined && typeof t[flag] !== "boolean") throw new InvalidTaxonomyError(at(flag), t[flag], "give true or false");
  }
  if (t.regionalPrices !== undefined) {
    object(at("regionalPrices"), t.regionalPrices);
    for (const [region, price] of Object.entries(t.regionalPrices)) {
      const where = `${at("regionalPrices")}[${JSON.stringify(region)}]`;
      text(where, region, REGION_CODE, 'key it by a region code such as "us-east-1"');
      object(where, price);
      for (const field of ["usdPerInstanceHour", "spotUsdPerInstanceHour"] as const) {
        if (price[field] !== null) number(`${where}.${field}`, price[field], BOUNDS.usdPerHour);
      }
    }
  }
  checkSources(at("sources"), t.sources);
}

/** Checks one GPU row, through checkTaxonomy: of a custom taxonomy, and of the embedded table in its tests. */
function checkGpuModel(property: string, row: unknown): void {
  object(property, row);
  const g = row as Partial<GpuModel>;
  const at = (field: string) => `${property}.${field}`;
  text(at("name"), g.name, PLAIN_NAME, "give a short GPU name");
  // Precision support compares the compute capability as a number: a missing or malformed one would decide nothing.
  text(at("computeCapability"), g.computeCapability, COMPUTE_CAPABILITY, 'give the CUDA compute capability, such as "8.6"');
  oneOf(at("architecture"), g.architecture, GPU_ARCHITECTURES);
  oneOf(at("memoryType"), g.memoryType, GPU_MEMORY_TYPES);
  oneOf(at("interconnect"), g.interconnect, GPU_INTERCONNECTS);
  oneOf(at("tier"), g.tier, GPU_TIERS);
  number(at("memoryGB"), g.memoryGB, BOUNDS.gpuMemoryGB);
  number(at("usableMemoryMiB"), g.usableMemoryMiB, { integer: true, min: 1, max: Math.ceil((g.memoryGB ?? 0) * 1024) || 1 });
  number(at("memoryBandwidthGBps"), g.memoryBandwidthGBps, BOUNDS.memoryBandwidthGBps);
  number(at("bf16Tflops"), g.bf16Tflops, BOUNDS.tflops);
  if (g.fp8Tflops !== undefined) number(at("fp8Tflops"), g.fp8Tflops, BOUNDS.tflops);
  checkSources(at("sources"), g.sources);
}

const checkedModels = new WeakSet<object>();

/** Checks a model spec, catalog or custom (a custom spec with NaN or a missing field would switch the memory check off). */
export function checkModelSpec(property: string, spec: unknown): asserts spec is ModelSpec {
  if (typeof spec === "object" && spec !== null && checkedModels.has(spec)) return;
  object(property, spec);
  const m = spec as Record<string, unknown>;
  const at = (field: string) => `${property}.${field}`;
  if (m.kind !== "llm" && m.kind !== "diffusion" && m.kind !== "embedding" && m.kind !== "speech") {
    throw new InvalidTaxonomyError(at("kind"), m.kind, 'use "llm", "diffusion", "embedding" or "speech"');
  }
  text(at("name"), m.name, PLAIN_NAME, "give a name of 1 to 100 characters without quotes, backslashes or $, % and braces");
  list(at("aliases"), m.aliases);
  m.aliases.forEach((a, i) => text(`${at("aliases")}[${i}]`, a, PLAIN_NAME, "give a plain name"));
  number(at("paramsBillion"), m.paramsBillion, BOUNDS.paramsBillion);
  if (m.kind === "llm") {
    number(at("layers"), m.layers, BOUNDS.layers);
    for (const field of ["hiddenSize", "attentionHeads", "headDim"]) number(at(field), m[field], BOUNDS.modelWidth);
    number(at("kvHeads"), m.kvHeads, {
      integer: true,
      min: 1,
      max: m.attentionHeads as number,
      why: "grouped-query attention has at most one KV head per attention head",
    });
    number(at("contextLengthTokens"), m.contextLengthTokens, BOUNDS.contextLengthTokens);
    number(at("intermediateSize"), m.intermediateSize, BOUNDS.modelWidth);
    number(at("vocabSize"), m.vocabSize, { ...BOUNDS.modelWidth, why: "config.json vocab_size" });
    if (m.activeParamsBillion !== undefined) {
      number(at("activeParamsBillion"), m.activeParamsBillion, {
        above: 0,
        max: m.paramsBillion as number,
        why: "a token passes through at most all parameters",
      });
    }
    if (m.tiedEmbeddings !== undefined && typeof m.tiedEmbeddings !== "boolean")
      throw new InvalidTaxonomyError(at("tiedEmbeddings"), m.tiedEmbeddings, "give true or false");
    if (m.moe !== undefined) {
      object(at("moe"), m.moe);
      const moe = m.moe as Record<string, unknown>;
      number(`${at("moe")}.experts`, moe.experts, { integer: true, min: 2, max: 10_000 });
      number(`${at("moe")}.expertsPerToken`, moe.expertsPerToken, {
        integer: true,
        min: 1,
        max: moe.experts as number,
        why: "a token is routed to at most all experts",
      });
      number(`${at("moe")}.expertIntermediateSize`, moe.expertIntermediateSize, BOUNDS.modelWidth);
      if (moe.sharedExperts !== undefined) number(`${at("moe")}.sharedExperts`, moe.sharedExperts, { integer: true, min: 0, max: 1_000 });
      if (moe.moeLayers !== undefined)
        number(`${at("moe")}.moeLayers`, moe.moeLayers, { integer: true, min: 1, max: typeof m.layers === "number" ? m.layers : 1_000 });
      if (m.activeParamsBillion === undefined)
        throw new InvalidTaxonomyError(at("activeParamsBillion"), undefined, "give the parameters a token passes through (the model card's active count)");
    }
    if (m.slidingWindow !== undefined) {
      object(at("slidingWindow"), m.slidingWindow);
      const window = m.slidingWindow as Record<string, unknown>;
      number(`${at("slidingWindow")}.windowTokens`, window.windowTokens, BOUNDS.contextLengthTokens);
      number(`${at("slidingWindow")}.slidingLayers`, window.slidingLayers, {
        integer: true,
        min: 1,
        max: m.layers as number,
        why: "at most every layer is local",
      });
    }
    if (m.latentAttention !== undefined) {
      object(at("latentAttention"), m.latentAttention);
      const latent = m.latentAttention as Record<string, unknown>;
      number(`${at("latentAttention")}.kvLoraRank`, latent.kvLoraRank, BOUNDS.modelWidth);
      number(`${at("latentAttention")}.ropeHeadDim`, latent.ropeHeadDim, BOUNDS.modelWidth);
    }
  } else if (m.kind === "embedding") {
    if (m.task !== "embedding" && m.task !== "rerank") throw new InvalidTaxonomyError(at("task"), m.task, 'use "embedding" or "rerank"');
    if (m.architecture !== "encoder" && m.architecture !== "decoder")
      throw new InvalidTaxonomyError(at("architecture"), m.architecture, 'use "encoder" or "decoder"');
    number(at("layers"), m.layers, BOUNDS.layers);
    for (const field of ["hiddenSize", "intermediateSize"]) number(at(field), m[field], BOUNDS.modelWidth);
    number(at("contextLengthTokens"), m.contextLengthTokens, BOUNDS.contextLengthTokens);
  } else if (m.kind === "speech") {
    for (const field of ["encoderLayers", "decoderLayers"]) number(at(field), m[field], BOUNDS.layers);
    for (const field of ["hiddenSize", "intermediateSize"]) number(at(field), m[field], BOUNDS.modelWidth);
    for (const field of ["audioFrames", "maxTargetTokens"]) number(at(field), m[field], BOUNDS.contextLengthTokens);
  } else {
    number(at("typicalVramGB"), m.typicalVramGB, BOUNDS.typicalVramGB);
    if (m.speed !== undefined) checkDiffusionSpeed(at("speed"), m.speed);
  }
  checkSources(at("sources"), m.sources);
  checkedModels.add(spec as object);
}

function checkDiffusionSpeed(property: string, speed: unknown): void {
  object(property, speed);
  const v = speed as Record<string, unknown>;
  number(`${property}.defaultSteps`, v.defaultSteps, { integer: true, min: 1, max: 1000 });
  number(`${property}.stepSecondsAtPetaflop`, v.stepSecondsAtPetaflop, { above: 0, max: 1000 });
  if (v.measuredStepSeconds === undefined) return;
  object(`${property}.measuredStepSeconds`, v.measuredStepSeconds);
  for (const [gpu, seconds] of Object.entries(v.measuredStepSeconds as object))
    number(`${property}.measuredStepSeconds.${gpu}`, seconds, { above: 0, max: 1000 });
}

/** Checks what a platform adds to a taxonomy: rows, negotiated prices, models and the as-of date. */
export function checkTaxonomyExtension(extension: unknown, base: Taxonomy): asserts extension is TaxonomyExtension {
  object("taxonomy", extension);
  const e = extension as Partial<TaxonomyExtension>;
  if (e.instanceTypes !== undefined) {
    list("taxonomy.instanceTypes", e.instanceTypes);
    const seen = new Set<string>();
    e.instanceTypes.forEach((row, i) => {
      checkInstanceTypeSpec(`taxonomy.instanceTypes[${i}]`, row, base.gpus);
      if (seen.has(row.instanceType))
        throw new InvalidTaxonomyError(`taxonomy.instanceTypes[${i}].instanceType`, row.instanceType, "give each instance type once");
      seen.add(row.instanceType);
    });
  }
  if (e.usdPerInstanceHour !== undefined) {
    object("taxonomy.usdPerInstanceHour", e.usdPerInstanceHour);
    const known = new Set([...base.instanceTypes.map((t) => t.instanceType), ...(e.instanceTypes ?? []).map((t) => t.instanceType)]);
    for (const [name, price] of Object.entries(e.usdPerInstanceHour)) {
      const property = `taxonomy.usdPerInstanceHour[${JSON.stringify(name)}]`;
      if (!known.has(name))
        throw new InvalidTaxonomyError(property, price, `${name} is not an instance type of the taxonomy; add its row to instanceTypes first`);
      number(property, price, BOUNDS.usdPerHour);
    }
  }
  if (e.models !== undefined) {
    list("taxonomy.models", e.models);
    e.models.forEach((m, i) => checkModelSpec(`taxonomy.models[${i}]`, m));
  }
  if (e.asOf !== undefined) text("taxonomy.asOf", e.asOf, ISO_DATE, "give the day the figures were checked, as YYYY-MM-DD");
}

const checkedTaxonomies = new WeakSet<Taxonomy>();

/** Checks a whole taxonomy once (cached by identity): GPUs, every instance row, every model. */
export function checkTaxonomy(taxonomy: Taxonomy): void {
  if (checkedTaxonomies.has(taxonomy)) return;
  object("taxonomy", taxonomy);
  list("taxonomy.gpus", taxonomy.gpus, 1);
  taxonomy.gpus.forEach((g, i) => checkGpuModel(`taxonomy.gpus[${i}]`, g));
  list("taxonomy.instanceTypes", taxonomy.instanceTypes, 1);
  taxonomy.instanceTypes.forEach((t, i) => checkInstanceTypeSpec(`taxonomy.instanceTypes[${i}]`, t, taxonomy.gpus));
  list("taxonomy.models", taxonomy.models);
  taxonomy.models.forEach((m, i) => checkModelSpec(`taxonomy.models[${i}]`, m));
  text("taxonomy.asOf", taxonomy.asOf, ISO_DATE, "give the day the figures were checked, as YYYY-MM-DD");
  checkedTaxonomies.add(taxonomy);
}
