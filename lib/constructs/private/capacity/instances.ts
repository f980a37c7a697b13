import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { base64, metadataOptions } from "../launch-template";
import { isToken } from "../tokens";
import { CapacityEngine, SharedResources, WorkloadContext } from "./capacity-engine";
import { JobStopProps, createJobStop } from "./job-stop";
import { fixedCapacity } from "./workload-capacity";
import { createHealthAlarm, healthWatch } from "../serving/health-alarm";
import { HealthWatch } from "../../../boot/server-boot";

/** What a job's nodes need to stop themselves (and each other) when the job ends. */
export function jobStopProps(ctx: WorkloadContext, shared: SharedResources, nodes: readonly Instance[]): JobStopProps {
  return { nodes, role: shared.role, instanceProfileArn: shared.instanceProfileArn, region: ctx.decision.region, parameterPath: ctx.names.parameterPath, tags: ctx.stableTags };
}

/** What a single server's probe reports, and its grace: the time it takes to become ready. */
export function serverHealthWatch(ctx: WorkloadContext): HealthWatch {
  return healthWatch(ctx.names.metricNamespace, ctx.names.unique, ctx.serverReadySeconds!);
}

/**
 * One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template.
 * Its tags (the decision's price among them) update in place; the template's content does not depend on them.
 */
export function createInstance(scope: Construct, id: string, launchTemplate: LaunchTemplate, tags: Record<string, string>, containersUseInstanceRole: boolean, job?: NodeJob): Instance {
  return new Instance(scope, id, {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: metadataOptions(containersUseInstanceRole),
    monitoring: true,
    ebsOptimized: true,
    tags,
    ...(job && {
      // With a reference in it (the first node's address), plain text Terraform interpolates; otherwise base64 at synth.
      ...(isToken(job.userData) ? { userData: job.userData } : { userDataBase64: base64(job.userData) }),
      instanceInitiatedShutdownBehavior: job.shutdownOnExit ? "stop" : undefined,
      // A running job is never interrupted by an apply: a new job starts on replaced nodes only.
      lifecycle: { ignoreChanges: ["user_data", "user_data_base64"] },
    }),
  });
}

/** A job node's own user data (its rank and its first node's address) and what happens when the job ends. */
export interface NodeJob {
  readonly userData: string;
  readonly shutdownOnExit?: boolean;
}

/** The nodes of a single instance or a cluster, each with its job's user data when there is a job. */
export function createNodes(scope: Construct, ctx: WorkloadContext, launchTemplate: LaunchTemplate, count: number, id: (node: number) => string): Instance[] {
  const tags = { ...ctx.stableTags, ...ctx.decisionTags };
  const nodes: Instance[] = [];
  for (let node = 0; node < count; node++) {
    const job = ctx.nodeUserData && { userData: ctx.nodeUserData(node, nodes[0]), shutdownOnExit: ctx.shutdownOnExit };
    nodes.push(createInstance(scope, id(node), launchTemplate, tags, ctx.containersUseInstanceRole, job));
  }
  return nodes;
}

/** A single instance: on-demand or in a capacity reservation (spot runs as a fleet of one, which heals). */
export const SINGLE_INSTANCE: CapacityEngine = {
  kind: "instance",
  serviceLaunchesInstances: false,
  settings: (ctx: WorkloadContext) => ({
    pinsSubnet: true,
    efa: ctx.props.efa === true,
    allowWithinGroup: false,
    mimeUserData: false,
    scalesOnGpu: false,
    clientsThroughLoadBalancer: false,
    watchesOwnHealth: ctx.service !== undefined,
    admitsWhenHealthy: false,
  }),
  create(scope, ctx, shared) {
    const [instance] = createNodes(scope, ctx, shared.launchTemplate, 1, () => "instance");
    if (ctx.nodeUserData && ctx.shutdownOnExit) createJobStop(scope, jobStopProps(ctx, shared, [instance]));
    const healthAlarm = ctx.service && createHealthAlarm(scope, serverHealthWatch(ctx), ctx.names.healthAlarm, ctx.stableTags);
    return { capacity: fixedCapacity(this.kind, ctx.decision, 1), handles: { instances: [instance], healthAlarm } };
  },
};
