import { Decision } from "../../../selection/decision";
import { vllmMaxNumSeqs } from "../../../selection/estimate/inference-memory";
import { DEFAULT_CONTEXT_TOKENS } from "../../../selection/estimate/model-usage";
import { usableMemoryGiB } from "../../../taxonomy/gpu-share";
import { InvalidRequirementError, UnresolvedValueError } from "../../../validation/errors";
import { checkNumber } from "../../../validation/numbers";
import { ContainerOptions, DEFAULT_VLLM_IMAGE, Serve, ServeOptions, TrainingJob, VllmOptions } from "../../serving";
import { GpuWorkloadProps } from "../../workload-props";
import { isToken } from "../tokens";
import { PROP_RULES } from "../validate-props";

/** A container the instances run: what the first-boot script starts and the grants it needs. */
export interface ContainerService {
  readonly image: string;
  readonly port?: number;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly secretEnv: Readonly<Record<string, string>>;
  readonly weightsS3Uri?: string;
  readonly healthCheckPath?: string;
  readonly logRetentionDays: number;
}

/** Tag or digest: an image is never pulled as whatever "latest" is at boot. */
const PINNED_IMAGE = /^[a-z0-9][a-z0-9._\-/]*(:[0-9]+)?[a-z0-9._\-/]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([a-z0-9][a-z0-9._/-]*)[:@]/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/[^\s'"\\]*)?$/;
const HTTP_PATH = /^\/[A-Za-z0-9._~\-/%]*$/;
/** CloudWatch Logs accepts these retention periods only (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
export const DEFAULT_LOG_RETENTION_DAYS = 365;

const WRITTEN = "it is written into the instances' first-boot script at synth";

/** The service a workload's `serve` (or `job`) describes, checked, with a preset's flags derived from the decision. */
export function resolveServe(serve: Serve, decision: Decision, props: GpuWorkloadProps): ContainerService {
  if (serve === null || typeof serve !== "object") throw new InvalidRequirementError("serve", serve, "give { image, port, healthCheckPath } or Serving.vllm({ model })");
  const options: ServeOptions = "preset" in serve ? vllm(serve.options, decision, props) : serve;
  checkContainer("serve", options);
  checkNumber("serve.port", options.port, PROP_RULES.port);
  if (options.port === undefined) throw new InvalidRequirementError("serve.port", undefined, "give the port the server listens on");
  text("serve.healthCheckPath", options.healthCheckPath);
  if (!HTTP_PATH.test(options.healthCheckPath)) throw new InvalidRequirementError("serve.healthCheckPath", options.healthCheckPath, 'give an HTTP path such as "/health"');
  return { ...containerService(options), port: options.port, healthCheckPath: options.healthCheckPath };
}

/** A training job's container, checked. */
export function resolveJob(job: TrainingJob): ContainerService {
  if (job === null || typeof job !== "object") throw new InvalidRequirementError("job", job, 'give { image, command }, e.g. { image: "nvcr.io/nvidia/pytorch:24.10-py3", command: ["torchrun", "train.py"] }');
  checkContainer("job", job);
  if (job.shutdownOnExit !== undefined && typeof job.shutdownOnExit !== "boolean") throw new InvalidRequirementError("job.shutdownOnExit", job.shutdownOnExit, "give true or false");
  return containerService(job);
}

/** What a server and a job run alike: a Hugging Face token joins the secrets as HF_TOKEN. */
function containerService(o: ContainerOptions): ContainerService {
  return {
    image: o.image,
    args: o.command ?? [],
    env: o.env ?? {},
    secretEnv: { ...(o.secretEnv ?? {}), ...(o.weights?.huggingFaceTokenSecretArn ? { HF_TOKEN: o.weights.huggingFaceTokenSecretArn } : {}) },
    weightsS3Uri: o.weights?.s3Uri,
    logRetentionDays: o.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}

/** vLLM's server with the flags that make what runs what was sized. */
function vllm(o: VllmOptions, decision: Decision, props: GpuWorkloadProps): ServeOptions {
  if (o === null || typeof o !== "object") throw new InvalidRequirementError("serve", o, "give Serving.vllm({ model })");
  text("serve.model", o.model);
  const estimate = decision.memoryEstimate;
  if (!estimate || estimate.mode !== "inference" || estimate.engine !== "vllm") {
    throw new InvalidRequirementError("serve", "Serving.vllm", 'it derives its flags from the memory estimate: give the workload a model (e.g. model: "llama-3.1-8b") served by engine "vllm"');
  }
  const port = o.port ?? 8000;
  const usage = props.usage ?? {};
  const target = { memoryGiB: usableMemoryGiB(decision.gpu, decision.gpuFraction), name: decision.gpu.name };
  // The sequences sized per replica for a throughput target, else what the usage or vLLM's server says.
  const sized = props.throughput ? decision.throughput?.sequencesPerReplica : undefined;
  const maxNumSeqs = usage.maxNumSeqs ?? sized ?? vllmMaxNumSeqs(usage, target);
  const model = o.weights?.s3Uri ? "/model" : o.model;
  return {
    image: o.image ?? DEFAULT_VLLM_IMAGE,
    port,
    healthCheckPath: "/health",
    command: [
      "--model", model,
      ...(o.weights?.s3Uri ? ["--served-model-name", o.model] : []),
      "--host", "0.0.0.0",
      "--port", String(port),
      "--tensor-parallel-size", String(decision.gpuCount),
      "--max-model-len", String(usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS),
      "--max-num-seqs", String(maxNumSeqs),
      "--gpu-memory-utilization", String(estimate.memoryUtilization),
      ...(usage.maxNumBatchedTokens !== undefined ? ["--max-num-batched-tokens", String(usage.maxNumBatchedTokens)] : []),
      ...(o.extraArgs ?? []),
    ],
    env: o.env,
    weights: o.weights,
    logRetentionDays: o.logRetentionDays,
  };
}

/** Checks what a container takes, naming the property: a pinned image, literal arguments and variables, secret ARNs. */
export function checkContainer(at: string, o: ContainerOptions): void {
  text(`${at}.image`, o.image);
  if (!PINNED_IMAGE.test(o.image) || /:latest$/.test(o.image)) {
    throw new InvalidRequirementError(`${at}.image`, o.image, 'pin the image by tag or digest, e.g. "vllm/vllm-openai:v0.11.0" (never "latest": every boot could run another server)');
  }
  (o.command ?? []).forEach((arg, i) => text(`${at}.command[${i}]`, arg));
  for (const [name, value] of Object.entries(o.env ?? {})) {
    if (!ENV_NAME.test(name)) throw new InvalidRequirementError(`${at}.env`, name, "name variables with letters, digits and _");
    text(`${at}.env.${name}`, value);
  }
  for (const [name, arn] of Object.entries(o.secretEnv ?? {})) {
    if (!ENV_NAME.test(name)) throw new InvalidRequirementError(`${at}.secretEnv`, name, "name variables with letters, digits and _");
    text(`${at}.secretEnv.${name}`, arn);
  }
  if (o.weights?.s3Uri !== undefined) {
    text(`${at}.weights.s3Uri`, o.weights.s3Uri);
    if (!S3_URI.test(o.weights.s3Uri)) throw new InvalidRequirementError(`${at}.weights.s3Uri`, o.weights.s3Uri, 'give an S3 location such as "s3://my-models/llama-3.1-8b/"');
  }
  if (o.weights?.huggingFaceTokenSecretArn !== undefined) text(`${at}.weights.huggingFaceTokenSecretArn`, o.weights.huggingFaceTokenSecretArn);
  if (o.logRetentionDays !== undefined && !LOG_RETENTION_DAYS.includes(o.logRetentionDays as never)) {
    throw new InvalidRequirementError(`${at}.logRetentionDays`, o.logRetentionDays, `use a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`);
  }
}

/** A literal string on one line: it goes into a shell script, and a Terraform reference cannot be written there at synth. */
function text(property: string, value: unknown): void {
  if (isToken(value)) throw new UnresolvedValueError(property, WRITTEN);
  if (typeof value !== "string" || value.length === 0 || /[\n\r\0]/.test(value)) {
    throw new InvalidRequirementError(property, value, "give a non-empty string on one line");
  }
}

/** The ECR repository an image comes from, as an ARN, when it does. */
export function ecrRepositoryArn(image: string): string | undefined {
  const m = ECR_IMAGE.exec(image);
  return m ? `arn:aws:ecr:${m[2]}:${m[1]}:repository/${m[3]}` : undefined;
}

/** The bucket ARN and key prefix of an S3 URI. */
export function s3Location(uri: string): { readonly bucketArn: string; readonly prefix: string } {
  const m = S3_URI.exec(uri)!;
  return { bucketArn: `arn:aws:s3:::${m[1]}`, prefix: (m[2] ?? "").replace(/^\//, "") };
}
