import { CapacityKind } from "../../../plan/gpu-plan";
import { Decision } from "../../../selection/decision";
import { WORKLOAD_PROFILES } from "../../../taxonomy/workload-profiles";
import { InvalidRequirementError } from "../../../validation/errors";
import { GpuWorkloadProps } from "../../workload-props";
import { ContainerService, resolveJob, resolveServe } from "./container-service";
import { shellQuote } from "./container-script";

/** torchrun's default rendezvous port on the first node; the cluster's security group is open between its members. */
export const RENDEZVOUS_PORT = 29500;

/**
 * What the workload runs, checked against its class and capacity: a server (RealtimeInference, ImageGeneration, on an
 * instance or a fleet) or a job (Training, FineTuning, on one node or a cluster).
 */
export function workloadContainers(props: GpuWorkloadProps, decision: Decision, kind: CapacityKind): { readonly service?: ContainerService; readonly job?: ContainerService } {
  const name = WORKLOAD_PROFILES[props.workload].displayName;
  if (props.serve !== undefined && props.workload !== "realtime-inference" && props.workload !== "image-generation") {
    throw new InvalidRequirementError("serve", "a server", `it is for RealtimeInference and ImageGeneration; a ${name} runs a job`);
  }
  const service = props.serve === undefined ? undefined : resolveServe(props.serve, decision, props);
  if (service && kind !== "instance" && kind !== "auto-scaling-group") {
    throw new InvalidRequirementError("serve", "a server", `it runs on an instance or a fleet, not on ${kind === "cluster" ? `a ${decision.nodeCount}-node cluster` : "AWS Batch"}`);
  }
  if (props.job !== undefined && props.workload !== "training" && props.workload !== "fine-tuning") {
    throw new InvalidRequirementError("job", "a job", `it is for Training and FineTuning; a ${name} ${props.workload === "batch-processing" ? "submits jobs to AWS Batch (batch.job)" : "serves (serve)"}`);
  }
  const job = props.job === undefined ? undefined : resolveJob(props.job);
  if (job && kind !== "instance" && kind !== "cluster") {
    throw new InvalidRequirementError("job", "a job", "it runs on one node or a cluster; a job is not replicated (remove replicas)");
  }
  return { service, job };
}

/**
 * Shell lines that write one node's distributed environment: torchrun's variables and their PET_* forms (torchrun takes
 * its flags from those, so a bare `torchrun train.py` joins the run), libfabric's EFA provider where EFA is attached,
 * and the rendezvous address: the first node's own, the others' by reference to it.
 */
export function distributedEnvironment(nodes: number, node: number, gpusPerNode: number, efa: boolean, firstNodeAddress: string | undefined): string[] {
  const torchrun: Record<string, string> = { NNODES: String(nodes), NODE_RANK: String(node), NPROC_PER_NODE: String(gpusPerNode), MASTER_PORT: String(RENDEZVOUS_PORT) };
  const nccl: Record<string, string> = efa ? { FI_PROVIDER: "efa", FI_EFA_USE_DEVICE_RDMA: "1", NCCL_SOCKET_IFNAME: "^docker,lo" } : {};
  const pairs = [...Object.entries(torchrun).flatMap(([k, v]) => [[k, v], [`PET_${k}`, v]]), ...Object.entries(nccl)];
  const lines = pairs.map(([name, value]) => `printf '%s\\n' ${shellQuote(`${name}=${value}`)} >> /run/gpu-workloads/env`);
  const ownAddress =
    '"$(curl -fsS -H "X-aws-ec2-metadata-token: $(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60")" http://169.254.169.254/latest/meta-data/local-ipv4)"';
  const master = firstNodeAddress === undefined ? ownAddress : shellQuote(firstNodeAddress);
  for (const name of ["MASTER_ADDR", "PET_MASTER_ADDR"]) lines.push(`printf '%s=%s\\n' ${shellQuote(name)} ${master} >> /run/gpu-workloads/env`);
  return lines;
}
