import { GpuName } from "./gpu-model";
import { Source } from "./source";

export const CPU_ARCHITECTURES = ["x86_64", "arm64"] as const;
export type CpuArchitecture = (typeof CPU_ARCHITECTURES)[number];

/** How the GPUs of one instance talk to each other. */
export const GPU_INTERCONNECTS = ["NVSwitch", "NVLink", "PCIe"] as const;
export type GpuInterconnect = (typeof GPU_INTERCONNECTS)[number];

/** One EC2 GPU instance type. Units are in the field names. */
export interface InstanceTypeSpec {
  /** e.g. "g5.xlarge". */
  readonly instanceType: string;
  /** e.g. "g5". */
  readonly family: string;
  readonly gpu: GpuName;
  readonly gpuCount: number;
  /** Link between the instance's GPUs ("PCIe" for single-GPU sizes). */
  readonly gpuInterconnect: GpuInterconnect;
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** Peak network bandwidth in Gbps ("up to" figures are recorded at their peak). */
  readonly networkGbps: number;
  /** Maximum number of EFA interfaces (one per network card); 0 when EFA is not supported. */
  readonly efaInterfaces: number;
  /** Local NVMe instance storage in GB; 0 when EBS only. */
  readonly localNvmeGB: number;
  readonly cpuArchitecture: CpuArchitecture;
  /** On-demand Linux price in us-east-1, USD per hour. */
  readonly onDemandUsdPerHour: number;
  /** Recent average spot price in us-east-1, USD per hour, where known (custom taxonomies may supply it). */
  readonly spotUsdPerHour?: number;
  /** Regions that offer this type (main commercial regions of the US, Europe and Asia Pacific). */
  readonly regions: readonly string[];
  /** Previous-generation types: listed for existing fleets, chosen only when asked for by GPU. */
  readonly legacy?: boolean;
  readonly sources: readonly Source[];
}
