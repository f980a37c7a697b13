import { Instance, InstanceConfig } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { base64 } from "../launch-template";
import { metadataOptions } from "../../../specs/launch-template";
import { isToken } from "../tokens";
import { CapacityEngine, SharedResources, WorkloadContext } from "./capacity-engine";
import { JobStopProps, createJobStop } from "./job-stop";
import { fixedCapacity } from "./workload-capacity";
import { createHealthAlarm, healthWatch } from "../serving/health-alarm";
import { HealthWatch } from "../../../boot/server-boot";
import type { GpuWorkload } from "../../gpu-workload";
import type { DeployedReader } from "../deployed-capacity";
import type { ClusterHandles, InstanceCapacity, InstanceHandles } from "../../capacity";

/** What a job's nodes need to stop themselves (and each other) when the job ends. */
export function jobStopProps(ctx: WorkloadContext, shared: SharedResources, nodes: readonly Instance[]): JobStopProps {
  return {
    nodes,
    role: shared.role,
    instanceProfileArn: shared.instanceProfileArn,
    region: ctx.decision.region,
    parameterPath: ctx.names.parameterPath,
    tags: ctx.stableTags,
  };
}

/** What a single server's probe reports, and its grace: the time it takes to become ready. */
export function serverHealthWatch(ctx: WorkloadContext): HealthWatch {
  return healthWatch(ctx.names.metricNamespace, ctx.names.unique, ctx.serverReadySeconds!);
}

/**
 * One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template.
 * Its tags (the decision's price among them) update in place; the template's content does not depend on them.
 * Plain configuration, constructed by the caller: cdktf records a full stack trace for every token the provider makes.
 */
export function instanceConfig(ctx: WorkloadContext, launchTemplate: LaunchTemplate, job?: NodeJob): InstanceConfig {
  return {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: metadataOptions(ctx.containersUseInstanceRole),
    monitoring: true,
    ebsOptimized: true,
    tags: { ...ctx.stableTags, ...ctx.decisionTags },
    ...(job && {
      // With a reference in it (the first node's address), plain text Terraform interpolates; otherwise base64 at synth.
      ...(isToken(job.userData) ? { userData: job.userData } : { userDataBase64: base64(job.userData) }),
      instanceInitiatedShutdownBehavior: job.shutdownOnExit ? "stop" : undefined,
      // A running job is never interrupted by an apply: a new job starts on replaced nodes only.
      lifecycle: { ignoreChanges: ["user_data", "user_data_base64"] },
    }),
  };
}

/** A job node's own user data (its rank and its first node's address) and what happens when the job ends. */
export interface NodeJob {
  readonly userData: string;
  readonly shutdownOnExit?: boolean;
}

/** Node `node`'s job, when there is one: its user data names its rank and the first node's address. */
export function nodeJob(ctx: WorkloadContext, node: number, first: Instance | undefined): NodeJob | undefined {
  return ctx.nodeUserData && { userData: ctx.nodeUserData(node, first), shutdownOnExit: ctx.shutdownOnExit };
}

/** The instances' ids, as an output. */
export function instanceIds(handles: InstanceHandles | ClusterHandles): Record<string, string[]> {
  return { "instance-ids": handles.instances.map((i) => i.id) };
}

/** A single instance's or a cluster's nodes: all run at once, each of its own type (the template's unless set). */
export function readInstances(_w: GpuWorkload, read: DeployedReader, handles: InstanceHandles | ClusterHandles): void {
  const running: { type: string; count: number }[] = [];
  for (const instance of handles.instances) {
    const c = read.configOf(instance);
    const type = c.instance_type === undefined ? read.templateType : read.literal<string>(c.instance_type, "an instance's instance_type");
    const count = read.literal<number>(c.count ?? 1, "an instance's count") ?? 1;
    if (type === undefined) continue;
    running.push({ type, count });
    read.boughtOnMarket(c.instance_market_options?.market_type ?? read.templateMarket, "the instances' market");
  }
  read.runs(running);
}

/** A single instance: on-demand or in a capacity reservation (spot runs as a fleet of one, which heals). */
export const SINGLE_INSTANCE: CapacityEngine<InstanceCapacity, InstanceHandles> = {
  kind: "instance",
  factory: "Capacity.instance()",
  fromShorthands: () => ({ kind: "instance" }),
  outputs: instanceIds,
  serviceLaunchesInstances: false,
  settings: (ctx: WorkloadContext) => ({ pinsSubnet: true, efa: ctx.efa, watchesOwnHealth: ctx.service !== undefined }),
  create(scope, ctx, shared) {
    const instance = new Instance(scope, "instance", instanceConfig(ctx, shared.launchTemplate, nodeJob(ctx, 0, undefined)));
    if (ctx.nodeUserData && ctx.shutdownOnExit) createJobStop(scope, jobStopProps(ctx, shared, [instance]));
    const healthAlarm = ctx.service && createHealthAlarm(scope, serverHealthWatch(ctx), ctx.names.healthAlarm, ctx.stableTags);
    return { capacity: fixedCapacity(this.kind, ctx.decision, 1), handles: { instances: [instance], healthAlarm } };
  },
  readDeployed: readInstances,
};
