/**
 * What a RealtimeInference or ImageGeneration workload runs: a container image as a systemd service with the NVIDIA
 * runtime, restarted on failure, logging to CloudWatch Logs, and (in a fleet) behind an internal load balancer whose
 * health check is the server's readiness path. `Serving.vllm` derives vLLM's flags from the decision.
 */

/** Where a server's model weights come from. */
export interface ModelWeights {
  /** An S3 location, "s3://bucket/prefix/": synced to the instance before the container starts (read access is granted). */
  readonly s3Uri?: string;
  /** A Secrets Manager secret holding a Hugging Face token (for gated models): passed as HF_TOKEN, never in user data. */
  readonly huggingFaceTokenSecretArn?: string;
}

/** One key of a JSON key/value secret (Secrets Manager's "key/value" secrets), read into one environment variable. */
export interface SecretKeyReference {
  /** The secret's ARN (read access is granted). */
  readonly secretArn: string;
  /** The key whose value the variable gets, e.g. "token". */
  readonly jsonKey: string;
}

/**
 * Where an environment variable's secret value comes from: a secret ARN (its whole string) or one key of a JSON secret.
 * The value must be non-empty and on one line, or the container is not started.
 */
export type SecretValue = string | SecretKeyReference;

/**
 * How clients reach a serving fleet's load balancer: TLS terminated there with an ACM certificate (a TLS listener with a
 * TLS 1.2+ policy; the instances behind it are reached inside the VPC), or "none", plain TCP: an explicit choice, since
 * anything that reaches the listener (see allowFrom) then reads and writes requests, API keys included, in clear text.
 */
export type ServeTls = ServeTlsCertificate | "none";

/** TLS on a serving fleet's load balancer. */
export interface ServeTlsCertificate {
  /** An ACM certificate in the workload's region, e.g. "arn:aws:acm:us-east-1:123456789012:certificate/…" (or a Terraform reference). */
  readonly certificateArn: string;
  /**
   * The listener's security policy: TLS 1.2 or later only ("ELBSecurityPolicy-TLS13-…", "-TLS-1-2-…", "-FS-1-2-…").
   * @default "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" (AWS's recommended policy for Network Load Balancers: TLS 1.3 and 1.2 with AES-GCM, post-quantum key exchange)
   */
  readonly sslPolicy?: string;
}

/** What any container the instances run takes: a server (ServeOptions) or a training job (TrainingJob). */
export interface ContainerOptions {
  /** Image pinned by tag or digest ("vllm/vllm-openai:v0.13.0", "…@sha256:…"); ECR images get pull access granted. */
  readonly image: string;
  /** Arguments after the image, e.g. ["torchrun", "train.py"]. @default - the image's */
  readonly command?: readonly string[];
  /**
   * Environment variables, not secrets: a secret-shaped name (HF_TOKEN, *_API_KEY, *SECRET*, *_PASSWORD, AWS credentials)
   * is refused here; give it in secretEnv. A training job's come besides the distributed environment. @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Environment variables read from Secrets Manager before each start, by secret ARN or `{ secretArn, jsonKey }` (read
   * access is granted). A secret that cannot be read, is empty, lacks the key or spans lines stops the start. @default - none
   */
  readonly secretEnv?: Readonly<Record<string, SecretValue>>;
  /** Model weights, data or a base model synced from S3 to /model (read-only) before the container starts (read access is granted). @default - none */
  readonly weights?: ModelWeights;
  /** CloudWatch Logs retention of the container's output, in days. @default 365 (a year: CKV_AWS_338) */
  readonly logRetentionDays?: number;
  /** GiB the image takes on disk once unpacked: the root volume holds it. @default 30 (DEFAULT_IMAGE_SIZE_GIB) */
  readonly imageSizeGiB?: number;
}

/** A container the instances run as a service. */
export interface ServeOptions extends ContainerOptions {
  /** The port the server listens on, on the instance and the load balancer. */
  readonly port: number;
  /** HTTP path that answers 2xx/3xx once the server is ready, e.g. "/health". */
  readonly healthCheckPath: string;
  /** A serving fleet's listener: TLS with a certificate, or "none". Required for a fleet; a single server has no load balancer. */
  readonly tls?: ServeTls;
}

/** vLLM's OpenAI-compatible server, its flags derived from what was sized. */
export interface VllmOptions {
  /** A Hugging Face model id ("meta-llama/Llama-3.1-8B-Instruct"), or with `weights.s3Uri`, the name clients use. */
  readonly model: string;
  /** vLLM's image (0.12 or later: its entrypoint is `vllm serve`), pinned by tag or digest. @default DEFAULT_VLLM_IMAGE */
  readonly image?: string;
  /**
   * The key clients send (`Authorization: Bearer …`), from Secrets Manager: a secret ARN or `{ secretArn, jsonKey }`,
   * read on the instance into VLLM_API_KEY (never in user data or on the process list; read access is granted). vLLM
   * checks it on /v1 (the OpenAI API), /v2, /inference and /cohere; /health answers without it (health checks keep
   * working), and so do /invocations, /tokenize, /pooling, /score, /rerank and /classify (vLLM's own choice): the
   * network (allowFrom, the internal load balancer, TLS) stays the perimeter. "none" serves without a key, explicitly.
   */
  readonly apiKey: SecretValue | "none";
  /** A serving fleet's listener: TLS with a certificate, or "none". Required for a fleet; a single server has no load balancer. */
  readonly tls?: ServeTls;
  /** The port the server listens on, on the instance and the load balancer. @default 8000 */
  readonly port?: number;
  /** Weights from S3 (served from /model) or a Hugging Face token for gated models. @default - vLLM downloads `model` from Hugging Face */
  readonly weights?: ModelWeights;
  /** Further flags, after the derived ones (a later flag wins in vLLM's parser); never a key (`--api-key`: use apiKey). @default - none */
  readonly extraArgs?: readonly string[];
  /** Environment variables (not secrets: see ContainerOptions.env). @default - none */
  readonly env?: Readonly<Record<string, string>>;
  /** CloudWatch Logs retention of the server's output, in days. @default 365 */
  readonly logRetentionDays?: number;
  /** GiB the image takes on disk once unpacked. @default 30 (VLLM_IMAGE_SIZE_GIB) */
  readonly imageSizeGiB?: number;
}

/** A serving preset, resolved against the decision when the workload is built. */
export interface VllmServing {
  /** Marks the vLLM preset. */
  readonly preset: "vllm";
  /** The options given to Serving.vllm. */
  readonly options: VllmOptions;
}

/** What a workload serves: a container given in full, or a preset such as Serving.vllm. */
export type Serve = ServeOptions | VllmServing;

/**
 * The vLLM image Serving.vllm runs unless told otherwise: 0.32.0, the only release no recorded advisory affects
 * (test/fixtures/vllm-advisories.json: 87 PyPA/OSV/GitHub advisories for vllm, read 2026-12-07, published through
 * 2026-10-29; 0.13.0, the previous default, is in 45 of them, remote code execution among them). Its entrypoint is
 * `vllm serve`, which takes the model as its positional argument. By tag only: no public source gives the digest of
 * v0.32.0 (see the README); pin a digest of your own with `image: "vllm/vllm-openai:v0.32.0@sha256:…"`.
 */
export const DEFAULT_VLLM_IMAGE = "vllm/vllm-openai:v0.32.0";

/**
 * GiB the vLLM image takes unpacked: 28.6 GB for vllm-openai in the v0.12 era (vllm-project/vllm#22377, 2025-12), about
 * 12 GB compressed (vllm-project/vllm#27154, 2025-10): 30 GiB.
 */
export const VLLM_IMAGE_SIZE_GIB = 30;

export { DEFAULT_IMAGE_SIZE_GIB } from "../selection/estimate/start-up";

/** Serving presets: servers whose flags are derived from the workload's decision. */
export class Serving {
  /**
   * vLLM's OpenAI-compatible server (`/v1/chat/completions`, health at `/health`). From the decision:
   * `--tensor-parallel-size` = GPUs per instance, `--max-model-len` = usage.contextTokens, `--max-num-seqs` = the
   * sequences sized per replica (or usage.maxNumSeqs), `--gpu-memory-utilization` = the estimate's.
   */
  static vllm(options: VllmOptions): VllmServing {
    return { preset: "vllm", options };
  }
}

/**
 * Training and FineTuning: a container started once on each node, with the distributed environment filled in for
 * torchrun (NNODES, NODE_RANK, NPROC_PER_NODE, MASTER_ADDR, MASTER_PORT and their PET_ forms, so a bare `torchrun
 * train.py` joins the run) and NCCL over EFA where the nodes have it.
 */
export interface TrainingJob extends ContainerOptions {
  /**
   * Stop the instance when the job ends or fails to start (instance-initiated shutdown behaviour "stop": the cost of the
   * instance ends, its volume stays, and the next apply does not start it again); in a cluster, a node whose job fails
   * stops the other nodes too. false keeps the instances running (and billing) after the job, e.g. to inspect them.
   * @default true
   */
  readonly shutdownOnExit?: boolean;
}
