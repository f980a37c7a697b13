/**
 * Plans for the report tests: the example app's real plan (the base), and a head as a pull request would make
 * it: chat's assistant moved to L40S with 3–6 replicas, media's upscale added, analytics' embeddings removed.
 * The changed and added workloads are synthesized for real (the example's team stacks, in its region), so
 * every figure in the head is one the library computed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { GpuPlatform, ImageGeneration, RealtimeInference } from "../../lib";
import { GpuPlan, GPU_PLAN_FILE, PlannedWorkload } from "../../lib/plan/gpu-plan";
import { readPlanFile } from "../../lib/plan/read-plan";
import { buildExampleApp } from "../../examples/app";
import { TeamStack } from "../../examples/team-stack";

export interface ExamplePlans {
  /** cdktf.out of the example app. */
  readonly baseDir: string;
  /** A cdktf.out holding the head plan. */
  readonly headDir: string;
  readonly base: GpuPlan;
  readonly head: GpuPlan;
}

export const REMOVED = "analytics/embeddings";
export const CHANGED = "chat/assistant";
export const ADDED = "media/upscale";

export function synthExamplePlans(): ExamplePlans {
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), "example-base-"));
  buildExampleApp(new App({ outdir: baseDir })).synth();
  const base = readPlan(baseDir);

  const changesDir = fs.mkdtempSync(path.join(os.tmpdir(), "example-changes-"));
  const app = new App({ outdir: changesDir });
  const platform = new GpuPlatform(app, "platform", { region: "us-east-1" });
  const chat = new TeamStack(app, "chat", platform);
  new RealtimeInference(chat, "assistant", {
    network: chat.network,
    model: "llama-3.1-8b",
    usage: { contextTokens: 8192, concurrency: 2 },
    replicas: { min: 3, max: 6 },
    gpus: ["L40S"],
  });
  const media = new TeamStack(app, "media", platform);
  new ImageGeneration(media, "upscale", { network: media.network, model: "sdxl" });
  app.synth();
  const changes = readPlan(changesDir);

  const head: GpuPlan = {
    ...base,
    workloads: [...base.workloads.filter((w) => w.path !== REMOVED && w.path !== CHANGED), ...changes.workloads].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  return { baseDir, headDir: writePlan(head), base, head };
}

function readPlan(dir: string): GpuPlan {
  return readPlanFile(path.join(dir, GPU_PLAN_FILE));
}

/**
 * Writes a plan into a new folder with the synth it would come with, and returns the folder: cdktf's manifest and a
 * stack per plan stack, reduced to what `report` holds a plan to (each workload's launch template, tagged and of its
 * instance type, and each fleet's Auto Scaling group with its max_size). Tests of that check use real synths.
 */
export function writePlan(plan: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
  fs.writeFileSync(path.join(dir, GPU_PLAN_FILE), JSON.stringify(plan, null, 2));
  const workloads = (plan as { workloads?: unknown })?.workloads;
  const listed = Array.isArray(workloads) ? (workloads as Partial<PlannedWorkload>[]).filter((w) => typeof w?.stack === "string") : [];
  const stacks: Record<string, object> = {};
  for (const name of new Set(listed.map((w) => w.stack!))) {
    const mine = listed.filter((w) => w.stack === name);
    const tags = { ManagedBy: "cdktf-gpu-workloads" };
    const resource = {
      aws_launch_template: Object.fromEntries(mine.map((w, i) => [`workload-${i}`, { instance_type: w.instanceType, tags }])),
      aws_autoscaling_group: Object.fromEntries(
        mine
          .filter((w) => w.capacity === "auto-scaling-group")
          .map((w, i) => [`fleet-${i}`, { max_size: w.instances?.max, tag: [{ key: "ManagedBy", value: "cdktf-gpu-workloads", propagate_at_launch: true }] }]),
      ),
    };
    fs.mkdirSync(path.join(dir, "stacks", name), { recursive: true });
    fs.writeFileSync(path.join(dir, "stacks", name, "cdk.tf.json"), JSON.stringify({ resource }));
    stacks[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
  }
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks }));
  return dir;
}

/** A plan as synth writes it, written by hand: one workload, chat/assistant; `workload` overrides its fields. */
export const oneWorkloadPlan = (workload: object = {}) => ({
  version: 2,
  tool: "cdktf-gpu-workloads",
  pricesAsOf: "2026-11-27",
  spotPricesAsOf: "2026-11-29",
  hoursPerMonth: 730,
  workloads: [
    {
      stack: "chat",
      path: "chat/assistant",
      workloadClass: "realtime-inference",
      region: "us-east-1",
      regionKnown: true,
      purchase: "on-demand",
      instanceType: "g5.xlarge",
      instanceTypes: ["g5.xlarge"],
      droppedInstanceTypes: [],
      gpu: "A10G",
      gpuCount: 1,
      gpuFraction: 1,
      nodeCount: 1,
      capacity: "instance",
      instances: { min: 1, desired: 1, max: 1 },
      usdPerInstanceHour: 1.006,
      spotUsdPerInstanceHour: null,
      usdPerHour: 1.006,
      usdPerMonth: 734.38,
      maxUsdPerMonth: 734.38,
      maxInstanceType: "g5.xlarge",
      reason: "why",
      alternatives: [],
      ...workload,
    },
  ],
});
