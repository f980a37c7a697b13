import { LaunchTemplate, LaunchTemplateNetworkInterfaces } from "@cdktf/provider-aws/lib/launch-template";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { Precondition } from "cdktf/lib/terraform-conditions";

/** The interfaces of an instance launched from the template. */
export interface TemplateNetwork {
  readonly securityGroupId: string;
  /** Pinned for a single instance or a cluster; left to the Auto Scaling group otherwise. */
  readonly subnetId?: string;
  /** EFA interfaces, one per network card (training clusters); 0 for a plain ENA interface. */
  readonly efaInterfaces: number;
}

export interface WorkloadLaunchTemplateProps {
  readonly namePrefix: string;
  readonly description: string;
  readonly instanceType: string;
  /** Undefined when the service (AWS Batch) picks the image. */
  readonly imageId?: string;
  readonly rootDeviceName: string;
  readonly rootVolumeSizeGiB: number;
  /** Undefined when the service (AWS Batch) sets the instance role. */
  readonly instanceProfileArn?: string;
  /** Undefined when the service (AWS Batch) attaches the interfaces. */
  readonly network?: TemplateNetwork;
  readonly placementGroupName?: string;
  readonly capacityReservationId?: string;
  readonly marketType?: "spot" | "capacity-block";
  readonly userData?: string;
  readonly tags: Record<string, string>;
  readonly preconditions: Precondition[];
}

/**
 * Every instance the workload launches starts from this template, so the security baseline holds for
 * single instances, Auto Scaling groups, clusters and Batch alike.
 */
export function createLaunchTemplate(scope: Construct, props: WorkloadLaunchTemplateProps): LaunchTemplate {
  return new LaunchTemplate(scope, "launch-template", {
    namePrefix: props.namePrefix,
    description: props.description.slice(0, 255),
    instanceType: props.instanceType,
    imageId: props.imageId,
    updateDefaultVersion: true,
    ebsOptimized: "true",
    monitoring: { enabled: true },
    // IMDSv2 only (CKV_AWS_79). Hop limit 2, not 1: containers on the instance sit one network hop
    // further and need to reach IMDS for the instance role's credentials; 1 breaks them (CKV_AWS_341 not met, on purpose).
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2, instanceMetadataTags: "enabled" },
    iamInstanceProfile: props.instanceProfileArn ? { arn: props.instanceProfileArn } : undefined,
    blockDeviceMappings: [
      {
        deviceName: props.rootDeviceName,
        ebs: { volumeSize: props.rootVolumeSizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
      },
    ],
    networkInterfaces: props.network && networkInterfaces(props.network),
    placement: props.placementGroupName ? { groupName: props.placementGroupName } : undefined,
    capacityReservationSpecification: props.capacityReservationId
      ? { capacityReservationTarget: { capacityReservationId: props.capacityReservationId } }
      : undefined,
    instanceMarketOptions:
      props.marketType === "spot"
        ? { marketType: "spot", spotOptions: { instanceInterruptionBehavior: "terminate" } }
        : props.marketType === "capacity-block"
          ? { marketType: "capacity-block" }
          : undefined,
    userData: props.userData === undefined ? undefined : base64(props.userData),
    tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags: props.tags })),
    tags: props.tags,
    lifecycle: props.preconditions.length ? { precondition: props.preconditions } : undefined,
  });
}

/**
 * Card 0 device 0 is the primary interface; each further network card gets one EFA-only interface
 * (device index 1), as the EFA guide lays out for multi-card instances. No public IPs anywhere (CKV_AWS_88).
 */
function networkInterfaces(network: TemplateNetwork): LaunchTemplateNetworkInterfaces[] {
  const common = { securityGroups: [network.securityGroupId], subnetId: network.subnetId, deleteOnTermination: "true" };
  if (network.efaInterfaces === 0) return [{ ...common, deviceIndex: 0, associatePublicIpAddress: "false" }];
  return Array.from({ length: network.efaInterfaces }, (_, card) => ({
    ...common,
    networkCardIndex: card,
    deviceIndex: card === 0 ? 0 : 1,
    interfaceType: card === 0 ? "efa" : "efa-only",
    associatePublicIpAddress: card === 0 ? "false" : undefined,
  }));
}

/** Encoded at synth time when literal so the output is plain and deterministic; tokens are left to Terraform. */
function base64(text: string): string {
  return Token.isUnresolved(text) ? Fn.base64encode(text) : Buffer.from(text, "utf8").toString("base64");
}
