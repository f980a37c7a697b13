import { launchTemplateDescription } from "../validation/aws-text";
import { efaInterfaceLayout } from "./efa-layout";
import { literalText } from "./terraform-text";

/** A condition Terraform checks at plan, and the error it raises when the condition is false. */
export interface Precondition {
  readonly condition: string;
  readonly errorMessage: string;
}

/** The interfaces of an instance launched from the template. */
export interface TemplateNetwork {
  readonly securityGroupId: string;
  /** Groups the instances join besides the workload's (an EKS cluster's). */
  readonly extraSecurityGroupIds?: readonly string[];
  /**
   * The template lays out the interfaces (EFA, a pinned subnet); false when the service places them (an EKS node group
   * without EFA) and the template names only the security groups. @default true
   */
  readonly interfaces?: boolean;
  /** Pinned for a single instance or a cluster; left to the Auto Scaling group otherwise. */
  readonly subnetId?: string;
  /** EFA interfaces, one per EFA-capable network card (training clusters); 0 for a plain ENA interface. */
  readonly efaInterfaces: number;
  /** The instance type's network cards. @default - efaInterfaces */
  readonly networkCards?: number;
}

export interface WorkloadLaunchTemplateProps {
  readonly namePrefix: string;
  /** What the template is for, without prices or reasons: a new description is a new version, and instances follow versions. */
  readonly description: string;
  /**
   * IMDS hop limit 2 lets containers on Docker's bridge reach the instance role's credentials (the user asked for it:
   * containersUseInstanceRole); 1, the default, keeps them from it (CKV_AWS_341), and the host does every AWS step.
   */
  readonly containersUseInstanceRole: boolean;
  /** Undefined when the capacity lists the types itself (an EKS node group). */
  readonly instanceType?: string;
  /** Undefined when the service (AWS Batch) picks the image. */
  readonly imageId?: string;
  readonly rootDeviceName: string;
  /** The root volume: its size and gp3 throughput and IOPS. */
  readonly rootVolume: { readonly sizeGiB: number; readonly throughputMiBps: number; readonly iops: number };
  /** Undefined when the service (AWS Batch) sets the instance role. */
  readonly instanceProfileArn?: string;
  /** Undefined when the service (AWS Batch) attaches the interfaces. */
  readonly network?: TemplateNetwork;
  readonly placementGroupName?: string;
  readonly capacityReservationId?: string;
  /**
   * Launch into a Capacity Block for ML, its own market type. Spot is never bought by the template (a one-time request
   * does not heal): a fleet's instances distribution or AWS Batch buys it.
   */
  readonly capacityBlock: boolean;
  readonly userData?: string;
  /** Stable tags only (literal Terraform text): the template's content is what instances are created from. */
  readonly tags: Record<string, string>;
  readonly preconditions: readonly Precondition[];
}

/**
 * The template every instance the workload launches starts from, so the security baseline holds for single instances,
 * Auto Scaling groups, clusters and Batch alike: the resource's attributes as plain data (its user data as text, which
 * the renderer encodes).
 */
export function launchTemplateSpec(path: string, props: WorkloadLaunchTemplateProps) {
  return {
    namePrefix: props.namePrefix,
    description: literalText(launchTemplateDescription(props.description)),
    instanceType: props.instanceType,
    imageId: props.imageId,
    updateDefaultVersion: true,
    ebsOptimized: "true",
    monitoring: { enabled: true },
    // IMDSv2 only (CKV_AWS_79). Hop limit 1 unless containers were given the role (CKV_AWS_341; see containersUseInstanceRole).
    // Instance tags stay out of IMDS: containers need not read them, and tag keys keep AWS's general rules.
    metadataOptions: metadataOptions(props.containersUseInstanceRole),
    iamInstanceProfile: props.instanceProfileArn ? { arn: props.instanceProfileArn } : undefined,
    blockDeviceMappings: [
      {
        deviceName: props.rootDeviceName,
        ebs: {
          volumeSize: props.rootVolume.sizeGiB,
          volumeType: "gp3",
          throughput: props.rootVolume.throughputMiBps,
          iops: props.rootVolume.iops,
          encrypted: "true",
          deleteOnTermination: "true",
        },
      },
    ],
    networkInterfaces: props.network && props.network.interfaces !== false ? networkInterfaces(props.network) : undefined,
    vpcSecurityGroupIds: props.network && props.network.interfaces === false ? securityGroups(props.network) : undefined,
    placement: props.placementGroupName ? { groupName: props.placementGroupName } : undefined,
    capacityReservationSpecification: props.capacityReservationId
      ? { capacityReservationTarget: { capacityReservationId: props.capacityReservationId } }
      : undefined,
    instanceMarketOptions: props.capacityBlock ? { marketType: "capacity-block" } : undefined,
    userData: props.userData,
    tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags: props.tags })),
    tags: props.tags,
    lifecycle: {
      ...(props.preconditions.length && { precondition: [...props.preconditions] }),
      // The drift guard's preconditions read EC2's answers for the chosen type: the template must launch that type,
      // not one set after construction (launchTemplate.instanceType = …, an override), which nothing has checked.
      // Where the capacity lists the types (an EKS node group), the template names none, and its group is judged.
      postcondition:
        props.instanceType === undefined
          ? undefined
          : [
              {
                condition: `\${self.instance_type == "${props.instanceType}"}`,
                errorMessage:
                  literalText(`cdktf-gpu-workloads: ${path} was chosen, checked and priced as ${props.instanceType}, but its launch template launches `) +
                  "${self.instance_type}" +
                  "; choose the type through the workload's props (instanceType, gpus, ...), not by changing the template",
              },
            ],
    },
  };
}

/** IMDSv2 only, with the hop limit the containers on the instance need; shared by the template and aws_instance. */
export function metadataOptions(containersUseInstanceRole: boolean) {
  return { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: containersUseInstanceRole ? 2 : 1, instanceMetadataTags: "disabled" };
}

/** The interfaces of efaInterfaceLayout; no public IP on any (CKV_AWS_88: EFA-only interfaces have no IP at all). */
function networkInterfaces(network: TemplateNetwork) {
  const common = { securityGroups: securityGroups(network), subnetId: network.subnetId, deleteOnTermination: "true" };
  return efaInterfaceLayout(network.efaInterfaces, network.networkCards).map((slot) =>
    slot.type === "interface"
      ? {
          ...common,
          deviceIndex: slot.deviceIndex,
          networkCardIndex: network.efaInterfaces ? slot.networkCardIndex : undefined,
          associatePublicIpAddress: "false",
        }
      : { ...common, networkCardIndex: slot.networkCardIndex, deviceIndex: slot.deviceIndex, interfaceType: "efa-only" },
  );
}

function securityGroups(network: TemplateNetwork): string[] {
  return [network.securityGroupId, ...(network.extraSecurityGroupIds ?? [])];
}

/** A launch template's attributes, as launchTemplateSpec writes them. */
export type LaunchTemplateSpec = ReturnType<typeof launchTemplateSpec>;
