/**
 * Shell text the first-boot scripts are built from. Everything here is plain text for bash on the instance: no cdktf,
 * so the boot sandbox and shellcheck test exactly what an instance runs.
 */

/** Where the library keeps its scripts on the instance (root volume: survives a reboot). */
export const BOOT_DIR = "/opt/gpu-workloads";
/** Runtime state: the container's environment file (secrets included) and markers; tmpfs, gone at reboot. */
export const RUN_DIR = "/run/gpu-workloads";
export const ENV_FILE = `${RUN_DIR}/env`;

/** Attempts of every network step before it counts as failed: waits of 5, 10, 20, 40 s between them (75 s in all). */
export const NETWORK_ATTEMPTS = 5;

/** Shell single quotes: the text stays literal whatever it contains. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Bash lines that write `body` to `path` with `mode`; the quoted delimiter keeps the body literal. */
export function writeFile(path: string, body: string, mode: string): string[] {
  return [`cat > ${path} <<'GPU_WORKLOADS_EOF'`, body, "GPU_WORKLOADS_EOF", `chmod ${mode} ${path}`];
}

/**
 * The first part of the user data: writes the helpers the library's other parts (run after it, in order) and their
 * scripts source. Written once, however many parts use it: user data holds at most 16 KB.
 */
export function libraryPart(): string {
  return [
    "#!/bin/bash",
    "# cdktf-gpu-workloads: the helpers its other parts and scripts share",
    "set -euo pipefail",
    `install -d -m 0755 ${BOOT_DIR}`,
    ...writeFile(`${BOOT_DIR}/lib.sh`, SHELL_LIBRARY, "0644"),
    "",
  ].join("\n");
}

/** The first lines of every script: strict mode and the shared helpers. */
export function scriptHeader(what: string): string[] {
  return ["#!/bin/bash", `# cdktf-gpu-workloads: ${what}`, "set -euo pipefail", "# shellcheck source=/dev/null", `. ${BOOT_DIR}/lib.sh`];
}

/**
 * Helpers every script sources. Each network read retries with backoff and then fails; a value that comes back empty
 * (a secret, a metadata field, a parameter) is a failure too, never an empty variable.
 */
export const SHELL_LIBRARY = [
  "# cdktf-gpu-workloads: helpers the workload's scripts share (sourced)",
  "log() { printf 'cdktf-gpu-workloads: %s\\n' \"$*\" >&2; }",
  "",
  "# retry ATTEMPTS COMMAND...: runs COMMAND until it succeeds, at most ATTEMPTS times, waiting 5, 10, 20, 40, 60, 60... s between.",
  "retry() {",
  "  local attempts=$1 attempt=1 delay=5",
  "  shift",
  '  until "$@"; do',
  '    if [ "$attempt" -ge "$attempts" ]; then',
  '      log "gave up after $attempt attempts: $*"',
  "      return 1",
  "    fi",
  '    log "attempt $attempt of $attempts failed, next in ${delay} s: $*"',
  '    sleep "$delay"',
  "    attempt=$((attempt + 1))",
  "    delay=$((delay * 2 > 60 ? 60 : delay * 2))",
  "  done",
  "}",
  "",
  "# nonempty WHAT VALUE: prints VALUE; fails, naming WHAT, when it is empty or spans lines.",
  "nonempty() {",
  '  if [ -z "$2" ] || [ "$2" = None ]; then',
  '    log "$1 is empty"',
  "    return 1",
  "  fi",
  "  case $2 in *$'\\n'* | *$'\\r'*)",
  '    log "$1 spans several lines"',
  "    return 1",
  "    ;;",
  "  esac",
  "  printf '%s\\n' \"$2\"",
  "}",
  "",
  "# metadata PATH: one instance metadata value, through IMDSv2.",
  "metadata() {",
  "  local token value",
  "  token=$(retry " +
    NETWORK_ATTEMPTS +
    " curl -fsS -m 5 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' http://169.254.169.254/latest/api/token) || return 1",
  "  value=$(retry " + NETWORK_ATTEMPTS + ' curl -fsS -m 5 -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1") || return 1',
  '  nonempty "instance metadata $1" "$value"',
  "}",
  "",
  "# parameter REGION NAME: an SSM parameter Terraform writes once the resources exist (retried while it appears).",
  "parameter() {",
  "  local value",
  '  value=$(retry 8 aws ssm get-parameter --region "$1" --name "$2" --query Parameter.Value --output text) || return 1',
  '  nonempty "parameter $2" "$value"',
  "}",
  "",
  "# ecr_login REGION REGISTRY: docker logs in to an ECR registry, in the registry's own region.",
  "ecr_login() {",
  "  local token",
  '  token=$(aws ecr get-login-password --region "$1") || return 1',
  '  docker login --username AWS --password-stdin "$2" <<<"$token"',
  "}",
  "",
  "# secret_env NAME REGION SECRET_ARN [JSON_KEY]: prints NAME=value for the environment file; a secret that cannot be",
  "# read, is empty, lacks the key or spans lines stops here (docker --env-file takes one line per variable).",
  "secret_env() {",
  "  local value",
  "  value=$(retry " + NETWORK_ATTEMPTS + ' aws secretsmanager get-secret-value --region "$2" --secret-id "$3" --query SecretString --output text) || return 1',
  '  if [ -n "${4:-}" ]; then',
  '    value=$(printf \'%s\' "$value" | python3 -c \'import json, sys; v = json.load(sys.stdin)[sys.argv[1]]; print(v if isinstance(v, str) else json.dumps(v), end="")\' "$4") || {',
  '      log "secret $3 has no JSON key $4 (for $1)"',
  "      return 1",
  "    }",
  "  fi",
  '  value=$(nonempty "secret $3${4:+ key $4} (for $1)" "$value") || return 1',
  '  printf \'%s=%s\\n\' "$1" "$value"',
  "}",
  "",
  "# fence_metadata SLICE: processes in the systemd slice SLICE (a job's container on the host network, where the IMDS",
  "# hop limit keeps nothing out) cannot reach instance metadata, nor so the instance role: the kernel rejects their",
  "# connections by cgroup (iptables' cgroup match, cgroup v2). Checked, and added when missing: a slice started anew is",
  "# a new cgroup, which an old rule does not match.",
  "fence_metadata() {",
  '  local rule=(OUTPUT -d 169.254.169.254/32 -m cgroup --path "$1" -j REJECT)',
  '  systemctl start "$1" || return 1',
  '  iptables -w -C "${rule[@]}" 2>/dev/null || iptables -w -I "${rule[@]}"',
  "}",
  "",
].join("\n");
