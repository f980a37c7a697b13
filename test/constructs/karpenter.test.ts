import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { BatchProcessing, Capacity, GpuPlatform, RealtimeInference, Training, WorkloadProps } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { findReferee, TerraformReferee, validateSynthesized } from "../../scripts/tf-validate";
import { NETWORK, captureError, only, resourcesOf, synthStack } from "./synth";

const KARPENTER = { clusterName: "ml-platform" };
const CRDS = path.join(__dirname, "..", "fixtures", "karpenter");

/** Synthesizes `build` into a fresh folder and returns it with the stack's JSON and its Karpenter files. */
function synthApp(build: (stack: TerraformStack, app: App) => void) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "karpenter-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "team");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  build(stack, app);
  app.synth();
  const dir = path.join(outdir, "stacks", "team", "karpenter");
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .map((f) => path.join(dir, f))
    : [];
  return { outdir, json: JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "team", "cdk.tf.json"), "utf8")), files };
}

const chat =
  (props: Partial<WorkloadProps> = {}) =>
  (s: TerraformStack) =>
    new RealtimeInference(s, "chat", {
      network: NETWORK,
      model: "llama-3.1-8b",
      capacity: Capacity.karpenter({ ...KARPENTER, replicas: { min: 0, max: 4 } }),
      ...props,
    });

/**
 * Karpenter's own CRD schemas (v1.14.1, test/fixtures/karpenter, each with its source) as the referee, read by Python's
 * jsonschema and PyYAML: every document of each file must validate against its kind's openAPIV3Schema.
 */
function validateAgainstCrds(files: readonly string[]): { skipped?: string; errors: string[] } {
  const script = `
import json, sys, yaml, jsonschema
schemas = {}
for crd_file in sys.argv[1:3]:
    crd = next(d for d in yaml.safe_load_all(open(crd_file)) if d)
    schemas[crd["spec"]["names"]["kind"]] = crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
errors = []
for manifest in sys.argv[3:]:
    for doc in yaml.safe_load_all(open(manifest)):
        for error in jsonschema.Draft7Validator(schemas[doc["kind"]]).iter_errors(doc):
            errors.append(f"{manifest}: {doc['kind']} {'/'.join(map(str, error.path))}: {error.message}")
print(json.dumps(errors))
`;
  const run = spawnSync("python3", ["-c", script, path.join(CRDS, "nodepools.yaml"), path.join(CRDS, "ec2nodeclasses.yaml"), ...files], { encoding: "utf8" });
  if (run.error || /No module named/.test(run.stderr)) return { skipped: run.error?.message ?? run.stderr.trim().split("\n").pop()!, errors: [] };
  if (run.status !== 0) throw new Error(run.stderr);
  return { errors: JSON.parse(run.stdout) };
}

describe("Capacity.karpenter: a NodePool and EC2NodeClass from the same decision", () => {
  test("the NodePool allows only the decision's types, purchase, architecture and GPU, limits GPUs to the most nodes, taints them", () => {
    let w!: RealtimeInference;
    const { files } = synthApp((s) => (w = chat()(s)));
    const { nodePool, ec2NodeClass } = w.karpenterManifests as { nodePool: any; ec2NodeClass: any };
    const requirement = (key: string) => nodePool.spec.template.spec.requirements.find((r: { key: string }) => r.key === key).values;
    expect(requirement("node.kubernetes.io/instance-type")).toEqual(w.capacity.instanceTypes);
    expect(requirement("karpenter.sh/capacity-type")).toEqual(["on-demand"]);
    expect(requirement("kubernetes.io/arch")).toEqual(["amd64"]);
    expect(requirement("karpenter.k8s.aws/instance-gpu-name")).toEqual(["a10g", "l40s"]);
    expect(requirement("karpenter.k8s.aws/instance-gpu-count")).toEqual(["1"]);
    expect(nodePool.spec.limits).toEqual({ "nvidia.com/gpu": "4" });
    expect(nodePool.spec.template.spec.taints).toEqual([{ key: "nvidia.com/gpu", value: "true", effect: "NoSchedule" }]);
    expect(nodePool.spec.disruption).toEqual({ consolidationPolicy: "WhenEmpty", consolidateAfter: "10m" });
    expect(nodePool.spec.template.spec.nodeClassRef).toEqual({ group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: ec2NodeClass.metadata.name });
    expect(ec2NodeClass.spec).toMatchObject({
      amiSelectorTerms: [{ alias: "al2023@latest" }],
      role: expect.stringMatching(/^chat-[0-9a-f]{8}-nodes$/),
      subnetSelectorTerms: NETWORK.subnetIds.map((id) => ({ id })),
      metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: `${w.rootVolumeSizeGiB}Gi`, encrypted: true, volumeType: "gp3" } }],
    });
    expect(w.podPlacement!.nodeSelector).toEqual(
      nodePool.spec.template.metadata.labels["gpu-workloads/workload"] && {
        "gpu-workloads/workload": nodePool.spec.template.metadata.labels["gpu-workloads/workload"],
      },
    );
    expect(files.map((f) => path.basename(f))).toEqual([`${ec2NodeClass.metadata.name}.yaml`]);
  });

  test("the AWS side: a node role of that fixed name with EKS's node policies, and the selector tag on the security group", () => {
    let w!: RealtimeInference;
    const json = synthStack((s) => (w = chat()(s)));
    const role = resourcesOf(json, "aws_iam_role").find((r) => r.name === (w.karpenterManifests!.ec2NodeClass.spec as { role: string }).role)!;
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: "ec2.amazonaws.com" });
    expect(
      resourcesOf(json, "aws_iam_role_policy_attachment")
        .map((a) => a.policy_arn)
        .sort(),
    ).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    ]);
    expect(only(json, "aws_security_group").tags["gpu-workloads/workload"]).toBe(w.podPlacement!.nodeSelector["gpu-workloads/workload"]);
  });

  test("batch on spot consolidates when underutilized; every file validates against Karpenter's CRD schemas, and a broken one does not", () => {
    const { files } = synthApp((s) => {
      chat()(s);
      new BatchProcessing(s, "batch", { network: NETWORK, capacity: Capacity.karpenter({ ...KARPENTER, nodeImage: "bottlerocket" }) });
    });
    const batch = fs.readFileSync(
      files.find((f) => path.basename(f).startsWith("batch"))!,
      "utf8",
    );
    expect(batch).toContain('"consolidationPolicy": "WhenEmptyOrUnderutilized"');
    expect(batch).toContain('"alias": "bottlerocket@latest"');
    expect(batch).toMatch(/"karpenter.sh\/capacity-type"\n\s+"operator": "In"\n\s+"values":\n\s+- "spot"/);
    const result = validateAgainstCrds(files);
    if (result.skipped) {
      console.log(`Karpenter manifests against the CRD schemas: skipped (${result.skipped})`);
      return;
    }
    expect(result.errors).toEqual([]);
    const broken = path.join(path.dirname(files[0]), "broken.yaml");
    fs.writeFileSync(broken, fs.readFileSync(files[0], "utf8").replace(/\n\s+"nodeClassRef":\n(\s+"(group|kind|name)": "[^"]*"\n){3}/, "\n"));
    expect(validateAgainstCrds([broken]).errors).toEqual([expect.stringMatching(/NodePool spec\/template\/spec: 'nodeClassRef' is a required property/)]);
  });

  test("the policy, the plan and report read the NodePool: its types, its GPU limit, its capacity types", () => {
    const { outdir } = synthApp((s) => chat()(s));
    const report = JSON.parse(runCli(["report", "--dir", outdir, "--json"]).stdout);
    expect(report.stacks[0].workloads[0]).toMatchObject({
      capacity: "karpenter",
      instances: { max: 4 },
      instanceTypes: ["g5.xlarge", "g5.2xlarge", "g5.4xlarge", "g6e.xlarge"],
    });
    expect(() =>
      synthApp((s, app) => {
        new GpuPlatform(app, "org", { region: "us-east-1", policy: { maxUsdPerHourPerWorkload: 5 } });
        chat()(s);
      }),
    ).toThrow(/It can launch 4 × g6e\.xlarge at once, \$[\d.]+\/h on-demand, and the organization policy \(GpuPlatform org\) caps a workload at \$5\.00\/h/);
  });

  test("what Karpenter cannot do here is refused: several nodes with EFA, Capacity Blocks, subnets unknown at synth, servers", () => {
    const error = (build: (s: TerraformStack) => unknown) => captureError(() => synthStack(build));
    expect(
      error(
        (s) =>
          new Training(s, "t", { network: NETWORK, model: "llama-3.1-70b", usage: { mode: "full" }, gpus: ["H100"], capacity: Capacity.karpenter(KARPENTER) }),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/the run needs \d+ nodes in one placement group with EFA, which a NodePool does not keep; use Capacity.eksNodeGroup/),
    });
    expect(
      error(
        (s) =>
          new Training(s, "t", {
            network: NETWORK,
            purchase: "capacity-block",
            capacityReservationId: "cr-0123456789abcdef0",
            capacity: Capacity.karpenter(KARPENTER),
          }),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/Capacity Blocks are not rendered for Karpenter yet/),
    });
    expect(
      error(
        (s) =>
          new RealtimeInference(s, "w", {
            network: { vpcId: NETWORK.vpcId, subnetIds: [new TerraformVariable(s, "subnet", {}).stringValue] },
            capacity: Capacity.karpenter(KARPENTER),
          }),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/network.subnetIds\[0\] is a Terraform token; .*written at synth/),
    });
    // The platform's network too: the files must never hold a token.
    expect(
      error((s) => {
        new GpuPlatform(s, "p", { network: { vpcId: NETWORK.vpcId, subnetIds: new TerraformVariable(s, "subnets", { type: "list(string)" }).listValue } });
        return new RealtimeInference(s, "w", { capacity: Capacity.karpenter(KARPENTER) });
      }),
    ).toMatchObject({ message: expect.stringMatching(/network.subnetIds is a Terraform token; .*written at synth/) });
    expect(
      error(
        (s) =>
          new RealtimeInference(s, "w", {
            network: NETWORK,
            capacity: Capacity.karpenter({ ...KARPENTER, subnetIds: [new TerraformVariable(s, "subnet", {}).stringValue] }),
          }),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/capacity.karpenter.subnetIds\[0\] is a Terraform token/),
    });
    expect(
      error(
        (s) =>
          new RealtimeInference(s, "w", { network: NETWORK, serve: { image: "vllm/vllm-openai:v0.11.0" } as never, capacity: Capacity.karpenter(KARPENTER) }),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/serve is "given"; it has no place on EKS capacity/),
    });
  });

  describe('delivery "kubernetes-manifest": Terraform applies them through the stack\'s Kubernetes provider', () => {
    const applied = (extra: Partial<Parameters<typeof Capacity.karpenter>[0]> = {}) =>
      chat({ capacity: Capacity.karpenter({ ...KARPENTER, replicas: { min: 0, max: 4 }, delivery: "kubernetes-manifest", ...extra }) });

    test("two kubernetes_manifest resources hold the same manifests, in order after the node role; no YAML is written", () => {
      let w!: RealtimeInference;
      const { json, files, outdir } = synthApp((s) => {
        new KubernetesProvider(s, "k8s", { configPath: "~/.kube/config" });
        w = applied()(s);
      });
      const manifests = resourcesOf(json, "kubernetes_manifest");
      expect(manifests.map((m) => m.manifest.kind).sort()).toEqual(["EC2NodeClass", "NodePool"]);
      const byKind = (kind: string) => manifests.find((m) => m.manifest.kind === kind)!;
      expect(byKind("NodePool").manifest).toEqual(w.karpenterManifests!.nodePool);
      expect(byKind("EC2NodeClass").manifest).toEqual(w.karpenterManifests!.ec2NodeClass);
      expect(byKind("EC2NodeClass").depends_on).toEqual([expect.stringMatching(/^aws_iam_role\./)]);
      expect(byKind("NodePool").depends_on).toEqual([`kubernetes_manifest.${w.karpenterResources!.ec2NodeClass.friendlyUniqueId}`]);
      expect(json.terraform.required_providers.kubernetes).toMatchObject({ source: "kubernetes" });
      expect(files).toEqual([]);
      // The plan and report price what the NodePool allows, as with the files.
      expect(JSON.parse(runCli(["report", "--dir", outdir, "--json"]).stdout).stacks[0].workloads[0]).toMatchObject({
        capacity: "karpenter",
        instances: { max: 4 },
      });
      // What Terraform applies validates against Karpenter's CRD schemas (JSON is YAML).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karpenter-applied-"));
      const written = manifests.map((m, i) => {
        const file = path.join(dir, `${i}.yaml`);
        fs.writeFileSync(file, JSON.stringify(m.manifest));
        return file;
      });
      const result = validateAgainstCrds(written);
      if (result.skipped) {
        console.log(`Karpenter manifests against the CRD schemas: skipped (${result.skipped})`);
        return;
      }
      expect(result.errors).toEqual([]);
    });

    test("an override of the applied NodePool is what the policy and the report judge", () => {
      const { outdir } = synthApp((s) => {
        new KubernetesProvider(s, "k8s", { configPath: "~/.kube/config" });
        applied()(s).karpenterResources!.nodePool.addOverride("manifest.spec.limits", { "nvidia.com/gpu": "12" });
      });
      expect(JSON.parse(runCli(["report", "--dir", outdir, "--json"]).stdout).stacks[0].workloads[0]).toMatchObject({ instances: { max: 12 } });
      // Without a limit Karpenter may launch without end.
      expect(() =>
        synthApp((s, app) => {
          new GpuPlatform(app, "org", { region: "us-east-1", policy: { maxUsdPerHourPerWorkload: 5 } });
          new KubernetesProvider(s, "k8s", { configPath: "~/.kube/config" });
          applied({ replicas: { min: 0, max: 1 } })(s).karpenterResources!.nodePool.addOverride("manifest.spec.limits", { "nvidia.com/gpu": undefined });
        }),
      ).toThrow(/the NodePool has no nvidia\.com\/gpu limit, so its most nodes cannot be judged/);
      expect(() =>
        synthApp((s, app) => {
          new GpuPlatform(app, "org", { region: "us-east-1", policy: { maxUsdPerHourPerWorkload: 5 } });
          new KubernetesProvider(s, "k8s", { configPath: "~/.kube/config" });
          const w = applied({ replicas: { min: 0, max: 1 } })(s);
          w.karpenterResources!.nodePool.addOverride("manifest.spec.limits", { "nvidia.com/gpu": new TerraformVariable(s, "gpus", {}).stringValue });
        }),
      ).toThrow(/the NodePool's nvidia.com\/gpu limit is a Terraform reference, which synth cannot judge/);
    });

    test("refused where it cannot work: an unknown delivery, a provider without it or not Kubernetes', bindings missing or of another framework", () => {
      const error = (build: (s: TerraformStack) => unknown) => captureError(() => synthStack(build));
      expect(error((s) => chat({ capacity: Capacity.karpenter({ ...KARPENTER, delivery: "helm" as never }) })(s))).toMatchObject({
        message: expect.stringMatching(/capacity.karpenter.delivery is "helm"; use one of files, kubernetes-manifest/),
      });
      expect(error((s) => chat({ capacity: Capacity.karpenter({ ...KARPENTER, kubernetesProvider: new KubernetesProvider(s, "k8s", {}) }) })(s))).toMatchObject(
        { message: expect.stringMatching(/capacity.karpenter.kubernetesProvider .*give it with delivery: "kubernetes-manifest"/) },
      );
      expect(error((s) => applied({ kubernetesProvider: new AwsProvider(s, "other", { region: "us-east-1", alias: "other" }) })(s))).toMatchObject({
        message: expect.stringMatching(/capacity.karpenter.kubernetesProvider .*give a KubernetesProvider of the stack/),
      });
      jest.isolateModules(() => {
        jest.doMock("@cdktf/provider-kubernetes/lib/manifest", () => {
          throw new Error("Cannot find module '@cdktf/provider-kubernetes/lib/manifest'");
        });
        expect(error((s) => applied()(s))).toMatchObject({
          message: expect.stringMatching(
            /capacity.karpenter.delivery is "kubernetes-manifest"; install @cdktf\/provider-kubernetes@12\.1\.1 beside the library/,
          ),
        });
        jest.doMock("@cdktf/provider-kubernetes/lib/manifest", () => ({ Manifest: class NotCdktf {} }));
        expect(error((s) => applied()(s))).toMatchObject({ message: expect.stringMatching(/built on another framework copy than this build of the library/) });
      });
      jest.dontMock("@cdktf/provider-kubernetes/lib/manifest");
    });

    const referee = findReferee();
    (("skipped" in referee ? test.skip : test) as jest.It)("tf-validate says which stack it skipped and why; the others it validates", () => {
      const { outdir } = synthApp((s) => {
        new KubernetesProvider(s, "k8s", { configPath: "~/.kube/config" });
        applied()(s);
      });
      const result = validateSynthesized(outdir, referee as TerraformReferee);
      expect(result.skipped).toEqual([
        { stack: "team", reason: expect.stringMatching(/^it needs hashicorp\/kubernetes, which the local mirror does not hold/) },
      ]);
      expect(result.stacks).toEqual([]);
    });
  });

  const referee = findReferee();
  (("skipped" in referee ? test.skip : test) as jest.It)("terraform validate with the real provider", () => {
    const { outdir } = synthApp((s) => chat()(s));
    const result = validateSynthesized(outdir, referee as TerraformReferee);
    expect(result.errors.map((e) => `${e.address}: ${e.summary} ${e.detail}`)).toEqual([]);
  });
});
