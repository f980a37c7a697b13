import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { BatchProcessing, ImageGeneration, Training, WorkloadProps } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { GPU_PLAN_FILE } from "../../lib/plan/gpu-plan";
import { readPlanFile } from "../../lib/plan/read-plan";
import { SchemaSubsetValidator } from "../cli/json-schema-subset";
import { NETWORK, captureError, only, outputValue, synthStack } from "./synth";

const IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312-cu129-ubuntu22.04-ec2";
const PRETRAIN: WorkloadProps = {
  network: NETWORK,
  model: "llama-3.1-8b",
  trainingTokens: 1e10,
  gpus: ["H100"],
  runsPerMonth: 3,
  job: { image: IMAGE, command: ["torchrun", "/workspace/train.py"] },
};

describe("a job is costed per run where its instances stop when it ends", () => {
  test("the capacity, its outputs and the decision agree: usdPerMonth is the runs, the worst case a whole month", () => {
    let training!: Training;
    const json = synthStack((s) => (training = new Training(s, "pretrain", PRETRAIN)));
    const run = training.capacity.run!;
    expect(run).toEqual(training.decision.run);
    expect(run.runsPerMonth).toBe(3);
    expect(run.hoursPerRun).toBe(training.decision.job!.hours);
    expect(training.capacity.usdPerMonth).toBeCloseTo(3 * run.usdPerRun, 1);
    expect(training.capacity.maxUsdPerMonth).toBeCloseTo(training.decision.onDemandUsdPerHour * 730, 1);
    expect(outputValue(json, "usd-per-run")).toBe(run.usdPerRun);
    expect(outputValue(json, "hours-per-run")).toBe(run.hoursPerRun);
    expect(outputValue(json, "runs-per-month")).toBe(3);
    expect(outputValue(json, "usd-per-month")).toBe(training.capacity.usdPerMonth);
  });

  test("instances kept after the job (shutdownOnExit false) run all month, and runsPerMonth is refused there", () => {
    let kept!: Training;
    synthStack((s) => (kept = new Training(s, "kept", { ...PRETRAIN, runsPerMonth: undefined, job: { ...PRETRAIN.job!, shutdownOnExit: false } })));
    expect(kept.capacity.run).toBeUndefined();
    expect(kept.capacity.usdPerMonth).toBeCloseTo(kept.capacity.usdPerHour * 730, 1);
    expect(captureError(() => synthStack((s) => new Training(s, "kept", { ...PRETRAIN, job: { ...PRETRAIN.job!, shutdownOnExit: false } })))).toMatchObject({
      message: expect.stringMatching(/runsPerMonth is 3; runs are priced for a job whose instances stop when it ends: give job/),
    });
    expect(captureError(() => synthStack((s) => new Training(s, "bare", { ...PRETRAIN, job: undefined })))).toMatchObject({
      message: expect.stringMatching(/runsPerMonth is 3/),
    });
  });

  test("the plan file records the runs and report shows them in a table of their own, within its schema", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "job-runs-"));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "research");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const training = new Training(stack, "pretrain", PRETRAIN);
    app.synth();
    const planned = readPlanFile(path.join(outdir, GPU_PLAN_FILE)).workloads[0];
    expect(planned.run).toEqual(training.capacity.run);
    expect(planned.usdPerMonth).toBe(training.capacity.usdPerMonth);
    const text = runCli(["report", "--dir", outdir]).stdout;
    expect(text).toContain("Jobs (their instances stop when the job ends: $/month is the runs, not 730 hours;");
    expect(text).toMatch(new RegExp(`research/pretrain\\s+${planned.run!.hoursPerRun} h\\s+\\$[\\d,.]+\\s+3\\s+\\$[\\d,.]+`));
    expect(runCli(["report", "--dir", outdir, "--markdown"]).stdout).toContain("| workload | hours/run | $/run | runs/month | $/month |");
    const json = JSON.parse(runCli(["report", "--dir", outdir, "--json"]).stdout);
    expect(new SchemaSubsetValidator(path.join(__dirname, "..", "..", "schema", "cli")).validate("report.schema.json", json)).toEqual([]);
  });
});

describe("an embedding fleet sized by inputTokensPerSecond", () => {
  test("the Auto Scaling group holds the replicas the target needs; replicas beside the target are refused", () => {
    let embed!: BatchProcessing;
    const json = synthStack(
      (s) => (embed = new BatchProcessing(s, "embed", { network: NETWORK, model: "bge-m3", usage: { contextTokens: 512 }, inputTokensPerSecond: 1_000_000 })),
    );
    const replicas = embed.decision.embedding!.replicas;
    expect(replicas).toBeGreaterThan(1);
    expect(only(json, "aws_autoscaling_group")).toMatchObject({ min_size: replicas, max_size: replicas, desired_capacity: replicas });
    expect(
      captureError(() =>
        synthStack((s) => new BatchProcessing(s, "embed", { network: NETWORK, model: "bge-m3", inputTokensPerSecond: 1_000_000, replicas: 2 })),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/replicas is 2; inputTokensPerSecond sizes the fleet's replicas; give replicas or inputTokensPerSecond, not both/),
    });
  });
});

describe("an image fleet sized by imagesPerMinute", () => {
  test("the Auto Scaling group holds the replicas the target needs, at the steps given", () => {
    let images!: ImageGeneration;
    const json = synthStack(
      (s) => (images = new ImageGeneration(s, "images", { network: NETWORK, model: "sdxl", imagesPerMinute: 60, usage: { denoisingSteps: 30 } })),
    );
    const replicas = images.decision.images!.replicas;
    expect(images.decision.images!.steps).toBe(30);
    expect(replicas).toBeGreaterThan(1);
    expect(only(json, "aws_autoscaling_group")).toMatchObject({ min_size: replicas, max_size: replicas, desired_capacity: replicas });
    expect(
      captureError(() => synthStack((s) => new ImageGeneration(s, "images", { network: NETWORK, model: "sdxl", imagesPerMinute: 60, replicas: 2 }))),
    ).toMatchObject({
      message: expect.stringMatching(/replicas is 2; imagesPerMinute sizes the fleet's replicas; give replicas or imagesPerMinute, not both/),
    });
  });
});
