import { AutoscalingGroup } from "@cdktf/provider-aws/lib/autoscaling-group";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { ReplicaBounds } from "../workload-props";

/** One instance from the launch template; everything else (IMDSv2, volumes, network) comes from the template. */
export function createInstance(scope: Construct, id: string, launchTemplate: LaunchTemplate, tags: Record<string, string>): Instance {
  return new Instance(scope, id, {
    launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
    // Repeated from the template for scanners that read aws_instance alone (CKV_AWS_79, CKV_AWS_126, CKV_AWS_135).
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
    monitoring: true,
    ebsOptimized: true,
    tags,
  });
}

export interface AutoScalingProps {
  readonly namePrefix: string;
  readonly subnetIds: string[];
  readonly bounds: ReplicaBounds;
  readonly launchTemplate: LaunchTemplate;
  readonly spot: boolean;
  readonly tags: Record<string, string>;
}

/** An Auto Scaling group over the launch template; tags propagate to the instances (CKV_AWS_153). */
export function createAutoScalingGroup(scope: Construct, props: AutoScalingProps): AutoscalingGroup {
  const template = { launchTemplateId: props.launchTemplate.id, version: "$Latest" };
  return new AutoscalingGroup(scope, "auto-scaling-group", {
    namePrefix: props.namePrefix,
    minSize: props.bounds.min,
    maxSize: props.bounds.max,
    desiredCapacity: props.bounds.desired ?? props.bounds.min,
    vpcZoneIdentifier: props.subnetIds,
    launchTemplate: props.spot ? undefined : { id: props.launchTemplate.id, version: "$Latest" },
    mixedInstancesPolicy: props.spot
      ? {
          launchTemplate: { launchTemplateSpecification: template },
          instancesDistribution: {
            onDemandBaseCapacity: 0,
            onDemandPercentageAboveBaseCapacity: 0,
            spotAllocationStrategy: "price-capacity-optimized",
          },
        }
      : undefined,
    tag: Object.entries(props.tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
  });
}
