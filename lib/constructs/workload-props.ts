import { Serve, TrainingJob } from "./serving";
import type { CapacityStrategy } from "./capacity";
import { SelectionRequirements } from "../selection/requirements";
import { WorkloadClass } from "../taxonomy/workload-class";
import { GpuPlatform } from "./gpu-platform";
import { NetworkProps } from "./network";

/** Inbound traffic a workload accepts. Exactly one of `cidr` or `securityGroupId`. */
export interface AllowFrom {
  /**
   * An IPv4 or IPv6 network address, e.g. "10.0.0.0/16" or "fd00:ab::/64", or a Terraform reference
   * (treated as IPv4 and checked at plan time). Public address space needs `allowPublicAddresses`;
   * 0.0.0.0/0 and ::/0 are refused: put a load balancer in front instead.
   */
  readonly cidr?: string;
  /** A security group whose members may connect, e.g. a load balancer's. */
  readonly securityGroupId?: string;
  /** TCP port, e.g. 8000 for an inference server. */
  readonly port: number;
  /** The rule's description in EC2; characters EC2 refuses become "_", and it is cut to 255. @default - "clients of <workload> on port <port>" */
  readonly description?: string;
  /**
   * Accept a `cidr` outside private address space (RFC 1918, 100.64.0.0/10, 198.19.0.0/16, fc00::/7),
   * e.g. a partner's public range or a VPC's IPv6 block. An explicit opt-in: the instances become reachable from it.
   * @default false
   */
  readonly allowPublicAddresses?: boolean;
}

/** Protocols an outbound rule may open. "all" (-1) is never opened by this library (CKV_AWS_382). */
export const ALLOW_TO_PROTOCOLS = ["tcp", "udp"] as const;

/** Outbound traffic beyond the default HTTPS. */
export interface AllowTo {
  /** An IPv4 or IPv6 network address, e.g. "10.1.0.0/16", or a Terraform reference (treated as IPv4). */
  readonly cidr: string;
  /** Destination port, 1 to 65535. */
  readonly port: number;
  /** "tcp" or "udp". @default "tcp" */
  readonly protocol?: (typeof ALLOW_TO_PROTOCOLS)[number];
  /** The rule's description in EC2, kept to its characters and 255 at most. @default - "<protocol> <port> to <cidr>" */
  readonly description?: string;
}

/** Auto Scaling bounds. */
export interface ReplicaBounds {
  /** Fewest instances, 0 or more. */
  readonly min: number;
  /** Most instances, 1 to 1000; sets the worst-case cost (maxUsdPerMonth). */
  readonly max: number;
  /** Instances to start with, from min to max. @default - min */
  readonly desired?: number;
}

/** Statistics a custom scaling metric may be aggregated by. */
export const SCALING_STATISTICS = ["Average", "Maximum", "Minimum", "Sum"] as const;

/** A CloudWatch metric a fleet scales on. */
export interface ScalingMetric {
  /** CloudWatch namespace, e.g. "CWAgent" (the instances are not granted PutMetricData there: whatever publishes it needs its own grant). */
  readonly namespace: string;
  /** The metric's name in that namespace. */
  readonly metricName: string;
  /** How the group's data points are aggregated. @default "Average" */
  readonly statistic?: (typeof SCALING_STATISTICS)[number];
  /** Dimensions besides AutoScalingGroupName, which is always added. @default - none */
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** How an inference fleet (replicas > 1, a throughput target, or spot) buys, replaces and scales its capacity. */
export interface FleetOptions {
  /**
   * Fall back to the other feasible types (same GPU count, in preference order) when the chosen
   * one is short of capacity. false pins the chosen type exactly (like Modal's "H100!").
   * @default true
   */
  readonly fallback?: boolean;
  /** Most fallback types after the chosen one. @default 9 */
  readonly maxFallbacks?: number;
  /**
   * A fallback may cost at most this many times the chosen type per instance-hour (on-demand, in the
   * region), so a shortage of the chosen type never launches something far dearer. @default 2
   */
  readonly maxFallbackPriceRatio?: number;
  /** Instances always bought on-demand before any spot. @default - all on-demand, or 0 when purchase is spot */
  readonly onDemandBaseCapacity?: number;
  /** Percent of the capacity above the base bought as spot (price-capacity-optimized). @default - 0, or 100 when purchase is spot */
  readonly spotPercentage?: number;
  /** Replace spot instances at risk of interruption before they are reclaimed. @default - true when any capacity is spot */
  readonly capacityRebalance?: boolean;
  /** Seconds before health checks count: model download and load. @default - 300 s plus 10 s per GiB of weights */
  readonly healthCheckGracePeriodSeconds?: number;
  /**
   * Target-tracking metric. "gpu-utilization" is the CloudWatch agent's nvidia_smi_utilization_gpu, which the
   * workload's user data installs and reports, averaged over the fleet, in the workload's own namespace
   * ("cdktf-gpu-workloads/<id>-<address>"), where its instances alone may publish.
   * @default "gpu-utilization"
   */
  readonly scalingMetric?: "gpu-utilization" | ScalingMetric;
  /** Target value of the scaling metric. @default 70 */
  readonly scalingTarget?: number;
}

/** An AWS Batch container job. */
export interface BatchJobOptions {
  /** Container image, e.g. an ECR repository URI with a tag or digest. */
  readonly image: string;
  /** Command and arguments, e.g. ["python", "embed.py"]. @default - the image's CMD */
  readonly command?: readonly string[];
  /** GPUs per job. @default 1 */
  readonly gpus?: number;
  /** vCPUs per job, at most the instance's. @default - the instance type's vCPUs divided by its GPUs, less one for the agents */
  readonly vcpus?: number;
  /** Memory per job in MiB, at most the instance's. @default - 85% of the instance's memory per GPU share */
  readonly memoryMiB?: number;
  /** CloudWatch Logs retention of the jobs' output (the workload's log group), in days. @default 365 */
  readonly logRetentionDays?: number;
  /** Attempts before a job fails; spot reclaims are retried, application errors are not. @default 3 */
  readonly attempts?: number;
  /** Seconds one attempt may run before AWS Batch stops it, 60 to 1,209,600 (14 days). @default 3600 */
  readonly timeoutSeconds?: number;
  /** Mount the container's root file system read-only (docker --read-only); jobs write to volumes or /tmp mounts only. @default false */
  readonly readonlyRootFilesystem?: boolean;
  /** User (name or uid[:gid]) the container runs as, e.g. "1000:1000", instead of the image's (often root). @default - the image's user */
  readonly user?: string;
}

/** Run BatchProcessing on AWS Batch instead of plain instances. */
export interface BatchOptions {
  /** Upper bound of the compute environment; sets the worst-case cost. */
  readonly maxVcpus: number;
  /** Kept running even with an empty queue. @default 0 */
  readonly minVcpus?: number;
  /** Compute environment types: the chosen one and the feasible alternatives with its GPU count. @default 5 */
  readonly maxInstanceTypes?: number;
  /** A further type may cost at most this many times the chosen type per instance-hour. @default 2 */
  readonly maxFallbackPriceRatio?: number;
  /** The container job the definition runs. */
  readonly job: BatchJobOptions;
}

/** Operating systems of the AWS Deep Learning Base OSS Nvidia Driver GPU AMI. */
export const AMI_OPERATING_SYSTEMS = ["ubuntu-22.04", "ubuntu-24.04", "amazon-linux-2023"] as const;
/** One of {@link AMI_OPERATING_SYSTEMS}. */
export type AmiOperatingSystem = (typeof AMI_OPERATING_SYSTEMS)[number];

/**
 * Everything a workload takes except its class: every selection requirement (GPUs, memory, count,
 * model and usage, nodes, purchase, ...; the organization policy comes from the platform) plus what
 * the synthesized compute needs.
 */
export interface WorkloadProps extends Omit<SelectionRequirements, "workload" | "taxonomy" | "allowedGpus"> {
  /** VPC and private subnets. @default - the platform's network; one of the two is required */
  readonly network?: NetworkProps;
  /** Shared settings and policy. @default - the nearest GpuPlatform above this construct, if any */
  readonly platform?: GpuPlatform;

  /** Region the type must be offered in. @default - the platform's region, else the AWS provider's when literal */
  readonly region?: string;
  /** Ceiling on on-demand USD/hour (all nodes). @default - the policy's ceiling, else none */
  readonly maxUsdPerHour?: number;

  /** An AMI id ("ami-…") or an SSM parameter name ("/…") that holds one. @default - the Deep Learning Base OSS Nvidia Driver GPU AMI for the instance's architecture */
  readonly ami?: string;
  /**
   * OS of the default AMI; it must list the chosen family as supported (p6-b200, p6-b300, g7e, g6f: Amazon Linux 2023).
   * @default - "ubuntu-22.04" where its image supports the family, else "amazon-linux-2023"
   */
  readonly operatingSystem?: AmiOperatingSystem;
  /** Root gp3 volume in GiB. @default - the AMI's size plus the model's weights plus 20 GiB for container images */
  readonly rootVolumeSizeGiB?: number;
  /**
   * First-boot user data: a script ("#!"), cloud-config, or a MIME multi-part document, at most 16 KB.
   * Combined with the library's own parts (the GPU metrics agent, AWS Batch's MIME format) part by part.
   * A Terraform reference is passed through where nothing is combined with it, and refused where something is.
   * Never put secrets here (CKV_AWS_46): read them from Secrets Manager. @default - none
   */
  readonly userData?: string;
  /**
   * A customer-managed KMS key (its ARN) that encrypts the workload's log group (CKV_AWS_158). Its key policy must let
   * the logs.<region>.amazonaws.com service principal use it (CloudWatch Logs User Guide, "Encrypt log data in CloudWatch
   * Logs using AWS KMS"). @default - CloudWatch Logs' own encryption
   */
  readonly logKmsKeyArn?: string;
  /** Tags on every resource, after the platform's. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * How the instances run: `Capacity.instance()`, `Capacity.fleet({...})`, `Capacity.cluster({ nodes })`,
   * `Capacity.awsBatch({...})` or `Capacity.eksNodeGroup({ clusterName, ... })`. Not together with its shorthands
   * (`replicas`, `fleet`, `nodes`, `batch`). @default - from the decision: AWS Batch when `batch` is given, a cluster for
   * several nodes, a fleet for replicas (or spot), else a single instance
   */
  readonly capacity?: CapacityStrategy;
  /** 1: a single instance; more, or bounds: an Auto Scaling group. @default 1 */
  readonly replicas?: number | ReplicaBounds;
  /** Fleet behaviour when the workload runs as an Auto Scaling group: replicas > 1, a throughput target, or spot. @default - fallbacks on, target tracking on GPU utilization */
  readonly fleet?: FleetOptions;
  /** BatchProcessing only: an AWS Batch compute environment, queue and job definition. @default - plain instances */
  readonly batch?: BatchOptions;
  /**
   * An EC2 capacity reservation (On-Demand Capacity Reservation or a Capacity Block for ML) to launch into.
   * Required with purchase "capacity-block". @default - none
   */
  readonly capacityReservationId?: string;
  /**
   * Let the containers on the instances use the instance role: the IMDS hop limit becomes 2 (a server's container, on
   * Docker's bridge, reaches instance metadata) and a training job's container, on the host network, is no longer
   * fenced off from it. They then hold what the role holds: the workload's grants (grantReadS3, addToRolePolicy, ...),
   * its own log group, image repository, secrets, weights and metrics namespace, and Session Manager's channels; never
   * Parameter Store or another workload's metrics. Not for AWS Batch, whose jobs run with their own role (jobRole).
   * @default false - the host does every AWS step (image pull, secrets, weights, logs, metrics); containers get no AWS credentials
   */
  readonly containersUseInstanceRole?: boolean;
  /** Inbound rules. @default - no inbound traffic (operators use Session Manager) */
  readonly allowFrom?: readonly AllowFrom[];
  /** Outbound rules added to HTTPS. @default - HTTPS (443) only */
  readonly allowTo?: readonly AllowTo[];
  /**
   * RealtimeInference and ImageGeneration: the server to run on every instance (a container as a systemd service,
   * logs in CloudWatch Logs); a fleet gets an internal load balancer whose health check is the server's. See Serving.vllm.
   * @default - nothing runs: the user data starts the server
   */
  readonly serve?: Serve;
  /**
   * Training and FineTuning: the job each node starts once, with the distributed environment filled in. A new job does
   * not touch running nodes (their user data is ignored after creation): replace them to start it. @default - none
   */
  readonly job?: TrainingJob;
}

/** RealtimeInference and ImageGeneration: a server (`serve`), never a job or AWS Batch. */
export interface ServingWorkloadProps extends Omit<WorkloadProps, "batch" | "job"> {}

/** Training and FineTuning: a job (`job`), never a server or AWS Batch. */
export interface JobWorkloadProps extends Omit<WorkloadProps, "batch" | "serve"> {}

/** BatchProcessing: AWS Batch (`batch`, its job inside) or a fleet, never a server or a training job. */
export interface BatchWorkloadProps extends Omit<WorkloadProps, "serve" | "job"> {}

/** A workload's props with its class, for GpuWorkload; the typed constructs (RealtimeInference, ...) set the class themselves. */
export interface GpuWorkloadProps extends WorkloadProps {
  /**
   * What the workload is; it brings the default GPUs, objective, purchase option and model mode.
   * @example WorkloadClass.FINE_TUNING
   */
  readonly workload: WorkloadClass;
}
