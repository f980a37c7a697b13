import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { HEALTH_PROBE_SECONDS, HealthWatch } from "../../../boot/server-boot";

/** The metric a single server reports its health as, in the workload's own namespace: 1 healthy (or loading), 0 not. */
export const SERVER_HEALTH_METRIC_NAME = "ServerHealthy";
/** Minutes of failed (or missing) reports before the alarm fires: a restart after 3 failed probes gets its chance first. */
const ALARM_MINUTES = 5;

/** What a single server's health probe publishes: to the workload's namespace, with `workload` as its Workload dimension. */
export function healthWatch(namespace: string, workload: string, graceSeconds: number): HealthWatch {
  return { graceSeconds, metricNamespace: namespace, metricName: SERVER_HEALTH_METRIC_NAME, workload };
}

/**
 * An alarm on a single server's health: in ALARM after 5 minutes without a healthy report, whether the server fails its
 * probe, has failed for good (its unit's start limit), or the instance stopped reporting at all (missing data breaches).
 * No action by default: add one through the workload's healthAlarm handle (an SNS topic, say).
 */
export function createHealthAlarm(scope: Construct, watch: HealthWatch, alarmName: string, tags: Record<string, string>): CloudwatchMetricAlarm {
  return new CloudwatchMetricAlarm(scope, "health-alarm", {
    alarmName,
    alarmDescription: "cdktf-gpu-workloads: the server has not answered its health check for 5 minutes (journalctl -u gpu-workload on the instance)",
    namespace: watch.metricNamespace,
    metricName: watch.metricName,
    dimensions: { Workload: watch.workload },
    statistic: "Minimum",
    period: HEALTH_PROBE_SECONDS,
    evaluationPeriods: ALARM_MINUTES,
    datapointsToAlarm: ALARM_MINUTES,
    comparisonOperator: "LessThanThreshold",
    threshold: 1,
    treatMissingData: "breaching",
    tags,
  });
}
