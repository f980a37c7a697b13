import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { buildExampleApp } from "../../examples/app";
import { buildWideApp } from "../terraform/wide-app";
import { renderTerraformString } from "./sandbox";

/** One instance's user data as EC2 hands it to cloud-init, and where it comes from. */
export interface GeneratedUserData {
  /** "<stack> <resource>", e.g. "chat aws_launch_template.assistant_launch-template_CBB46EA7". */
  readonly source: string;
  readonly text: string;
}

type StackJson = { resource?: Record<string, Record<string, Record<string, any>>> };

/** Every user data the example app and the wide app synthesize: launch templates' and instances' (Terraform-rendered). */
export function generatedUserData(): GeneratedUserData[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "user-data-"));
  try {
    buildExampleApp(new App({ outdir: path.join(outdir, "example") })).synth();
    buildWideApp(new App({ outdir: path.join(outdir, "wide") })).app.synth();
    const found: GeneratedUserData[] = [];
    for (const app of ["example", "wide"]) {
      const stacks = path.join(outdir, app, "stacks");
      for (const stack of fs.readdirSync(stacks).sort()) {
        const json: StackJson = JSON.parse(fs.readFileSync(path.join(stacks, stack, "cdk.tf.json"), "utf8"));
        for (const type of ["aws_launch_template", "aws_instance"]) {
          for (const [name, r] of Object.entries(json.resource?.[type] ?? {})) {
            // A template's user data is base64 at synth, or a Terraform expression where the user's was a reference.
            const literal = typeof r.user_data === "string" && !r.user_data.startsWith("${");
            const text = r.user_data_base64
              ? decode(r.user_data_base64)
              : type === "aws_launch_template"
                ? literal && decode(r.user_data)
                : r.user_data && renderTerraformString(r.user_data);
            if (text) found.push({ source: `${app}/${stack} ${type}.${name}`, text });
          }
        }
      }
    }
    return found;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function decode(base64: string): string {
  return Buffer.from(base64, "base64").toString("utf8");
}

/** What a user data runs, by the units its scripts write. */
export function kindOf(text: string): "fleet-server" | "single-server" | "job" | "cluster-node" | "metrics-only" | "other" {
  if (text.includes("gpu-workload-ready.service")) return "fleet-server";
  if (text.includes("gpu-workload-health.timer")) return "single-server";
  if (text.includes("/nodes-0")) return "cluster-node";
  if (text.includes("gpu-job.service")) return "job";
  if (text.includes("amazon-cloudwatch-agent")) return "metrics-only";
  return "other";
}
