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
 * loaded already: section 3 measures that), peak RSS, and a hash of the stack JSON so the parent can
 * check that both variants emit the same thing.
 */
export function measureSynth(addWorkload: (stack: TerraformStack, id: string) => void): void {
  const count = Number(process.argv[2]);
  const keep = process.argv[3];
  const outdir = keep ?? mkdtempSync(path.join(tmpdir(), "gpu-workloads-bench-"));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "bench");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    for (let i = 0; i < count; i++) addWorkload(stack, `w${i}`);
    const constructed = performance.now();
    app.synth();
    const synthesized = performance.now();
    const json = readFileSync(path.join(outdir, "stacks", "bench", "cdk.tf.json"));
    report({
      count,
      constructMs: constructed - start,
      synthMs: synthesized - constructed,
      totalMs: synthesized - start,
      peakRssMiB: peakRssMiB(),
      sha256: createHash("sha256").update(json).digest("hex"),
      // Anything beyond manifest.json and stacks/ is extra synth work the parent names.
      files: readdirSync(outdir),
    });
  } finally {
    if (!keep) rmSync(outdir, { recursive: true, force: true });
  }
}
