import { CapacityKind } from "../../../plan/gpu-plan";
import { Decision } from "../../../selection/decision";
import { WORKLOAD_PROFILES } from "../../../taxonomy/workload-profiles";
import { InvalidRequirementError } from "../../../validation/errors";
import { GpuWorkloadProps } from "../../workload-props";
import { ContainerService, resolveJob, resolveServe } from "./container-service";

/**
 * What the workload runs, checked against its class and capacity: a server (RealtimeInference, ImageGeneration, on an
 * instance or a fleet) or a job (Training, FineTuning, on one node or a cluster).
 */
export function workloadContainers(
  props: GpuWorkloadProps,
  decision: Decision,
  kind: CapacityKind,
): { readonly service?: ContainerService; readonly job?: ContainerService } {
  const name = WORKLOAD_PROFILES[props.workload].displayName;
  if (props.serve !== undefined && props.workload !== "realtime-inference" && props.workload !== "image-generation") {
    throw new InvalidRequirementError("serve", "a server", `it is for RealtimeInference and ImageGeneration; a ${name} runs a job`);
  }
  const service = props.serve === undefined ? undefined : resolveServe(props.serve, decision, props);
  if (service && kind !== "instance" && kind !== "auto-scaling-group") {
    throw new InvalidRequirementError(
      "serve",
      "a server",
      `it runs on an instance or a fleet, not on ${kind === "cluster" ? `a ${decision.nodeCount}-node cluster` : "AWS Batch"}`,
    );
  }
  if (service && kind === "auto-scaling-group" && service.tls === undefined) {
    throw new InvalidRequirementError(
      "serve.tls",
      undefined,
      'a serving fleet\'s load balancer needs a choice: { certificateArn } (an ACM certificate: it terminates TLS) or "none" (plain TCP: whatever reaches the listener reads the traffic)',
    );
  }
  if (service && kind === "instance" && typeof service.tls === "object") {
    throw new InvalidRequirementError(
      "serve.tls",
      "a certificate",
      "a single server has no load balancer to terminate TLS: serve from a fleet (replicas >= 2 or { min, max }), or terminate TLS in front of it yourself",
    );
  }
  if (props.job !== undefined && props.workload !== "training" && props.workload !== "fine-tuning") {
    throw new InvalidRequirementError(
      "job",
      "a job",
      `it is for Training and FineTuning; a ${name} ${props.workload === "batch-processing" ? "submits jobs to AWS Batch (batch.job)" : "serves (serve)"}`,
    );
  }
  const job = props.job === undefined ? undefined : resolveJob(props.job);
  if (job && kind !== "instance" && kind !== "cluster") {
    throw new InvalidRequirementError("job", "a job", "it runs on one node or a cluster; a job is not replicated (remove replicas)");
  }
  return { service, job };
}

/**
 * Images known not to carry aws-ofi-nccl, NCCL's plugin for EFA: NVIDIA's NGC PyTorch images before 24.11 and again in
 * the newest releases ("no longer ships aws-ofi-nccl", NVIDIA-NeMo/Megatron-Bridge#5033, 2026). With NCCL_NET forced, a
 * job on such an image fails at start instead of running over TCP sockets.
 */
const NGC_PYTORCH = /^nvcr\.io\/nvidia\/pytorch[:@]/;

/** A warning for an EFA job whose image may lack aws-ofi-nccl; undefined when there is nothing to say. */
export function efaImageWarning(image: string, efa: boolean): string | undefined {
  if (!efa || !NGC_PYTORCH.test(image)) return undefined;
  return (
    `job.image ${image} may not carry aws-ofi-nccl (NGC's PyTorch images before 24.11, and the newest, do not): NCCL is told to use EFA ` +
    "(NCCL_NET), so without the plugin the job fails at start rather than falling back to TCP. Use an image with EFA and aws-ofi-nccl, " +
    "such as an AWS Deep Learning Container (763104351884.dkr.ecr.<region>.amazonaws.com/pytorch-training:<version>-ec2)."
  );
}
