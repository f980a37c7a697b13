import { FineTuning, RealtimeInference, Training } from "../../lib";
import { NETWORK, only, resourcesOf, synthStack } from "./synth";

const JOB = { image: "nvcr.io/nvidia/pytorch:24.10-py3", command: ["torchrun", "train.py"] };
const script = (node: Record<string, any>) => (node.user_data ?? Buffer.from(node.user_data_base64, "base64").toString()) as string;

describe("a training job on a 2-node EFA cluster", () => {
  let nodes: Record<string, any>[];
  beforeAll(() => {
    const json = synthStack((s) => new Training(s, "pretrain", { network: NETWORK, nodes: 2, job: JOB }));
    nodes = resourcesOf(json, "aws_instance");
  });

  test("each node starts the container once with torchrun's environment: its rank, the node count, GPUs per node", () => {
    nodes.forEach((node, rank) => {
      const text = script(node);
      for (const line of [`NODE_RANK=${rank}`, `PET_NODE_RANK=${rank}`, "NNODES=2", "PET_NNODES=2", "NPROC_PER_NODE=8", "PET_MASTER_PORT=29500"]) {
        expect(text).toContain(`printf '%s\\n' '${line}' >> /run/gpu-workloads/env`);
      }
      expect(text).toMatch(/Restart=no/);
      expect(text).toContain("'nvcr.io/nvidia/pytorch:24.10-py3' 'torchrun' 'train.py'");
    });
  });

  test("the first node is the rendezvous: its own address; the others reference its private IP", () => {
    expect(script(nodes[0])).toMatch(/printf '%s=%s\\n' 'MASTER_ADDR' "\$\(curl .*latest\/meta-data\/local-ipv4\)"/);
    expect(script(nodes[1])).toMatch(/printf '%s=%s\\n' 'MASTER_ADDR' '\$\{aws_instance\.pretrain_node-0_[0-9A-F]{8}\.private_ip\}'/);
  });

  test("NCCL over EFA: the EFA devices and libfabric's EFA provider on the host network", () => {
    const text = script(nodes[1]);
    expect(text).toContain("--network host --device /dev/infiniband");
    expect(text).toContain("'FI_PROVIDER=efa'");
    expect(text).toContain("'FI_EFA_USE_DEVICE_RDMA=1'");
  });

  test("an apply never interrupts a running job: the nodes ignore later changes to their user data", () => {
    for (const node of nodes) expect(node.lifecycle.ignore_changes).toEqual(["user_data", "user_data_base64"]);
  });
});

test("a single-node fine-tune: the same job without a peer; shutdownOnExit stops the instance when it ends", () => {
  const json = synthStack((s) => new FineTuning(s, "tune", { network: NETWORK, model: "llama-3.1-8b", job: { ...JOB, shutdownOnExit: true } }));
  const node = only(json, "aws_instance");
  expect(node.instance_initiated_shutdown_behavior).toBe("stop");
  const text = script(node);
  expect(text).toContain("'NNODES=1'");
  expect(text).toContain("ExecStopPost=/usr/sbin/shutdown -h now");
  expect(text).not.toContain("/dev/infiniband");
});

test.each([
  [(s: any) => new RealtimeInference(s, "w", { network: NETWORK, job: JOB }), /job is "a job"; it is for Training and FineTuning; a RealtimeInference serves \(serve\)/],
  [(s: any) => new Training(s, "w", { network: NETWORK, job: JOB, replicas: 2, gpuCount: 1 }), /job is "a job"; it runs on one node or a cluster; a job is not replicated/],
  [(s: any) => new Training(s, "w", { network: NETWORK, job: { image: "pytorch" } }), /job.image is "pytorch"; pin the image/],
  [(s: any) => new Training(s, "w", { network: NETWORK, job: { ...JOB, shutdownOnExit: "yes" as never } }), /job.shutdownOnExit is "yes"; give true or false/],
])("refused: %#", (build, message) => {
  expect(() => synthStack(build)).toThrow(message);
});
