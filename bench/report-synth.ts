import { median, runChild } from "./child";
import { fixed, ratio, table } from "./markdown";

interface SynthResult {
  constructMs: number;
  synthMs: number;
  totalMs: number;
  constructCpuMs: number;
  synthCpuMs: number;
  peakRssMiB: number;
  sha256: string;
  resources: number;
  outputs: number;
  files: string[];
  stackTraces?: { captures: number; frames: number };
}

const COUNTS = [1, 10, 100, 1000, 3000];
/** 1,000 workloads take tens of seconds per process, 3,000 a minute: fewer runs keep the whole bench within minutes. */
const runsFor = (count: number) => (count >= 3000 ? 1 : count >= 1000 ? 2 : 3);

interface Summary {
  constructMs: number;
  synthMs: number;
  totalMs: number;
  constructCpuMs: number;
  synthCpuMs: number;
  rss: number;
  hashes: Set<string>;
}

/**
 * The median run by total time, so its construct and synth parts add up to the total shown
 * (the two middle runs averaged for an even count); RSS is its own median.
 */
function summarize(results: readonly SynthResult[]): Summary {
  const byTotal = [...results].sort((a, b) => a.totalMs - b.totalMs);
  const mid = Math.floor(byTotal.length / 2);
  const middle = byTotal.length % 2 ? [byTotal[mid]] : [byTotal[mid - 1], byTotal[mid]];
  const mean = (pick: (r: SynthResult) => number) => middle.reduce((sum, r) => sum + pick(r), 0) / middle.length;
  return {
    constructMs: mean((r) => r.constructMs),
    synthMs: mean((r) => r.synthMs),
    totalMs: mean((r) => r.totalMs),
    constructCpuMs: mean((r) => r.constructCpuMs),
    synthCpuMs: mean((r) => r.synthCpuMs),
    rss: median(results.map((r) => r.peakRssMiB)),
    hashes: new Set(results.map((r) => r.sha256)),
  };
}

/** Item 4: construction + app.synth() time and peak RSS for N workloads, library against hand-written cdktf. */
export function synthSection(progress: (message: string) => void): string {
  const rows: string[][] = [];
  const cpuRows: string[][] = [];
  const perWorkload: string[][] = [];
  let identical = true;
  const extraFiles = new Set<string>();
  let perWorkloadShape = "";
  const summaries = new Map<number, { library: Summary; baseline: Summary }>();
  for (const count of COUNTS) {
    progress(`synth N=${count}`);
    const lib: SynthResult[] = [];
    const base: SynthResult[] = [];
    // Alternate the two so a noisy moment on the machine hits both alike.
    for (let i = 0; i < runsFor(count); i++) {
      lib.push(runChild<SynthResult>("synth-library", [count]));
      base.push(runChild<SynthResult>("synth-baseline", [count]));
    }
    lib
      .flatMap((r) => r.files)
      .filter((f) => f !== "manifest.json" && f !== "stacks")
      .forEach((f) => extraFiles.add(f));
    if (count === 1) perWorkloadShape = `${lib[0].resources} resources and ${lib[0].outputs} outputs`;
    const l = summarize(lib);
    const b = summarize(base);
    summaries.set(count, { library: l, baseline: b });
    const same = l.hashes.size === 1 && b.hashes.size === 1 && [...l.hashes][0] === [...b.hashes][0];
    identical &&= same;
    rows.push([
      String(count),
      String(runsFor(count)),
      `${fixed(l.totalMs, 0)} (${fixed(l.constructMs, 0)} + ${fixed(l.synthMs, 0)})`,
      `${fixed(b.totalMs, 0)} (${fixed(b.constructMs, 0)} + ${fixed(b.synthMs, 0)})`,
      `**${ratio(l.totalMs, b.totalMs)}**`,
      fixed(l.rss),
      fixed(b.rss),
      `**${ratio(l.rss, b.rss)}**`,
      same ? "yes" : "**no**",
    ]);
    const cpu = (s: Summary) => s.constructCpuMs + s.synthCpuMs;
    cpuRows.push([
      String(count),
      `${fixed(cpu(l), 0)} (${fixed(l.constructCpuMs, 0)} + ${fixed(l.synthCpuMs, 0)})`,
      `${fixed(cpu(b), 0)} (${fixed(b.constructCpuMs, 0)} + ${fixed(b.synthCpuMs, 0)})`,
      ratio(l.constructCpuMs, b.constructCpuMs),
      ratio(l.synthCpuMs, b.synthCpuMs),
      `**${ratio(cpu(l), cpu(b))}**`,
    ]);
    perWorkload.push([
      String(count),
      fixed(l.constructMs / count, 2),
      fixed(b.constructMs / count, 2),
      fixed(l.synthMs / count, 2),
      fixed(b.synthMs / count, 2),
      fixed(l.totalMs / count, 2),
      fixed(b.totalMs / count, 2),
    ]);
  }

  return [
    "## 4. Synth time and peak memory",
    "",
    "One `TerraformStack` with an `AwsProvider` (us-east-1) and N workloads, real `app.synth()` into a temp outdir, a fresh process per measurement. " +
      "Library: N default `RealtimeInference` workloads" +
      (extraFiles.size ? ` (its synth also writes ${[...extraFiles].map((f) => `\`${f}\``).join(", ")}, counted in its time)` : "") +
      `. Baseline: hand-written plain cdktf declaring the same ${perWorkloadShape} per workload, and the 3 data sources every stack shares (the type's offering and description, the region), with literal values. ` +
      "Time is construction + `app.synth()` (process start and module load excluded; see section 3); RSS is the whole process's peak. Median run by total time; median RSS.",
    "",
    table(
      [
        "N",
        "runs",
        "library ms (construct + synth)",
        "baseline ms (construct + synth)",
        "time ratio",
        "library peak RSS MiB",
        "baseline peak RSS MiB",
        "RSS ratio",
        "identical JSON",
      ],
      rows,
    ),
    "",
    identical
      ? "Both variants wrote byte-identical `cdk.tf.json` for every N (same SHA-256), so the comparison is like for like."
      : "**The two variants did not write identical `cdk.tf.json`** (SHA-256 differs): the library's output changed and bench/synth-baseline.ts " +
        "no longer mirrors it. See how with `node dist/bench/synth-library.js 1 /tmp/l`, `node dist/bench/synth-baseline.js 1 /tmp/b` and a diff of their `stacks/bench/cdk.tf.json`.",
    "",
    "CPU time (user + system) of the same runs, the steadier measure on a shared machine (the target is 1.1× at every N):",
    "",
    table(["N", "library CPU ms (construct + synth)", "baseline CPU ms (construct + synth)", "construct ratio", "synth ratio", "total CPU ratio"], cpuRows),
    "",
    "Per workload (ms / N), to show how time grows with N:",
    "",
    table(["N", "library construct", "baseline construct", "library synth", "baseline synth", "library total", "baseline total"], perWorkload),
    "",
    stackTraceSection(progress, summaries.get(STACK_TRACE_N)!),
  ].join("\n");
}

/** The N at which the stack traces' share is measured. */
const STACK_TRACE_N = 1000;

/**
 * What cdktf's per-token stack traces cost each variant at N = 1,000: every resource attribute read and every complex
 * attribute a provider constructor sets up is a token, and cdktf records the whole stack for each. A counting run gives
 * the tokens and their depth; two runs with the capture replaced by a no-op give the CPU without it.
 */
function stackTraceSection(progress: (message: string) => void, withTraces: { library: Summary; baseline: Summary }): string {
  progress(`synth N=${STACK_TRACE_N} without stack traces`);
  const variants = [
    ["library", "synth-library", withTraces.library],
    ["baseline", "synth-baseline", withTraces.baseline],
  ] as const;
  const counted = variants.map(([, script]) =>
    runChild<SynthResult>(script, [STACK_TRACE_N], { preload: "stack-traces", env: { BENCH_STACK_TRACES: "count" } }),
  );
  const without = variants.map(([, script]) =>
    summarize([0, 1].map(() => runChild<SynthResult>(script, [STACK_TRACE_N], { preload: "stack-traces", env: { BENCH_STACK_TRACES: "off" } }))),
  );
  const cpu = (s: Summary) => s.constructCpuMs + s.synthCpuMs;
  const rows = variants.map(([name, , traced], i) => {
    const { captures, frames } = counted[i].stackTraces!;
    return [
      name,
      fixed(captures / STACK_TRACE_N, 1),
      fixed(frames / captures, 1),
      `${fixed(cpu(traced), 0)} (${fixed(traced.constructCpuMs, 0)} + ${fixed(traced.synthCpuMs, 0)})`,
      `${fixed(cpu(without[i]), 0)} (${fixed(without[i].constructCpuMs, 0)} + ${fixed(without[i].synthCpuMs, 0)})`,
      `${fixed((100 * (cpu(traced) - cpu(without[i]))) / cpu(traced), 0)}%`,
    ];
  });
  return [
    `### Where the difference goes (N = ${STACK_TRACE_N.toLocaleString("en-US")})`,
    "",
    "cdktf records the whole call stack of every token it makes (each resource attribute read, each complex attribute a provider " +
      "constructor sets up), to name where an unresolvable one came from. The library's resources are made two frames deeper than " +
      "hand-written code (the typed class and GpuWorkload) and each stack is longer, so the same tokens cost it more. A counting run " +
      "gives the tokens and their depth; two runs per variant with the capture replaced by a no-op give the CPU without it:",
    "",
    table(["variant", "tokens per workload", "frames per token", "CPU ms with traces", "CPU ms without", "traces' share"], rows),
    "",
    `Without the traces the library costs ${ratio(cpu(without[0]), cpu(without[1]))} the baseline's CPU; with them, ${ratio(cpu(withTraces.library), cpu(withTraces.baseline))}.`,
  ].join("\n");
}
