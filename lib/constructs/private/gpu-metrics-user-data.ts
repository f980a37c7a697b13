import { CpuArchitecture } from "../../taxonomy/instance-type";
import { AmiOperatingSystem } from "../workload-props";

/** CloudWatch agent metric the default fleet scaling tracks (the agent's nvidia_gpu plugin). */
export const GPU_UTILIZATION_METRIC = { namespace: "CWAgent", metricName: "nvidia_smi_utilization_gpu" } as const;

/**
 * First-boot script that installs the CloudWatch agent and reports GPU utilization aggregated per
 * Auto Scaling group, the metric the fleet's target tracking reads (CloudWatch agent guide,
 * "Collect NVIDIA GPU metrics"; packages from the agent's public S3 download locations).
 */
export function gpuMetricsScript(os: AmiOperatingSystem, arch: CpuArchitecture): string {
  const debArch = arch === "arm64" ? "arm64" : "amd64";
  const install =
    os === "amazon-linux-2023"
      ? "dnf install -y amazon-cloudwatch-agent"
      : `curl -fsSL -o /tmp/cwagent.deb https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/${debArch}/latest/amazon-cloudwatch-agent.deb && dpkg -i /tmp/cwagent.deb`;
  const config = {
    agent: { metrics_collection_interval: 60 },
    metrics: {
      namespace: GPU_UTILIZATION_METRIC.namespace,
      append_dimensions: { AutoScalingGroupName: "${aws:AutoScalingGroupName}" },
      aggregation_dimensions: [["AutoScalingGroupName"]],
      metrics_collected: { nvidia_gpu: { measurement: ["utilization_gpu", "memory_used", "memory_total"] } },
    },
  };
  return [
    "#!/bin/bash",
    "# cdktf-gpu-workloads: report GPU utilization for target-tracking scaling",
    "set -euo pipefail",
    install,
    "cat > /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json <<'JSON'",
    JSON.stringify(config),
    "JSON",
    "/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json",
    "",
  ].join("\n");
}
