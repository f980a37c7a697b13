import { Decision } from "../../../selection/decision";
import { vllmMaxNumSeqs } from "../../../selection/estimate/inference-memory";
import { DEFAULT_CONTEXT_TOKENS } from "../../../selection/estimate/model-usage";
import { usableMemoryGiB } from "../../../taxonomy/gpu-share";
import { InvalidRequirementError, UnresolvedValueError } from "../../../validation/errors";
import { checkNumber } from "../../../validation/numbers";
import { PIN_HINT, isPinnedImage } from "../../../validation/container-image";
import { ContainerSpec, ecrRegistry } from "../../../boot/container";
import {
  ContainerOptions,
  DEFAULT_IMAGE_SIZE_GIB,
  DEFAULT_VLLM_IMAGE,
  SecretValue,
  Serve,
  ServeOptions,
  ServeTls,
  ServeTlsCertificate,
  TrainingJob,
  VLLM_IMAGE_SIZE_GIB,
  VllmOptions,
} from "../../serving";
import { GpuWorkloadProps } from "../../workload-props";
import { isToken } from "../tokens";
import { PROP_RULES } from "../validate-props";
import { DEFAULT_LOG_RETENTION_DAYS, checkLogRetention } from "../log-group";

/** A container the instances run: what the first-boot script starts (a server's port and health path) and the grants it needs. */
export interface ContainerService extends ContainerSpec {
  readonly port?: number;
  readonly healthCheckPath?: string;
  /** A server's listener choice (a fleet's load balancer). */
  readonly tls?: ServeTls;
}

/** Names that hold secrets by convention: their values belong in secretEnv (read on the instance), never in user data. */
const SECRET_SHAPED_NAME = /^(HF_TOKEN|HUGGING_FACE_HUB_TOKEN|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)$|(^|_)API_KEY$|SECRET|(^|_)PASSWORD$/i;
/** vLLM flags that carry a secret on the command line (in user data and the process list). */
const SECRET_FLAGS = /^--(api-key|hf-token)(=|$)/;
/** Listener policies that allow TLS 1.2 and later only (the prefixes checkov's CKV_AWS_103 accepts). */
const TLS_1_2_POLICY = /^ELBSecurityPolicy-(TLS13-|TLS-1-2-|FS-1-2-)[A-Za-z0-9-]+$/;
export const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";
const ACM_CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/[^\s'"\\]*)?$/;
const HTTP_PATH = /^\/[A-Za-z0-9._~\-/%]*$/;

/** An image's unpacked size, for the root volume: whole GiB, at most a volume's worth. */
const IMAGE_SIZE_RULE = { integer: true, min: 1, max: 1024, unit: "GiB" } as const;

const WRITTEN = "it is written into the instances' first-boot script at synth";

/** The service a workload's `serve` describes, checked, with a preset's flags derived from the decision. */
export function resolveServe(serve: Serve, decision: Decision, props: GpuWorkloadProps): ContainerService {
  if (serve === null || typeof serve !== "object")
    throw new InvalidRequirementError("serve", serve, "give { image, port, healthCheckPath } or Serving.vllm({ model })");
  if ("preset" in serve) return vllm(serve.options, decision, props);
  checkContainer("serve", serve);
  checkNumber("serve.port", serve.port, PROP_RULES.port);
  if (serve.port === undefined) throw new InvalidRequirementError("serve.port", undefined, "give the port the server listens on");
  text("serve.healthCheckPath", serve.healthCheckPath);
  if (!HTTP_PATH.test(serve.healthCheckPath))
    throw new InvalidRequirementError("serve.healthCheckPath", serve.healthCheckPath, 'give an HTTP path such as "/health"');
  checkTls(serve.tls, decision.region);
  return { ...containerSpec(serve), port: serve.port, healthCheckPath: serve.healthCheckPath, tls: serve.tls };
}

/** A listener choice: "none", or a certificate in the workload's region with a TLS 1.2+ policy. */
function checkTls(tls: unknown, region: string): void {
  if (tls === undefined || tls === "none") return;
  if (tls === null || typeof tls !== "object" || Array.isArray(tls)) {
    throw new InvalidRequirementError("serve.tls", tls, 'give { certificateArn } (an ACM certificate: the load balancer terminates TLS) or "none" (plain TCP)');
  }
  const { certificateArn, sslPolicy } = tls as ServeTlsCertificate;
  if (!isToken(certificateArn)) {
    const m = typeof certificateArn === "string" ? ACM_CERTIFICATE_ARN.exec(certificateArn) : null;
    if (!m)
      throw new InvalidRequirementError(
        "serve.tls.certificateArn",
        certificateArn,
        'give an ACM certificate ARN such as "arn:aws:acm:us-east-1:123456789012:certificate/…", or a Terraform reference',
      );
    if (m[1] !== region)
      throw new InvalidRequirementError(
        "serve.tls.certificateArn",
        certificateArn,
        `the load balancer is in ${region} and takes a certificate from ACM in that region`,
      );
  }
  if (sslPolicy !== undefined && !isToken(sslPolicy) && (typeof sslPolicy !== "string" || !TLS_1_2_POLICY.test(sslPolicy))) {
    throw new InvalidRequirementError(
      "serve.tls.sslPolicy",
      sslPolicy,
      `give a policy that allows TLS 1.2 and later only, such as "${DEFAULT_SSL_POLICY}" (the default)`,
    );
  }
}

/** A training job's container, checked. */
export function resolveJob(job: TrainingJob): ContainerService {
  if (job === null || typeof job !== "object")
    throw new InvalidRequirementError(
      "job",
      job,
      'give { image, command }, e.g. { image: "nvcr.io/nvidia/pytorch:24.10-py3", command: ["torchrun", "train.py"] }',
    );
  checkContainer("job", job);
  if (job.shutdownOnExit !== undefined && typeof job.shutdownOnExit !== "boolean")
    throw new InvalidRequirementError("job.shutdownOnExit", job.shutdownOnExit, "give true or false");
  return containerSpec(job);
}

/** What a server and a job run alike: a Hugging Face token joins the secrets as HF_TOKEN. */
function containerSpec(o: ContainerOptions, imageSizeGiB = DEFAULT_IMAGE_SIZE_GIB): ContainerSpec {
  const secrets = Object.entries(o.secretEnv ?? {}).map(([name, value]) => [name, typeof value === "string" ? { secretArn: value } : value] as const);
  const token = o.weights?.huggingFaceTokenSecretArn;
  return {
    image: o.image,
    args: o.command ?? [],
    env: o.env ?? {},
    secretEnv: Object.fromEntries([...secrets, ...(token ? [["HF_TOKEN", { secretArn: token }] as const] : [])]),
    weightsS3Uri: o.weights?.s3Uri,
    imageSizeGiB: o.imageSizeGiB ?? imageSizeGiB,
    logRetentionDays: o.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}

/**
 * vLLM's server (`vllm serve`: the model is its positional argument) with the flags that make what runs what was sized:
 * the tensor-parallel size selection chose (it divides the model's attention heads) and the instance's other GPUs as
 * further copies (data parallel). Without weights from S3, the model is downloaded from the Hugging Face Hub before the
 * start, with retries. Every flag is one vLLM defines (test/fixtures/vllm-flags.json).
 */
function vllm(o: VllmOptions, decision: Decision, props: GpuWorkloadProps): ContainerService {
  if (o === null || typeof o !== "object") throw new InvalidRequirementError("serve", o, "give Serving.vllm({ model })");
  text("serve.model", o.model);
  const estimate = decision.memoryEstimate;
  if (!estimate || estimate.mode !== "inference" || estimate.engine !== "vllm") {
    throw new InvalidRequirementError(
      "serve",
      "Serving.vllm",
      'it derives its flags from the memory estimate: give the workload a model (e.g. model: "llama-3.1-8b") served by engine "vllm"',
    );
  }
  const apiKey = checkApiKey(o.apiKey);
  const options: ServeOptions = {
    ...o,
    image: o.image ?? DEFAULT_VLLM_IMAGE,
    port: o.port ?? 8000,
    healthCheckPath: "/health",
    // vLLM reads VLLM_API_KEY when no --api-key is given: the key stays in the root-only environment file.
    secretEnv: apiKey === "none" ? undefined : { VLLM_API_KEY: apiKey },
  };
  checkContainer("serve", options);
  checkNumber("serve.port", options.port, PROP_RULES.port);
  checkTls(o.tls, decision.region);
  (o.extraArgs ?? []).forEach((arg, i) => {
    text(`serve.extraArgs[${i}]`, arg);
    if (SECRET_FLAGS.test(arg))
      throw new InvalidRequirementError(
        `serve.extraArgs[${i}]`,
        arg,
        "a key on the command line is in user data and the process list: give apiKey (or weights.huggingFaceTokenSecretArn), read from Secrets Manager on the instance",
      );
  });
  const usage = props.usage ?? {};
  const target = { memoryGiB: usableMemoryGiB(decision.gpu, decision.gpuFraction), name: decision.gpu.name };
  const tensorParallel = estimate.gpuCount;
  const copies = decision.gpuCount / tensorParallel;
  // The sequences sized per copy for a throughput target, else what the usage or vLLM's server says.
  const sized = props.throughput ? decision.throughput && decision.throughput.sequencesPerReplica / copies : undefined;
  const maxNumSeqs = usage.maxNumSeqs ?? sized ?? vllmMaxNumSeqs(usage, target);
  const fromS3 = o.weights?.s3Uri !== undefined;
  const args = [
    fromS3 ? "/model" : o.model,
    ...(fromS3 ? ["--served-model-name", o.model] : []),
    "--host",
    "0.0.0.0",
    "--port",
    String(options.port),
    "--tensor-parallel-size",
    String(tensorParallel),
    ...(copies > 1 ? ["--data-parallel-size", String(copies)] : []),
    "--max-model-len",
    String(usage.contextTokens ?? DEFAULT_CONTEXT_TOKENS),
    "--max-num-seqs",
    String(maxNumSeqs),
    "--gpu-memory-utilization",
    String(estimate.memoryUtilization),
    ...(usage.maxNumBatchedTokens !== undefined ? ["--max-num-batched-tokens", String(usage.maxNumBatchedTokens)] : []),
    // The cache precision the estimate sized: fp8 holds twice the sequences.
    ...(usage.kvCachePrecision === "fp8" ? ["--kv-cache-dtype", "fp8"] : []),
    ...(o.extraArgs ?? []),
  ];
  return {
    ...containerSpec({ ...options, command: args }, VLLM_IMAGE_SIZE_GIB),
    huggingFaceModel: fromS3 ? undefined : o.model,
    port: options.port,
    healthCheckPath: options.healthCheckPath,
    tls: o.tls,
  };
}

/** The vLLM preset serves with a key from Secrets Manager, or without one when told so. */
function checkApiKey(apiKey: unknown): SecretValue | "none" {
  if (apiKey === undefined) {
    throw new InvalidRequirementError(
      "serve.apiKey",
      undefined,
      'give the Secrets Manager secret that holds the key clients must send (an ARN, or { secretArn, jsonKey }), or apiKey: "none" to serve without one (anyone who reaches the endpoint may use it)',
    );
  }
  return apiKey as SecretValue | "none";
}

/** Checks what a container takes, naming the property: a pinned image, literal arguments and variables, secret ARNs. */
export function checkContainer(at: string, o: ContainerOptions): void {
  text(`${at}.image`, o.image);
  if (!isPinnedImage(o.image)) throw new InvalidRequirementError(`${at}.image`, o.image, PIN_HINT);
  (o.command ?? []).forEach((arg, i) => text(`${at}.command[${i}]`, arg));
  for (const [name, value] of Object.entries(o.env ?? {})) {
    if (!ENV_NAME.test(name)) throw new InvalidRequirementError(`${at}.env`, name, "name variables with letters, digits and _");
    if (SECRET_SHAPED_NAME.test(name)) {
      throw new InvalidRequirementError(
        `${at}.env.${name}`,
        "(value not shown)",
        `its name says it is a secret, and env is written into user data (readable by anyone who can describe the instance): give it in secretEnv as a Secrets Manager secret ARN, read on the instance`,
      );
    }
    text(`${at}.env.${name}`, value);
  }
  for (const [name, value] of Object.entries(o.secretEnv ?? {})) {
    if (!ENV_NAME.test(name)) throw new InvalidRequirementError(`${at}.secretEnv`, name, "name variables with letters, digits and _");
    if (value !== null && typeof value === "object" && !isToken(value)) {
      text(`${at}.secretEnv.${name}.secretArn`, value.secretArn);
      text(`${at}.secretEnv.${name}.jsonKey`, value.jsonKey);
    } else {
      text(`${at}.secretEnv.${name}`, value);
    }
  }
  checkNumber(`${at}.imageSizeGiB`, o.imageSizeGiB, IMAGE_SIZE_RULE);
  if (o.weights?.s3Uri !== undefined) {
    text(`${at}.weights.s3Uri`, o.weights.s3Uri);
    if (!S3_URI.test(o.weights.s3Uri))
      throw new InvalidRequirementError(`${at}.weights.s3Uri`, o.weights.s3Uri, 'give an S3 location such as "s3://my-models/llama-3.1-8b/"');
  }
  if (o.weights?.huggingFaceTokenSecretArn !== undefined) text(`${at}.weights.huggingFaceTokenSecretArn`, o.weights.huggingFaceTokenSecretArn);
  checkLogRetention(`${at}.logRetentionDays`, o.logRetentionDays);
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
  const r = ecrRegistry(image);
  return r && `arn:aws:ecr:${r.region}:${r.account}:repository/${r.repository}`;
}

/** The bucket ARN and key prefix of an S3 URI. */
export function s3Location(uri: string): { readonly bucketArn: string; readonly prefix: string } {
  const m = S3_URI.exec(uri)!;
  return { bucketArn: `arn:aws:s3:::${m[1]}`, prefix: (m[2] ?? "").replace(/^\//, "") };
}
