import { FineTuning, RealtimeInference, ServingWorkloadProps, Training } from "../../lib";
import { RENDEZVOUS_TIMEOUT_SECONDS } from "../../lib/boot/job-boot";
import { containerCommand, embeddedFiles, renderTerraformString, userDataParts } from "../boot/sandbox";
import { NETWORK, only, resourcesOf, synthStack } from "./synth";

const DLC = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312-cu129-ubuntu22.04-ec2";
const JOB = { image: DLC, command: ["torchrun", "train.py"] };
/** An instance's user data as Terraform renders it (the first node's address a reference on the others). */
const script = (node: Record<string, any>) => (node.user_data ?? Buffer.from(node.user_data_base64, "base64").toString()) as string;
const files = (node: Record<string, any>) => new Map(userDataParts(renderTerraformString(script(node))).flatMap((p) => [...embeddedFiles(p.body)]));

describe("a training job on a 2-node EFA cluster", () => {
  let nodes: Record<string, any>[];
  let json: ReturnType<typeof synthStack>;
  beforeAll(() => {
    json = synthStack((s) => new Training(s, "pretrain", { network: NETWORK, nodes: 2, job: JOB }));
    nodes = resourcesOf(json, "aws_instance");
  });

  test("each node runs the job once, with torchrun's environment: its rank, the node count, GPUs per node, the rendezvous timeout", () => {
    nodes.forEach((node, rank) => {
      const prepare = files(node).get("/opt/gpu-workloads/prepare.sh")!;
      for (const line of [
        `NODE_RANK=${rank}`,
        `PET_NODE_RANK=${rank}`,
        "NNODES=2",
        "PET_NNODES=2",
        "PET_NPROC_PER_NODE=8",
        "PET_MASTER_PORT=29500",
        `PET_RDZV_CONF=timeout=${RENDEZVOUS_TIMEOUT_SECONDS},join_timeout=${RENDEZVOUS_TIMEOUT_SECONDS}`,
      ]) {
        expect(prepare).toContain(`  printf '%s\\n' '${line}'`);
      }
      const unit = files(node).get("/etc/systemd/system/gpu-job.service")!;
      expect(unit).toContain("Restart=no");
      expect(unit).not.toContain("[Install]");
      expect(containerCommand(renderTerraformString(script(node)))).toMatchObject({ image: DLC, args: ["torchrun", "train.py"] });
    });
    expect(RENDEZVOUS_TIMEOUT_SECONDS).toBeGreaterThanOrEqual(20 * 60);
  });

  test("the first node is the rendezvous: its own address from instance metadata; the others reference its private IP", () => {
    expect(files(nodes[0]).get("/opt/gpu-workloads/prepare.sh")).toContain("  master=$(metadata local-ipv4)");
    expect(script(nodes[1])).toMatch(/ {2}master='\$\{aws_instance\.pretrain_node-0_[0-9A-F]{8}\.private_ip\}'/);
  });

  test("NCCL over EFA, never TCP: the EFA devices, and NCCL_NET forcing aws-ofi-nccl's network", () => {
    const prepare = files(nodes[1]).get("/opt/gpu-workloads/prepare.sh")!;
    for (const line of ["NCCL_NET=AWS Libfabric", "FI_PROVIDER=efa", "FI_EFA_USE_DEVICE_RDMA=1"]) expect(prepare).toContain(`'${line}'`);
    expect(containerCommand(renderTerraformString(script(nodes[1]))).dockerOptions.join(" ")).toContain("--network host --device /dev/infiniband");
  });

  test("by default the job's end stops its instance, and a failed job the whole cluster: the nodes' ids in SSM, StopInstances on the workload's own instances only", () => {
    for (const node of nodes) {
      expect(node.instance_initiated_shutdown_behavior).toBe("stop");
      expect(files(node).get("/etc/systemd/system/gpu-job.service")).toContain("ExecStopPost=/opt/gpu-workloads/finish.sh");
    }
    const parameter = only(json, "aws_ssm_parameter");
    expect(parameter).toMatchObject({ name: expect.stringMatching(/^\/cdktf-gpu-workloads\/pretrain-[0-9a-f]{8}\/nodes-0$/), type: "String" });
    expect(parameter.value).toMatch(/^\$\{join\(",", \[aws_instance\.pretrain_node-0_[0-9A-F]{8}\.id, aws_instance\.pretrain_node-1_[0-9A-F]{8}\.id\]\)\}$/);
    const statements = JSON.parse(resourcesOf(json, "aws_iam_role_policy").find((p) => p.name === "stop-job-nodes")!.policy).Statement;
    expect(statements).toEqual([
      { Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [expect.stringMatching(/^\$\{aws_ssm_parameter\..*\.arn\}$/)] },
      {
        Effect: "Allow",
        Action: ["ec2:StopInstances"],
        Resource: ["arn:aws:ec2:us-east-1:*:instance/*"],
        Condition: { ArnEquals: { "ec2:InstanceProfile": expect.stringMatching(/^\$\{aws_iam_instance_profile\..*\.arn\}$/) } },
      },
    ]);
    expect(files(nodes[0]).get("/opt/gpu-workloads/finish.sh")).toContain(`'${parameter.name}'`);
  });

  test("an apply never interrupts a running job: the nodes ignore later changes to their user data", () => {
    for (const node of nodes) expect(node.lifecycle.ignore_changes).toEqual(["user_data", "user_data_base64"]);
  });
});

describe("images that may lack aws-ofi-nccl on EFA", () => {
  /** The warnings cdktf prints at synth for the workload (its annotations). */
  const warnings = (image: string, nodes: number) => {
    let t: Training;
    synthStack((s) => (t = new Training(s, "t", { network: NETWORK, nodes, job: { image, command: ["torchrun", "train.py"] } })));
    return t!.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
  };

  test("NGC's PyTorch image on an EFA cluster gets a warning naming images that work; a Deep Learning Container, or no EFA, none", () => {
    expect(warnings("nvcr.io/nvidia/pytorch:24.10-py3", 2)).toEqual([
      expect.stringMatching(/job.image nvcr.io\/nvidia\/pytorch:24.10-py3 may not carry aws-ofi-nccl.*AWS Deep Learning Container/),
    ]);
    expect(warnings(DLC, 2)).toEqual([]);
    expect(warnings("nvcr.io/nvidia/pytorch:24.10-py3", 1)).toEqual([]);
  });
});

test("a single-node fine-tune: the same job without a peer; its end stops the instance, unless shutdownOnExit is false", () => {
  const json = synthStack((s) => new FineTuning(s, "tune", { network: NETWORK, model: "llama-3.1-8b", job: JOB }));
  const node = only(json, "aws_instance");
  expect(node.instance_initiated_shutdown_behavior).toBe("stop");
  expect(files(node).get("/opt/gpu-workloads/prepare.sh")).toContain("'NNODES=1'");
  // It stops itself through EC2 (a shutdown asked for during a reboot would not stop it): no peers, no node list.
  expect(files(node).get("/opt/gpu-workloads/finish.sh")).not.toContain("stop_nodes");
  expect(resourcesOf(json, "aws_ssm_parameter")).toEqual([]);
  expect(
    JSON.parse(resourcesOf(json, "aws_iam_role_policy").find((p) => p.name === "stop-job-nodes")!.policy).Statement.map((s: { Action: string[] }) => s.Action),
  ).toEqual([["ec2:StopInstances"]]);
  const kept = only(
    synthStack((s) => new FineTuning(s, "tune", { network: NETWORK, model: "llama-3.1-8b", job: { ...JOB, shutdownOnExit: false } })),
    "aws_instance",
  );
  expect(kept.instance_initiated_shutdown_behavior).toBeUndefined();
  expect(files(kept).has("/opt/gpu-workloads/finish.sh")).toBe(false);
});

test.each([
  // RealtimeInference's props have no job (a compile error in TypeScript); plain JavaScript gets this error.
  [
    (s: any) => new RealtimeInference(s, "w", { network: NETWORK, job: JOB } as ServingWorkloadProps),
    /job is "a job"; it is for Training and FineTuning; a RealtimeInference serves \(serve\)/,
  ],
  [
    (s: any) => new Training(s, "w", { network: NETWORK, job: JOB, replicas: 2, gpuCount: 1 }),
    /job is "a job"; it runs on one node or a cluster; a job is not replicated/,
  ],
  [(s: any) => new Training(s, "w", { network: NETWORK, job: { image: "pytorch" } }), /job.image is "pytorch"; pin the image/],
  [(s: any) => new Training(s, "w", { network: NETWORK, job: { ...JOB, shutdownOnExit: "yes" as never } }), /job.shutdownOnExit is "yes"; give true or false/],
])("refused: %#", (build, message) => {
  expect(() => synthStack(build)).toThrow(message);
});
