import { BOOT_DIR, NETWORK_ATTEMPTS, writeFile } from "./shell";

/** CloudWatch agent metric the default fleet scaling tracks (the agent's nvidia_gpu plugin), in the workload's own namespace. */
export const GPU_UTILIZATION_METRIC_NAME = "nvidia_smi_utilization_gpu";

/**
 * The CloudWatch agent's package for Ubuntu, its signature and AWS's signing key, and the key's fingerprint, which every
 * download is checked against (CloudWatch User Guide, "Verifying the signature of the CloudWatch agent package", as of
 * 2026-12-07). "latest" is taken only with a good signature by that key.
 */
export const CLOUDWATCH_AGENT = {
  packageUrl: (arch: string) => `https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/${arch}/latest/amazon-cloudwatch-agent.deb`,
  keyUrl: "https://amazoncloudwatch-agent.s3.amazonaws.com/assets/amazon-cloudwatch-agent.gpg",
  keyFingerprint: "937616F3450B7D806CBD9725D58167303B789C72",
} as const;

/** Seconds apt waits for the dpkg lock held by the image's own first-boot updates (unattended-upgrades) before failing. */
const DPKG_LOCK_TIMEOUT_SECONDS = 600;

/**
 * First-boot script that installs the CloudWatch agent and reports GPU utilization to the workload's own namespace,
 * aggregated over every instance (`[]`: no dimensions), the metric the fleet's target tracking reads (CloudWatch agent
 * guide, "Collect NVIDIA GPU metrics"). The namespace alone tells fleets apart: no tag lookups (ec2:DescribeTags) and no
 * host dimension. Downloads are retried; a package whose signature is not AWS's key stops the script before it is installed.
 */
export function metricsAgentScript(os: "ubuntu" | "amazon-linux", arch: "amd64" | "arm64", namespace: string): string {
  const install =
    os === "amazon-linux"
      ? [`retry ${NETWORK_ATTEMPTS} dnf install -y amazon-cloudwatch-agent`]
      : [
          "work=$(mktemp -d)",
          `retry ${NETWORK_ATTEMPTS} curl -fsSL -o "$work/agent.deb" '${CLOUDWATCH_AGENT.packageUrl(arch)}'`,
          `retry ${NETWORK_ATTEMPTS} curl -fsSL -o "$work/agent.deb.sig" '${CLOUDWATCH_AGENT.packageUrl(arch)}.sig'`,
          `retry ${NETWORK_ATTEMPTS} curl -fsSL -o "$work/agent.gpg" '${CLOUDWATCH_AGENT.keyUrl}'`,
          'export GNUPGHOME="$work/gnupg"',
          'install -d -m 0700 "$GNUPGHOME"',
          'gpg --batch --quiet --import "$work/agent.gpg"',
          // VALIDSIG names the key that made the signature: any other key, or none, is refused.
          `if ! gpg --batch --status-fd 1 --verify "$work/agent.deb.sig" "$work/agent.deb" 2>/dev/null | grep -q '^\\[GNUPG:\\] VALIDSIG ${CLOUDWATCH_AGENT.keyFingerprint} '; then`,
          `  log 'the CloudWatch agent package is not signed by AWS key ${CLOUDWATCH_AGENT.keyFingerprint}: not installed'`,
          "  exit 1",
          "fi",
          `retry 3 apt-get install -y -o DPkg::Lock::Timeout=${DPKG_LOCK_TIMEOUT_SECONDS} "$work/agent.deb"`,
        ];
  const config = {
    agent: { metrics_collection_interval: 60, omit_hostname: true },
    metrics: {
      namespace,
      aggregation_dimensions: [[]],
      metrics_collected: { nvidia_gpu: { measurement: ["utilization_gpu", "memory_used", "memory_total"] } },
    },
  };
  return [
    "#!/bin/bash",
    "# cdktf-gpu-workloads: report GPU utilization for target-tracking scaling",
    "set -euo pipefail",
    "# shellcheck source=/dev/null",
    `. ${BOOT_DIR}/lib.sh`,
    ...install,
    ...writeFile("/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json", JSON.stringify(config), "0644"),
    `retry 3 /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json`,
    "",
  ].join("\n");
}
