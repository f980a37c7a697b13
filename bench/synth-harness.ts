import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { peakRssMiB, report } from "./measure";

/**
 * Synthesizes one stack with an AWS provider and `argv[2]` workloads into a temp outdir (into `argv[3]`
 * and kept, when given, to diff the variants) and reports construction and synth time (modules are
 * loaded already: section 3 measures that), both as wall and as CPU time, peak RSS, and a hash of the stack JSON so the parent can
 * check that both variants emit the same thing.
 */
export function measureSynth(addWorkload: (stack: TerraformStack, id: string) => void): void {
  const count = Number(process.argv[2]);
  const keep = process.argv[3];
  const outdir = keep ?? mkdtempSync(path.join(tmpdir(), "gpu-workloads-bench-"));
  try {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "bench");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    for (let i = 0; i < count; i++) addWorkload(stack, `w${i}`);
    const constructed = performance.now();
    const cpuConstructed = process.cpuUsage();
    app.synth();
    const synthesized = performance.now();
    const cpuSynthesized = process.cpuUsage();
    // CPU time (user + system) of this process: steadier than the wall clock on a shared machine.
    const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1000;
    const json = readFileSync(path.join(outdir, "stacks", "bench", "cdk.tf.json"));
    const parsed = JSON.parse(json.toString()) as Record<string, Record<string, Record<string, unknown>> | undefined>;
    const entries = (block: string) =>
      Object.values(parsed[block] ?? {}).reduce((sum, byName) => sum + (typeof byName === "object" && byName ? Object.keys(byName).length : 0), 0);
    report({
      count,
      constructMs: constructed - start,
      synthMs: synthesized - constructed,
      totalMs: synthesized - start,
      constructCpuMs: cpuMs(cpuStart, cpuConstructed),
      synthCpuMs: cpuMs(cpuConstructed, cpuSynthesized),
      peakRssMiB: peakRssMiB(),
      sha256: createHash("sha256").update(json).digest("hex"),
      resources: entries("resource"),
      outputs: Object.keys(parsed.output ?? {}).length,
      // Anything beyond manifest.json and stacks/ is extra synth work the parent names.
      files: readdirSync(outdir),
      // Set when bench/stack-traces.js was preloaded to count cdktf's per-token stack traces.
      stackTraces: (globalThis as { benchStackTraces?: unknown }).benchStackTraces,
    });
  } finally {
    if (!keep) rmSync(outdir, { recursive: true, force: true });
  }
}
