import { formatUsd } from "../plan/money";
import { gpusLabel } from "../taxonomy/gpu-share";
import { rowPriceRegion } from "../taxonomy/pricing";
import { GpuWorkloadsError } from "../validation/errors";
import { GpuCountRequirement, SelectionRequirements } from "../selection/requirements";
import { selectInstance } from "../selection/select-instance";
import { Candidate, Decision } from "../selection/decision";
import { CpuArchitecture } from "../taxonomy/instance-type";
import { WORKLOAD_CLASSES, WorkloadClass } from "../taxonomy/workload-class";
import { OBJECTIVES, Objective } from "../taxonomy/workload-profile";
import { FlagSpec, JSON_FLAG, ParsedFlags, flag } from "./args";
import { command } from "./command";
import { MODEL_FLAGS, MODEL_FLAG_FOR, modelFromFlags, usageFromFlags } from "./model-flags";
import { hourlyOr, renderTable } from "./table";
import { wrap } from "./wrap";

/** The flags select takes. */
const SELECT_FLAGS = {
  workload: flag.string("CLASS", `the workload class: ${WORKLOAD_CLASSES.join(", ")}`),
  gpus: flag.list("A,B", "GPUs in order of preference: the first with a feasible type wins (default: the class's)"),
  "any-of": flag.list("A,B", "a set of GPUs; the objective decides between them"),
  "min-gpu-memory": flag.number("GB", "memory per GPU, as marketed (A10G 24, L40S 48, H100 80)"),
  "gpu-count": flag.number("N", "exactly N GPUs per instance (default: the class's, 8 for training)"),
  "min-gpu-count": flag.number("N", "at least N GPUs per instance"),
  "min-total-gpu-memory": flag.number("GB", "GPU memory of one instance, all GPUs together"),
  "min-vcpus": flag.number("N", "vCPUs per instance"),
  "min-memory": flag.number("GiB", "host memory per instance"),
  "min-bandwidth": flag.number("GBps", "memory bandwidth per GPU (default: the class's floor, 600 for realtime inference)"),
  efa: flag.switch("only types with Elastic Fabric Adapter"),
  region: flag.string("R", "only types offered in this region, at its prices (default: any region, us-east-1 prices)"),
  arch: flag.string("A", "CPU architecture: x86_64 or arm64 (default: either)"),
  "max-price": flag.number("USD", "ceiling on the on-demand dollars per hour of the whole fleet: all nodes and all replicas"),
  "instance-type": flag.string("T", "pin this type; every other requirement is still checked"),
  spot: flag.switch("buy on spot (default: the class's purchase option)"),
  "capacity-block": flag.switch("buy through EC2 Capacity Blocks for ML"),
  objective: flag.string("O", `how to rank: ${OBJECTIVES.join(", ")} (default: the class's)`),
  nodes: flag.number("N", "instances that run one job together (default 1; training and full fine-tunes: estimated)"),
  throughput: flag.number("TOKENS_PER_S", "output tokens per second the fleet must produce; sizes the replicas (needs --model)"),
  "min-stream-tokens": flag.number("N", "with --throughput: tokens per second each stream must see at least"),
  "input-tokens": flag.number("TOKENS_PER_S", "embedding models: input tokens per second the fleet must embed; sizes the replicas (needs --model)"),
  "images-per-minute": flag.number("N", "diffusion models: images per minute the fleet must generate; sizes the replicas (needs --model)"),
  "training-tokens": flag.number("N", "tokens a fine-tune or training run processes; ranks types by dollars per run (needs --model)"),
  deadline: flag.number("HOURS", "with --training-tokens: the run must end within HOURS; cluster types grow to the fewest nodes that make it"),
  "runs-per-month": flag.number("N", "with --training-tokens: runs a month, for the monthly cost (default 1)"),
  "native-precision": flag.switch("exclude GPUs that run the precision emulated or weight-only"),
  verbose: flag.switch("list every alternative and every rejected type (default: the best few, and rejections counted by reason)"),
  "min-cluster-network": flag.number("GBPS", "network bandwidth a multi-node run's instances need (default 400)"),
  ...MODEL_FLAGS,
  json: JSON_FLAG,
} satisfies FlagSpec;

/** select's flags as parsed. */
type SelectFlags = ParsedFlags<typeof SELECT_FLAGS>;

export const selectCommand = command({
  name: "select",
  summary: "choose the instance type for a workload, with why, alternatives and rejections",
  usage:
    "gpu-workloads select --workload <" +
    WORKLOAD_CLASSES.join("|") +
    "> [--gpus L40S,A10G | --any-of L40S,A10G] [--min-gpu-memory GB] [--gpu-count N | --min-gpu-count N]" +
    " [--min-total-gpu-memory GB] [--min-vcpus N] [--min-memory GiB] [--min-bandwidth GBps] [--efa] [--region R]" +
    ` [--arch x86_64|arm64] [--max-price USD] [--instance-type T] [--spot | --capacity-block] [--objective ${OBJECTIVES.join("|")}] [--nodes N]` +
    " [--model NAME --mode inference|lora|full --context N --concurrency N --precision P --engine E ...(see estimate)]" +
    " [--throughput TOKENS_PER_S [--min-stream-tokens N] | --input-tokens TOKENS_PER_S | --images-per-minute N] [--training-tokens N [--deadline HOURS] [--runs-per-month N]] [--native-precision] [--min-cluster-network GBPS] [--verbose | --json]",
  flags: SELECT_FLAGS,
  examples: [
    "gpu-workloads select --workload realtime-inference --model llama-3.1-8b --region eu-west-1",
    "gpu-workloads select --workload realtime-inference --model llama-3.1-8b --throughput 2000",
    "gpu-workloads select --workload fine-tuning --model llama-3.1-8b --training-tokens 1000000000",
  ],
  flagFor: {
    ...MODEL_FLAG_FOR,
    workload: "--workload",
    gpus: "--gpus",
    anyOf: "--any-of",
    minGpuMemoryGB: "--min-gpu-memory",
    gpuCount: "--gpu-count",
    "gpuCount.min": "--min-gpu-count",
    minTotalGpuMemoryGB: "--min-total-gpu-memory",
    minVcpus: "--min-vcpus",
    minMemoryGiB: "--min-memory",
    minMemoryBandwidthGBps: "--min-bandwidth",
    region: "--region",
    cpuArchitecture: "--arch",
    maxUsdPerHour: "--max-price",
    purchase: "--spot",
    objective: "--objective",
    nodes: "--nodes",
    instanceType: "--instance-type",
    throughput: "--throughput",
    "throughput.outputTokensPerSecond": "--throughput",
    "throughput.minTokensPerSecondPerStream": "--min-stream-tokens",
    inputTokensPerSecond: "--input-tokens",
    imagesPerMinute: "--images-per-minute",
    trainingTokens: "--training-tokens",
    maxHours: "--deadline",
    runsPerMonth: "--runs-per-month",
    fp8Training: "--fp8-training",
    minClusterNetworkGbps: "--min-cluster-network",
    tensorParallelSize: "--tensor-parallel-size",
  },
  run(flags) {
    const decision = selectInstance(requirementsFromFlags(flags));
    // Cost fields in the words of COST_VOCABULARY, as in the plan file.
    const json = {
      region: decision.region,
      regionKnown: decision.regionKnown,
      purchase: decision.purchase,
      instanceType: decision.instanceType,
      gpu: decision.gpu.name,
      gpuCount: decision.gpuCount,
      gpuFraction: decision.gpuFraction,
      nodeCount: decision.nodeCount,
      replicas: decision.replicas,
      instances: decision.nodeCount * decision.replicas,
      usdPerInstanceHour: decision.usdPerInstanceHour,
      spotUsdPerInstanceHour: decision.spotUsdPerInstanceHour,
      usdPerHour: decision.usdPerHour,
      usdPerMonth: decision.usdPerMonth,
      maxUsdPerMonth: decision.maxUsdPerMonth,
      pricesAsOf: decision.pricesAsOf,
      spotPricesAsOf: decision.spotPricesAsOf,
      objective: decision.objective,
      reason: decision.reason,
      memoryEstimate: decision.memoryEstimate ?? null,
      precision: decision.precision ?? null,
      throughput: decision.throughput ?? null,
      job: decision.job ?? null,
      run: decision.run ?? null,
      embedding: decision.embedding ?? null,
      images: decision.images ?? null,
      alternatives: decision.alternatives.map((a) => ({
        instanceType: a.instanceType,
        gpu: a.gpu.name,
        gpuCount: a.gpuCount,
        gpuFraction: a.gpuFraction,
        nodeCount: a.nodeCount,
        usdPerInstanceHour: a.usdPerInstanceHour,
        spotUsdPerInstanceHour: a.spotUsdPerInstanceHour,
        onDemandUsdPerHour: a.onDemandUsdPerHour,
        ...(a.throughput ? { replicas: a.throughput.replicas, outputTokensPerSecondPerReplica: a.throughput.outputTokensPerSecondPerReplica } : {}),
        ...(a.embedding ? { replicas: a.embedding.replicas, inputTokensPerSecondPerReplica: a.embedding.inputTokensPerSecondPerReplica } : {}),
        ...(a.images ? { replicas: a.images.replicas, imagesPerMinutePerReplica: a.images.imagesPerMinutePerReplica } : {}),
        ...(a.job ? { hours: a.job.hours, usdPerJob: a.job.usdPerJob } : {}),
      })),
      rejected: decision.rejected.map((r) => ({ instanceType: r.instanceType, constraint: r.constraint, reason: r.reason })),
    };
    // The text is written only when printed: --json never builds it.
    return {
      json,
      get text() {
        return selectText(decision, flags);
      },
    };
  },
});

/** The decision as a screenful of text: what, its cost, what the work gets, why, the best alternatives, rejections counted. */
function selectText(decision: Decision, flags: SelectFlags): string {
  const instances = decision.nodeCount * decision.replicas;
  const nodes = instances > 1 ? `${instances} × ` : "";
  const made = [decision.replicas > 1 && `${decision.replicas} replicas`, decision.nodeCount > 1 && `${decision.nodeCount} nodes`].filter(Boolean).join(" × ");
  const fleet = instances > 1 ? ` for ${instances === 2 ? "both" : `all ${instances}`} instances (${made})` : "";
  const spot = decision.spotUsdPerInstanceHour === null ? "no spot estimate" : `spot ${hourlyOr(decision.spotUsdPerInstanceHour)}`;
  // The region whose price is quoted: a type not sold in us-east-1 is priced where it is sold.
  const pricedIn = decision.priceFromReferenceRegion ? rowPriceRegion(decision.spec) : decision.region;
  const where = !decision.regionKnown
    ? `in ${pricedIn} (no --region given)`
    : pricedIn === decision.region
      ? `in ${decision.region}`
      : `in ${decision.region} (${pricedIn}'s price: the table has none for ${decision.region})`;
  return [
    `${decision.workload}: ${nodes}${decision.instanceType} — ${gpusLabel(decision.gpuCount, decision.gpuFraction, decision.gpu.name)} per instance, ${decision.purchase}`,
    wrap(
      `Cost ${where}: per instance ${hourlyOr(decision.usdPerInstanceHour)}/hour on-demand (${spot}); total${fleet} ${hourlyOr(decision.usdPerHour)}/hour and ` +
        `${formatUsd(decision.usdPerMonth)}/month expected, ${formatUsd(decision.maxUsdPerMonth)}/month at most (prices as of ${decision.pricesAsOf}, spot as of ${decision.spotPricesAsOf})`,
      "  ",
    ),
    ...workLines(decision).map((line) => wrap(line, "  ")),
    "",
    wrap(`Why: ${decision.reason}`, "  "),
    "",
    ...alternativesLines(decision, flags.verbose === true),
    "",
    ...rejectedLines(decision, flags, selectCommand.flagFor ?? {}),
  ].join("\n");
}

/** What the work gets: tokens per second and replicas for inference, hours and USD per run for fine-tunes. */
function workLines(d: Decision): string[] {
  const lines: string[] = [];
  if (d.throughput) {
    const t = d.throughput;
    lines.push(
      `Throughput: ${t.outputTokensPerSecondPerReplica} output tokens/s per replica (${t.sequencesPerReplica} sequence${t.sequencesPerReplica === 1 ? "" : "s"} at ${t.outputTokensPerSecondPerStream} tokens/s each, bound by ${t.boundBy}); ` +
        `${t.replicas} replica${t.replicas === 1 ? "" : "s"}; ${t.copiesPerReplica > 1 ? `${t.copiesPerReplica} copies per instance at tensor-parallel size ${t.tensorParallelSize}; ` : ""}` +
        `first token after ${t.timeToFirstTokenSeconds} s; $${t.usdPerMillionOutputTokens} per million output tokens at ${d.purchase} prices`,
    );
  }
  if (d.embedding) {
    const e = d.embedding;
    lines.push(
      `Embedding: ${e.inputTokensPerSecondPerReplica} input tokens/s per instance; ${e.replicas} replica${e.replicas === 1 ? "" : "s"}; ` +
        `$${e.usdPerMillionInputTokens} per million input tokens at ${d.purchase} prices`,
    );
  }
  if (d.images) {
    const im = d.images;
    lines.push(
      `Images: ${im.imagesPerMinutePerReplica} per minute per instance at ${im.steps} steps; ${im.replicas} replica${im.replicas === 1 ? "" : "s"}; ` +
        `$${im.usdPerThousandImages} per thousand images at ${d.purchase} prices`,
    );
  }
  if (d.job && d.run) {
    const j = d.job;
    const nodes = d.nodeCount > 1 ? ` on ${d.nodeCount} nodes` : "";
    const runs = d.run.runsPerMonth === 1 ? "1 run a month" : `${d.run.runsPerMonth} runs a month`;
    lines.push(
      `Job: ${j.trainingTokens.toExponential(2)} tokens in ≈ ${j.hours} h${nodes} (${Math.round(j.startHours * 60)} min of it to start) at ${Math.round(j.mfu * 100)}% MFU; ` +
        `${formatUsd(d.run.usdPerRun)} per run at ${d.purchase} prices; ${runs}: ${formatUsd(d.usdPerMonth)}/month`,
    );
  }
  if (d.precision && d.precision.support !== "native") lines.push(`Precision: ${d.precision.note}`);
  return lines;
}

/** Alternatives shown without --verbose: a screen's worth. */
const SHOWN_ALTERNATIVES = 5;

/** What each objective ranks by, as a column: the table is sorted by it (after any --gpus preference order). */
const RANKED_BY: Readonly<Record<Objective, { readonly header: string; readonly words: string; readonly cell: (a: Candidate) => string }>> = {
  cost: { header: "$/h all", words: "the on-demand $/h of all its instances", cell: (a) => hourlyOr(a.onDemandUsdPerHour) },
  "compute-cost": { header: "$/TFLOPS-h", words: "$/h per dense BF16 TFLOPS", cell: (a) => `$${a.usdPerTflopsHour.toFixed(4)}` },
  "job-cost": { header: "$/job", words: "the on-demand $ per run", cell: (a) => (a.job ? formatUsd(a.job.usdPerJob) : "–") },
  "throughput-cost": { header: "$/h fleet", words: "the on-demand $/h of the fleet the target needs", cell: (a) => hourlyOr(a.onDemandUsdPerHour) },
};

/**
 * The alternatives, best first: the column they are ranked by first, then what the work gets (replicas and tokens for a
 * throughput target, nodes and hours for a run). The best few unless --verbose.
 */
function alternativesLines(d: Decision, verbose: boolean): string[] {
  const all = d.alternatives;
  if (all.length === 0) return ["Alternatives: none"];
  const shown = verbose ? all : all.slice(0, SHOWN_ALTERNATIVES);
  const ranked = RANKED_BY[d.objective];
  const preferred = new Set(all.map((a) => a.preferenceRank)).size > 1;
  const nodes = all.some((a) => a.nodeCount > 1);
  const headers = [
    "instance",
    "GPUs",
    ...(preferred ? ["--gpus rank"] : []),
    ranked.header,
    "$/inst-h",
    "spot",
    ...(nodes ? ["nodes"] : []),
    ...workHeaders(d),
  ];
  const rows = shown.map((a) => [
    a.instanceType,
    gpusLabel(a.gpuCount, a.gpuFraction, a.gpu.name),
    ...(preferred ? [a.preferenceRank + 1] : []),
    ranked.cell(a),
    hourlyOr(a.usdPerInstanceHour),
    hourlyOr(a.spotUsdPerInstanceHour),
    ...(nodes ? [a.nodeCount] : []),
    ...workCells(d, a),
  ]);
  const more = all.length - shown.length;
  return [
    wrap(
      `Alternatives (${all.length}), best first by ${preferred ? "your --gpus order, then " : ""}${ranked.words}${more > 0 ? `; the best ${shown.length} shown (--verbose for all)` : ""}:`,
      "  ",
    ),
    renderTable(headers, rows),
  ];
}

function workHeaders(d: Decision): string[] {
  return d.throughput
    ? ["replicas", "tok/s/replica", "$/M tokens"]
    : d.embedding
      ? ["replicas", "in tok/s/replica", "$/M in"]
      : d.images
        ? ["replicas", "img/min/replica", "$/k images"]
        : d.job
          ? ["hours"]
          : [];
}

function workCells(d: Decision, a: Candidate): (string | number)[] {
  if (d.throughput)
    return a.throughput ? [a.throughput.replicas, a.throughput.outputTokensPerSecondPerReplica, `$${a.throughput.usdPerMillionOutputTokens}`] : ["–", "–", "–"];
  if (d.embedding)
    return a.embedding ? [a.embedding.replicas, a.embedding.inputTokensPerSecondPerReplica, `$${a.embedding.usdPerMillionInputTokens}`] : ["–", "–", "–"];
  if (d.images) return a.images ? [a.images.replicas, a.images.imagesPerMinutePerReplica, `$${a.images.usdPerThousandImages}`] : ["–", "–", "–"];
  if (d.job) return [a.job ? a.job.hours : "–"];
  return [];
}

/** The rejected types: counted by what ruled them out (by the flag, where one was typed), or with --verbose every one and why. */
function rejectedLines(d: Decision, flags: SelectFlags, flagFor: Readonly<Record<string, string>>): string[] {
  const rejected = d.rejected;
  const typed = (constraint: string) => {
    const flag = flagFor[constraint];
    return flag !== undefined && Object.prototype.hasOwnProperty.call(flags, flag.slice(2)) ? flag : constraint;
  };
  if (flags.verbose === true)
    return [
      `Rejected (${rejected.length}):`,
      renderTable(
        ["instance", "ruled out by", "why"],
        rejected.map((r) => [r.instanceType, r.constraint, r.reason]),
      ),
    ];
  const counts = new Map<string, number>();
  for (const r of rejected) counts.set(r.constraint, (counts.get(r.constraint) ?? 0) + 1);
  const byReason = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c, n]) => `${n} by ${typed(c)}`);
  return [wrap(`Rejected (${rejected.length}): ${byReason.join(", ")}. --verbose lists each with why.`, "  ")];
}

function requirementsFromFlags(flags: SelectFlags): SelectionRequirements {
  const workload = flags.workload;
  if (workload === undefined) {
    throw new GpuWorkloadsError("MissingWorkload", `select needs --workload, one of ${WORKLOAD_CLASSES.join(", ")}.`);
  }
  if (!WORKLOAD_CLASSES.includes(workload as WorkloadClass)) {
    throw new GpuWorkloadsError("UnknownWorkload", `--workload "${workload}" is not a workload class; use one of ${WORKLOAD_CLASSES.join(", ")}.`);
  }
  if (flags.spot === true && flags["capacity-block"] === true) {
    throw new GpuWorkloadsError("ConflictingFlags", "give --spot or --capacity-block, not both.");
  }
  if (flags["gpu-count"] !== undefined && flags["min-gpu-count"] !== undefined) {
    throw new GpuWorkloadsError("ConflictingFlags", "give --gpu-count (exact) or --min-gpu-count (at least), not both.");
  }
  const gpuCount: GpuCountRequirement | undefined = flags["min-gpu-count"] !== undefined ? { min: flags["min-gpu-count"] } : flags["gpu-count"];
  const model = modelFromFlags(flags);
  return {
    workload: workload as WorkloadClass,
    gpus: flags.gpus,
    anyOf: flags["any-of"],
    minGpuMemoryGB: flags["min-gpu-memory"],
    minTotalGpuMemoryGB: flags["min-total-gpu-memory"],
    gpuCount,
    minVcpus: flags["min-vcpus"],
    minMemoryGiB: flags["min-memory"],
    minMemoryBandwidthGBps: flags["min-bandwidth"],
    efa: flags.efa === true ? true : undefined,
    region: flags.region,
    cpuArchitecture: flags.arch as CpuArchitecture | undefined,
    maxUsdPerHour: flags["max-price"],
    purchase: flags.spot === true ? "spot" : flags["capacity-block"] === true ? "capacity-block" : undefined,
    objective: flags.objective as Objective | undefined,
    nodes: flags.nodes,
    instanceType: flags["instance-type"],
    model,
    usage: model ? usageFromFlags(flags) : undefined,
    throughput:
      flags.throughput !== undefined || flags["min-stream-tokens"] !== undefined
        ? // Without --throughput, selection refuses the target and names the flag.
          {
            outputTokensPerSecond: flags.throughput!,
            ...(flags["min-stream-tokens"] !== undefined ? { minTokensPerSecondPerStream: flags["min-stream-tokens"] } : {}),
          }
        : undefined,
    inputTokensPerSecond: flags["input-tokens"],
    imagesPerMinute: flags["images-per-minute"],
    trainingTokens: flags["training-tokens"],
    maxHours: flags.deadline,
    runsPerMonth: flags["runs-per-month"],
    nativePrecision: flags["native-precision"] === true ? true : undefined,
    minClusterNetworkGbps: flags["min-cluster-network"],
  };
}
