import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { metadataOptions } from "../launch-template";
import { literalTags } from "../terraform-text";
import { CapacityEngine, WorkloadContext } from "./capacity-engine";
import { capacityCost } from "./workload-capacity";

/**
 * One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template.
 * Its tags (the decision's price among them) update in place; the template's content does not depend on them.
 */
export function createInstance(scope: Construct, id: string, launchTemplate: LaunchTemplate, tags: Record<string, string>): Instance {
  return new Instance(scope, id, {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: metadataOptions(true),
    monitoring: true,
    ebsOptimized: true,
    tags,
  });
}

/** A single instance: on-demand or in a capacity reservation (spot runs as a fleet of one, which heals). */
export const SINGLE_INSTANCE: CapacityEngine = {
  kind: "instance",
  settings: (ctx: WorkloadContext) => ({
    containersUseInstanceRole: true,
    serviceLaunchesInstances: false,
    pinsSubnet: true,
    efa: ctx.props.efa === true,
    marketType: ctx.decision.purchase === "capacity-block" ? "capacity-block" : undefined,
    extraPolicies: [],
    allowWithinGroup: false,
    mimeUserData: false,
    scalesOnGpu: false,
    clientsThroughLoadBalancer: false,
    watchesOwnHealth: ctx.service !== undefined,
  }),
  create(scope, ctx, shared) {
    const instance = createInstance(scope, "instance", shared.launchTemplate, literalTags({ ...ctx.stableTags, ...ctx.decisionTags }));
    const d = ctx.decision;
    const types = { launchable: [d], droppedByPrice: [] };
    return { capacity: capacityCost("instance", types, { min: 1, desired: 1 }, () => 1, d.usdPerHour), handles: { instances: [instance] } };
  },
};
