import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Capacity, RealtimeInference, WorkloadProps } from "../../lib";
import { buildExampleApp } from "../../examples/app";
import { TerraformReferee, findReferee } from "../../scripts/tf-validate";
import { NETWORK } from "../constructs/synth";
import { Ec2Changes, startEc2Stub } from "./ec2-stub";
import { PlanResult, planSynthesized } from "./plan";
import { buildWideApp } from "./wide-app";

const referee = findReferee();
if ("skipped" in referee) console.log(`terraform plan against EC2's recorded answers: skipped (${referee.skipped})`);
const describeWithTerraform = "skipped" in referee ? describe.skip : describe;
jest.setTimeout(600_000);

/** Synthesizes `build` into a fresh folder and plans it against the EC2 stub with `changes` to EC2's recorded answers. */
async function plan(build: (outdir: string) => void, changes: Ec2Changes = {}): Promise<{ results: PlanResult[]; calls: string[] }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
  const stub = await startEc2Stub(changes);
  try {
    build(outdir);
    return { results: await planSynthesized(outdir, referee as TerraformReferee, stub.url), calls: stub.calls };
  } finally {
    await stub.close();
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** One stack in us-east-1 (or a provider region from a variable) with the workloads `props` describe. */
const oneStack = (workloads: readonly WorkloadProps[], providerRegion?: "variable") => (outdir: string) => {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "team");
  const region = providerRegion ? new TerraformVariable(stack, "region", { type: "string" }).stringValue : "us-east-1";
  new AwsProvider(stack, "aws", { region });
  workloads.forEach((props, i) => new RealtimeInference(stack, `w${i}`, { network: NETWORK, ...props }));
  app.synth();
};

const failures = (results: readonly PlanResult[]) => results.flatMap((r) => r.errors.map((e) => `${r.stack}: ${e}`));

describeWithTerraform("terraform plan with the real provider against EC2's recorded answers (a local endpoint)", () => {
  test("the example app plans: every type it may launch is offered and described as the table says", async () => {
    const { results } = await plan((outdir) => buildExampleApp(new App({ outdir })).synth());
    expect(failures(results)).toEqual([]);
    expect(results.map((r) => r.stack)).toEqual(["analytics", "chat", "media", "research"]);
  });

  test("the wide app plans in every region it uses", async () => {
    const { results, calls } = await plan((outdir) => buildWideApp(new App({ outdir })).app.synth());
    expect(failures(results)).toEqual([]);
    expect(new Set(calls.map((c) => c.split(" ")[0]))).toEqual(new Set(["us-east-1", "eu-west-2", "us-west-2", "eu-central-1"]));
  });

  test("a type whose GPU EC2 describes otherwise fails the plan with what the table says and what EC2 reports", async () => {
    const changes = { gpus: { "g5.xlarge": [{ Name: "T4", Manufacturer: "NVIDIA", Count: 1, MemoryInfo: { SizeInMiB: 15360 } }] } };
    const { results } = await plan(oneStack([{}]), changes);
    expect(failures(results)).toEqual([
      expect.stringMatching(
        /Resource precondition failed \(resource\.aws_launch_template\.[^)]*\): cdktf-gpu-workloads: the taxonomy says g5.xlarge has 1× A10G of at least 20599 MiB each, but EC2 reports 1 × T4 of 15360 MiB\. The embedded table is stale/,
      ),
    ]);
  });

  test("a type the region does not offer fails the plan with our message naming the region, not the provider's InvalidInstanceType", async () => {
    const { results } = await plan(oneStack([{}]), { withdrawn: { "us-east-1": ["g5.xlarge"] } });
    expect(failures(results)).toEqual([
      expect.stringMatching(
        /Resource precondition failed \(resource\.aws_launch_template\.[^)]*\): cdktf-gpu-workloads: g5.xlarge is not offered in us-east-1\. Set the workload's or platform's region/,
      ),
    ]);
  });

  test("a fleet's fallback type is guarded too: one the region no longer offers fails the plan on the group", async () => {
    const { results } = await plan(oneStack([{ replicas: { min: 1, max: 3 } }]), { withdrawn: { "us-east-1": ["g5.2xlarge"] } });
    expect(failures(results)).toEqual([
      expect.stringMatching(
        /Resource precondition failed \(resource\.aws_autoscaling_group\..*\): cdktf-gpu-workloads: g5.2xlarge is not offered in us-east-1/,
      ),
    ]);
  });

  test("a workload chosen for another region than the provider's (a region from a variable) fails the plan naming both", async () => {
    const { results } = await plan(oneStack([{ region: "eu-central-1" }], "variable"));
    expect(failures(results)).toEqual([
      expect.stringMatching(
        /Resource precondition failed \(resource\.aws_launch_template\.[^)]*\): cdktf-gpu-workloads: the workload was chosen and priced for eu-central-1, but this stack's AWS provider deploys to us-east-1/,
      ),
    ]);
  });

  test("an instance type set on the launch template after construction fails the plan: the drift guard checked another", async () => {
    const { results } = await plan((outdir) => {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, "team");
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      new RealtimeInference(stack, "chat", { network: NETWORK }).launchTemplate.instanceType = "g6.xlarge";
      app.synth();
    });
    expect(failures(results)).toEqual([
      expect.stringMatching(
        /^team: Resource postcondition failed \(resource\.aws_launch_template\.chat_launch-template_\w+\.lifecycle\.postcondition\[0\]\): cdktf-gpu-workloads: team\/chat was chosen, checked and priced as g5\.xlarge, but its launch template launches g6\.xlarge; choose the type through the workload's props/,
      ),
    ]);
  });

  test("an EKS node group plans, and a fallback type the region no longer offers fails the plan on the group", async () => {
    const eks = { capacity: Capacity.eksNodeGroup({ clusterName: "ml", clusterSecurityGroupId: "sg-0123456789abcdef0", replicas: { min: 1, max: 3 } }) };
    expect(failures((await plan(oneStack([eks]))).results)).toEqual([]);
    const { results } = await plan(oneStack([eks]), { withdrawn: { "us-east-1": ["g5.2xlarge"] } });
    expect(failures(results)).toEqual([
      expect.stringMatching(/Resource precondition failed \(resource\.aws_eks_node_group\..*\): cdktf-gpu-workloads: g5.2xlarge is not offered in us-east-1/),
    ]);
    const changed = await plan((outdir) => {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, "team");
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      new RealtimeInference(stack, "chat", { network: NETWORK, ...eks }).nodeGroup!.instanceTypes = ["p5.48xlarge"];
      app.synth();
    });
    expect(failures(changed.results)).toEqual([
      expect.stringMatching(
        /Resource postcondition failed \(resource\.aws_eks_node_group\.chat_node-group_\w+\.lifecycle\.postcondition\[0\]\): cdktf-gpu-workloads: team\/chat was chosen, checked and priced for g5\.xlarge, .*but its node group launches p5\.48xlarge/,
      ),
    ]);
  });

  test("EC2 is read once per stack and type, however many workloads launch it", async () => {
    const { results, calls } = await plan(oneStack([{}, {}, {}, { replicas: 2 }]));
    expect(failures(results)).toEqual([]);
    const described = calls.filter((c) => c.endsWith("DescribeInstanceTypes")).length;
    const offered = calls.filter((c) => c.endsWith("DescribeInstanceTypeOfferings")).length;
    // g5.xlarge and the fleet's fallbacks: one offering read and one description each, not one per workload.
    expect(described).toBe(offered);
    expect(offered).toBeLessThanOrEqual(10);
  });
});
