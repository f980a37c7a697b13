import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Aspects, TerraformStack, TerraformVariable } from "cdktf";
import { BatchProcessing, BudgetGuard, GpuPlatform, GpuPolicy, PolicyViolationError, RealtimeInference, Training } from "../../lib";
import { readPlanFile } from "../../lib/plan/read-plan";
import { runCli } from "../../lib/cli";
import { workloadsUnder } from "../../lib/constructs/private/workload-brand";
import { buildExampleApp } from "../../examples/app";
import { buildWideApp } from "../terraform/wide-app";
import { NETWORK, captureError } from "./synth";

/**
 * Proof programs: each is what a team stack could write to get more GPUs, dearer ones or another purchase option than
 * its organization's GpuPlatform allows, or to spend past a BudgetGuard. Each must fail, at construction where the
 * workload can see the breach, else at synth (the App's validation, which judges the final resources).
 */
function app(): { app: App; stack: TerraformStack; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-bypass-"));
  const a = new App({ outdir });
  const stack = new TerraformStack(a, "team");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return { app: a, stack, outdir };
}

const org = (scope: App, policy: GpuPolicy) => new GpuPlatform(scope, "org", { region: "us-east-1", policy });

describe("a workload is judged by every platform above it, whatever the construction order", () => {
  const h100 = (stack: TerraformStack) => new Training(stack, "trainer", { network: NETWORK, gpus: ["H100"] });

  test("platform first: the workload cannot choose a GPU the policy leaves out", () => {
    const { app: a, stack } = app();
    org(a, { allowedGpus: ["A10G", "L4"] });
    expect(() => h100(stack)).toThrow(/H100/);
  });

  test("workload first: the synth fails, naming the platform and the GPU, and the plan file records it", () => {
    const { app: a, stack, outdir } = app();
    h100(stack);
    org(a, { allowedGpus: ["A10G", "L4"] });
    expect(() => a.synth()).toThrow(
      /team\/trainer: It may launch p5\.48xlarge \(H100\), and the organization policy \(GpuPlatform org\) allows only A10G, L4\./,
    );
    expect(readPlanFile(path.join(outdir, "gpu-plan.json")).violations).toEqual([expect.stringMatching(/^team\/trainer: It may launch p5\.48xlarge \(H100\)/)]);
  });

  test("a platform added later deeper in the tree binds too", () => {
    const { app: a, stack } = app();
    new RealtimeInference(stack, "chat", { network: NETWORK, replicas: { min: 1, max: 8 } });
    new GpuPlatform(stack, "team-policy", { policy: { maxUsdPerHourPerWorkload: 4 } });
    expect(() => a.synth()).toThrow(
      /team\/chat: It can launch 8 × g\w+\.\w+ at once, \$[\d.,]+\/h on-demand, and the organization policy \(GpuPlatform team\/team-policy\) caps a workload at \$4\.00\/h/,
    );
  });
});

describe("the purchase policy covers every purchase knob", () => {
  test.each([
    [
      { purchase: "spot", fleet: { spotPercentage: 0 } },
      /It buys on-demand capacity \(fleet\.spotPercentage 0 \(100% on-demand above the base\)\), and the organization policy \(GpuPlatform org\) allows only spot\./,
    ],
    [
      { purchase: "spot", fleet: { onDemandBaseCapacity: 1 } },
      /It buys on-demand capacity \(fleet\.onDemandBaseCapacity 1\), and the organization policy \(GpuPlatform org\) allows only spot\./,
    ],
  ])("a spot-only policy refuses %j", (props, message) => {
    const { app: a, stack } = app();
    org(a, { allowedPurchaseOptions: ["spot"] });
    const error = captureError(() => new RealtimeInference(stack, "chat", { network: NETWORK, replicas: { min: 1, max: 3 }, ...(props as object) }));
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect(error).toMatchObject({ code: "PolicyViolation", constructPath: "team/chat", message: expect.stringMatching(message) });
    // Nothing half-synthesized: the refused workload left the tree.
    expect(stack.node.tryFindChild("chat")).toBeUndefined();
  });

  test("an on-demand-only policy refuses a spot share, and AWS Batch on spot", () => {
    const { app: a, stack } = app();
    org(a, { allowedPurchaseOptions: ["on-demand"] });
    expect(() => new RealtimeInference(stack, "chat", { network: NETWORK, replicas: { min: 1, max: 3 }, fleet: { spotPercentage: 50 } })).toThrow(
      /It buys spot capacity \(fleet\.spotPercentage 50\), and the organization policy \(GpuPlatform org\) allows only on-demand\./,
    );
    expect(() => new BatchProcessing(stack, "jobs", { network: NETWORK, purchase: "spot", batch: { maxVcpus: 16, job: { image: "x:1" } } })).toThrow(
      /purchase/,
    );
  });

  test("a spot fleet within a spot-only policy passes", () => {
    const { app: a, stack } = app();
    org(a, { allowedPurchaseOptions: ["spot"] });
    new RealtimeInference(stack, "chat", { network: NETWORK, purchase: "spot", replicas: { min: 1, max: 3 } });
    expect(() => a.synth()).not.toThrow();
  });
});

describe("the price cap counts what the workload can launch", () => {
  test.each([
    [
      "a fleet's maximum of its dearest type",
      (s: TerraformStack) => new RealtimeInference(s, "w", { network: NETWORK, replicas: { min: 1, max: 40 } }),
      /It can launch 40 × g\w+\.\w+ at once/,
    ],
    [
      "what AWS Batch's vCPUs hold",
      (s: TerraformStack) => new BatchProcessing(s, "w", { network: NETWORK, batch: { maxVcpus: 1024, job: { image: "x:1" } } }),
      /It can launch 256 × g\w+\.xlarge at once/,
    ],
  ])("%s", (_what, build, message) => {
    const { app: a, stack } = app();
    // Each of these costs less than the cap per instance, and far more at its maximum.
    org(a, { maxUsdPerHourPerWorkload: 60 });
    const error = captureError(() => build(stack)) as Error;
    expect(error).toBeInstanceOf(PolicyViolationError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/caps a workload at \$60\.00\/h: lower its maximum/);
  });

  test("every node of a cluster: selection already prices all of them against the cap", () => {
    const { app: a, stack } = app();
    org(a, { maxUsdPerHourPerWorkload: 60 });
    expect(() => new Training(stack, "w", { network: NETWORK, nodes: 2, instanceType: "p5.48xlarge" })).toThrow(/60/);
  });
});

describe("a nested platform's price override is compared in each region", () => {
  test("a price at us-east-1's level but below Tokyo's is refused, naming the region", () => {
    const a = new App();
    new GpuPlatform(a, "org", { policy: { maxUsdPerHourPerWorkload: 100 } });
    const stack = new TerraformStack(a, "team");
    expect(() => new GpuPlatform(stack, "team-prices", { taxonomy: { usdPerInstanceHour: { "g5.xlarge": 1.1 } } })).toThrow(
      /taxonomy\.usdPerInstanceHour\["g5\.xlarge"\] is 1\.1; a nested platform may not lower a price its outer platform's policy is measured with \(\$[\d.]+\/h in [a-z]+-[a-z]+-\d, the price that applies there\)/,
    );
    // Raising it everywhere is fine.
    new GpuPlatform(new TerraformStack(a, "other-team"), "team-prices", { taxonomy: { usdPerInstanceHour: { "g5.xlarge": 9 } } });
  });
});

describe("escape hatches: policy and BudgetGuard judge the final resources", () => {
  const under = (policy: GpuPolicy) => {
    const made = app();
    org(made.app, policy);
    return made;
  };

  test("an instance type set on the launch template after construction", () => {
    const { app: a, stack } = under({ allowedGpus: ["A10G"] });
    const w = new RealtimeInference(stack, "chat", { network: NETWORK });
    w.launchTemplate.instanceType = "p5.48xlarge";
    expect(() => a.synth()).toThrow(/team\/chat: It may launch p5\.48xlarge \(H100\), and the organization policy \(GpuPlatform org\) allows only A10G\./);
  });

  test("an override of the group's instance types", () => {
    const { app: a, stack } = under({ allowedGpus: ["A10G"] });
    const w = new RealtimeInference(stack, "chat", { network: NETWORK, replicas: 2 });
    w.autoScalingGroup!.addOverride("mixed_instances_policy.launch_template.override", [{ instance_type: "g5.xlarge" }, { instance_type: "p4d.24xlarge" }]);
    expect(() => a.synth()).toThrow(/It may launch p4d\.24xlarge \(A100-40GB\)/);
  });

  test("an override of the group's max_size, against the price cap and against BudgetGuard", () => {
    const { app: a, stack } = under({ maxUsdPerHourPerWorkload: 60 });
    const w = new RealtimeInference(stack, "chat", { network: NETWORK, replicas: { min: 1, max: 4 } });
    w.autoScalingGroup!.addOverride("max_size", 200);
    expect(() => a.synth()).toThrow(/It can launch 200 × g\w+\.\w+ at once/);

    const budget = app();
    Aspects.of(budget.app).add(new BudgetGuard({ maxUsdPerMonthPerApp: 10_000 }));
    new RealtimeInference(budget.stack, "chat", { network: NETWORK, replicas: { min: 1, max: 4 } }).autoScalingGroup!.addOverride("max_size", 200);
    expect(() => budget.app.synth()).toThrow(/BudgetGuard: the app costs up to \$[\d,.]+\/month .*Largest spenders: team\/chat \$[\d,.]+ \(200 × g\w+\.\w+/);
  });

  test("a max_size from a variable cannot be judged: under a policy or a budget, the synth says so", () => {
    const { app: a, stack } = under({ maxUsdPerHourPerWorkload: 60 });
    const w = new RealtimeInference(stack, "chat", { network: NETWORK, replicas: 2 });
    w.autoScalingGroup!.addOverride("max_size", new TerraformVariable(stack, "max", { type: "number" }).numberValue);
    expect(() => a.synth()).toThrow(
      /the Auto Scaling group's max_size is a Terraform reference, which synth cannot judge, and the organization policy \(GpuPlatform org\) must judge what is deployed/,
    );
  });

  test("a capacity-block market set on a spot-only platform's template", () => {
    const { app: a, stack } = under({ allowedPurchaseOptions: ["spot"] });
    const w = new RealtimeInference(stack, "chat", { network: NETWORK, purchase: "spot", replicas: 2 });
    w.launchTemplate.addOverride("instance_market_options.market_type", "capacity-block");
    expect(() => a.synth()).toThrow(/It buys capacity-block capacity/);
  });
});

describe("CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS does not make a violation deployable", () => {
  const previous = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  beforeEach(() => {
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "1";
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = previous;
  });

  test("a BudgetGuard over its limit still fails the synth, and the plan file it leaves makes the report fail", () => {
    const { app: a, stack, outdir } = app();
    Aspects.of(a).add(new BudgetGuard({ maxUsdPerMonthPerApp: 1_000 }));
    new Training(stack, "pretrain", { network: NETWORK, nodes: 2 });
    expect(() => a.synth()).toThrow(/BudgetGuard: the app costs up to \$80,358\.40\/month .*above its limit of \$1,000\.00\/month/);
    const plan = readPlanFile(path.join(outdir, "gpu-plan.json"));
    expect(plan.violations).toEqual([expect.stringMatching(/^BudgetGuard: the app costs up to/)]);
    const report = runCli(["report", "--dir", outdir]);
    expect(report.exitCode).not.toBe(0);
    expect(report.stderr).toMatch(/the synth that wrote .*gpu-plan\.json failed: BudgetGuard: the app costs up to/);
  });
});

test("read back from the final resources, every workload of both apps has the worst case it computed", () => {
  const workloads = [...workloadsUnder(buildWideApp(new App()).app), ...workloadsUnder(buildExampleApp(new App()))];
  expect(workloads.length).toBeGreaterThan(30);
  const differing = workloads
    .map((w) => ({
      path: w.node.path,
      computed: [w.capacity.maxUsdPerMonth, w.capacity.instances.max, w.capacity.maxInstanceType, [...w.capacity.instanceTypes].sort()],
      deployed: w.judged().deployed,
    }))
    .filter(
      ({ computed, deployed }) =>
        JSON.stringify(computed) !==
          JSON.stringify([deployed.maxUsdPerMonth, deployed.maxInstances, deployed.maxInstanceType, [...deployed.instanceTypes].sort()]) ||
        deployed.unknowable.length,
    );
  expect(differing).toEqual([]);
});
