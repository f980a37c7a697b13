import { BOOT_DIR, ENV_FILE, NETWORK_ATTEMPTS, RUN_DIR, scriptHeader, shellQuote } from "./shell";

/** A Secrets Manager secret read into one environment variable: its whole string, or one key of a JSON secret. */
export interface SecretReference {
  readonly secretArn: string;
  /** The key of a JSON key/value secret whose value the variable gets. @default - the whole secret string */
  readonly jsonKey?: string;
}

/** A container the instances run (a server or a training job), as the first-boot scripts start it. */
export interface ContainerSpec {
  readonly image: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly secretEnv: Readonly<Record<string, SecretReference>>;
  /** Synced to /model before the start. */
  readonly weightsS3Uri?: string;
  /** A Hugging Face model downloaded into the cache before the start, with the image's own huggingface_hub (the vLLM preset). */
  readonly huggingFaceModel?: string;
  /** GiB the image takes on disk, unpacked: the root volume holds it. */
  readonly imageSizeGiB: number;
  readonly logRetentionDays: number;
}

/** Where an ECR image lives: the registry host and its region (the login must go to that region, whatever the workload's). */
export function ecrRegistry(
  image: string,
): { readonly host: string; readonly region: string; readonly account: string; readonly repository: string } | undefined {
  const m = /^((\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com)\/([a-z0-9][a-z0-9._/-]*)[:@]/.exec(image);
  return m ? { host: m[1], account: m[2], region: m[3], repository: m[4] } : undefined;
}

/** The region of a Secrets Manager ARN, where the secret must be read; undefined for anything else. */
export function secretRegion(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):/.exec(arn)?.[1];
}

/**
 * What vLLM itself would download (vllm/model_executor/model_loader/weight_utils.py: the first weight format the repo
 * has, never the original/ checkpoints), plus configs and tokenizers; run with the image's own huggingface_hub.
 */
const HUGGING_FACE_DOWNLOAD = [
  "import fnmatch, sys",
  "from huggingface_hub import HfApi, snapshot_download",
  "files = HfApi().list_repo_files(sys.argv[1])",
  'weights = next((p for p in ("*.safetensors", "*.bin", "*.pt") if fnmatch.filter(files, p)), "*.safetensors")',
  'snapshot_download(sys.argv[1], allow_patterns=[weights, "*.json", "*.model", "*.txt", "*.tiktoken", "*.jinja"], ignore_patterns=["original/*"])',
].join("; ");

/** Host folders the container sees: the weights read-only, the cache (Hugging Face downloads, compile caches) writable. */
export const CONTAINER_VOLUMES = `-v ${BOOT_DIR}/model:/model:ro -v ${BOOT_DIR}/cache:/root/.cache`;

/**
 * prepare.sh: every network step before the container starts, each retried with backoff, and the environment file
 * (variables, secrets, and what the `moreEnvironment` lines print) written root-only under /run. It exits non-zero when a step keeps
 * failing or a value is empty; what starts the container then does not start it.
 */
export function prepareScript(c: ContainerSpec, region: string, moreEnvironment: readonly string[] = []): string {
  const registry = ecrRegistry(c.image);
  const environment = [
    ...Object.entries(c.env).map(([name, value]) => `printf '%s\\n' ${shellQuote(`${name}=${value}`)}`),
    ...Object.entries(c.secretEnv).map(
      ([name, s]) =>
        `secret_env ${name} ${shellQuote(secretRegion(s.secretArn) ?? region)} ${shellQuote(s.secretArn)}${s.jsonKey === undefined ? "" : ` ${shellQuote(s.jsonKey)}`}`,
    ),
    ...moreEnvironment,
  ];
  return [
    ...scriptHeader(`prepare ${c.image}: secrets, weights and image, each retried; any that keeps failing stops the start`),
    `install -d -m 0700 ${RUN_DIR}`,
    // Readable by the container whatever user its image runs as.
    `install -d -m 0755 ${BOOT_DIR}/model ${BOOT_DIR}/cache`,
    // The environment file: root's alone, written whole before anything reads it.
    "umask 077",
    ...(environment.length ? ["{", ...environment.map((l) => `  ${l}`), `} >${ENV_FILE}`] : [`: >${ENV_FILE}`]),
    "umask 022",
    "instance=$(metadata instance-id)",
    `printf '%s\\n' "$instance" >${RUN_DIR}/instance-id`,
    ...(registry ? [`retry ${NETWORK_ATTEMPTS} ecr_login ${shellQuote(registry.region)} ${shellQuote(registry.host)}`] : []),
    ...(c.weightsS3Uri
      ? [`retry ${NETWORK_ATTEMPTS} aws s3 sync --only-show-errors --region ${shellQuote(region)} ${shellQuote(c.weightsS3Uri)} ${BOOT_DIR}/model`]
      : []),
    `retry ${NETWORK_ATTEMPTS} docker pull ${shellQuote(c.image)}`,
    ...(c.huggingFaceModel
      ? [
          `retry ${NETWORK_ATTEMPTS} docker run --rm --entrypoint python3 --env-file ${ENV_FILE} ${CONTAINER_VOLUMES} ${shellQuote(c.image)} -c ${shellQuote(HUGGING_FACE_DOWNLOAD)} ${shellQuote(c.huggingFaceModel)}`,
        ]
      : []),
    `log ${shellQuote(`prepared ${c.image}`)}`,
    "",
  ].join("\n");
}

/**
 * The `docker run` that starts the container with the NVIDIA runtime, its environment file and its logs in CloudWatch
 * Logs (one stream per instance: $instance, which start.sh reads).
 */
export function dockerRun(
  name: string,
  c: ContainerSpec,
  o: { readonly region: string; readonly logGroupName: string; readonly network: string; readonly cgroupParent?: string },
): string {
  return [
    `exec docker run --rm --name ${name} --gpus all --ipc=host --ulimit memlock=-1`,
    o.network,
    ...(o.cgroupParent ? [`--cgroup-parent ${o.cgroupParent}`] : []),
    `--env-file ${ENV_FILE}`,
    CONTAINER_VOLUMES,
    `--log-driver awslogs --log-opt awslogs-region=${shellQuote(o.region)} --log-opt awslogs-group=${shellQuote(o.logGroupName)} --log-opt "awslogs-stream=$instance"`,
    shellQuote(c.image),
    ...c.args.map(shellQuote),
  ].join(" ");
}

/** Exit status of start.sh when the preparation failed. */
export const PREPARATION_FAILED = 3;

/** A step start.sh takes after the preparation that must succeed too, or the container is not started. */
export interface StartGuard {
  /** One command (a helper of lib.sh, e.g. fence_metadata). */
  readonly command: string;
  readonly failure: string;
}

/**
 * start.sh: prepares, then replaces itself with the container. Exit status 3 means the preparation (or a guard) failed:
 * the unit does not restart on it (RestartPreventExitStatus=3) and goes to its failure handling.
 */
export function startScript(name: string, what: string, run: string, guard?: StartGuard): string {
  const refuse = (why: string) => [`  echo ${shellQuote(`cdktf-gpu-workloads: ${why}; ${what} is not started`)} >&2`, `  exit ${PREPARATION_FAILED}`, "fi"];
  return [
    "#!/bin/bash",
    `# cdktf-gpu-workloads: prepare, then run ${what}`,
    "set -uo pipefail",
    `if ! ${BOOT_DIR}/prepare.sh; then`,
    ...refuse("the preparation failed"),
    ...(guard ? ["# shellcheck source=/dev/null", `. ${BOOT_DIR}/lib.sh`, `if ! ${guard.command}; then`, ...refuse(guard.failure)] : []),
    `docker rm -f ${name} >/dev/null 2>&1 || true`,
    `instance=$(cat ${RUN_DIR}/instance-id) || exit 1`,
    run,
    "",
  ].join("\n");
}
