import { GpuName } from "./gpu-model";
import { Source } from "./source";

/** CPU architectures of GPU instances: x86_64 (Intel, AMD) or arm64 (Graviton). */
export const CPU_ARCHITECTURES = ["x86_64", "arm64"] as const;
/** One of {@link CPU_ARCHITECTURES}. */
export type CpuArchitecture = (typeof CPU_ARCHITECTURES)[number];

/** How the GPUs of one instance talk to each other. */
export const GPU_INTERCONNECTS = ["NVSwitch", "NVLink", "PCIe"] as const;
/** One of {@link GPU_INTERCONNECTS}. */
export type GpuInterconnect = (typeof GPU_INTERCONNECTS)[number];

/** What one instance costs in one region, USD per hour. */
export interface RegionalPrice {
  /** On-demand Linux price; null where AWS publishes none. */
  readonly usdPerInstanceHour: number | null;
  /** Spot estimate (median over the region's Availability Zones); null where unknown. */
  readonly spotUsdPerInstanceHour: number | null;
}

/** One EC2 GPU instance type. Units are in the field names. */
export interface InstanceTypeSpec {
  /** e.g. "g5.xlarge". */
  readonly instanceType: string;
  /** e.g. "g5". */
  readonly family: string;
  /** The GPU the instance carries. */
  readonly gpu: GpuName;
  /** GPUs per instance (1 for a fractional type). */
  readonly gpuCount: number;
  /**
   * The share of one GPU a fractional type has (g6f.large: 0.125 of an L4); absent for whole GPUs. A fraction is
   * never counted as a GPU: it is chosen only for a stated memory need that fits it.
   */
  readonly gpuFraction?: number;
  /** Link between the instance's GPUs ("PCIe" for single-GPU sizes). */
  readonly gpuInterconnect: GpuInterconnect;
  /** vCPUs of the instance. */
  readonly vcpus: number;
  /** Host memory in GiB. */
  readonly memoryGiB: number;
  /** Peak network bandwidth in Gbps ("up to" figures are recorded at their peak). */
  readonly networkGbps: number;
  /** Maximum number of EFA interfaces (one per EFA-capable network card); 0 when EFA is not supported. */
  readonly efaInterfaces: number;
  /**
   * Network cards. @default - efaInterfaces, or 1: every card takes an EFA. When there are more cards than EFA
   * interfaces (p6-b300: 17 and 16), card 0 carries ENA only.
   */
  readonly networkCards?: number;
  /** Local NVMe instance storage in GB; 0 when EBS only. */
  readonly localNvmeGB: number;
  /** CPU architecture; an AMI must match it. */
  readonly cpuArchitecture: CpuArchitecture;
  /**
   * On-demand Linux price in {@link priceRegion} (the reference region, us-east-1, unless the type is not sold
   * there), USD per hour: the price quoted where the table has none for the region asked. For a
   * Capacity-Block-only type, an estimate. Absent where no public price is known: such a type is chosen only once
   * a custom taxonomy prices it.
   */
  readonly usdPerInstanceHour?: number;
  /** Spot estimate in {@link priceRegion}, USD per hour, where known. */
  readonly spotUsdPerInstanceHour?: number;
  /**
   * The region whose prices usdPerInstanceHour and spotUsdPerInstanceHour are, for a type not sold in the reference
   * region (p6-b300: "us-west-2"). @default - the reference region, us-east-1
   */
  readonly priceRegion?: string;
  /** Regions that offer this type. */
  readonly regions: readonly string[];
  /** Prices in each region that has one: on-demand (null where AWS publishes none) and a spot estimate (null where unknown). */
  readonly regionalPrices?: Readonly<Record<string, RegionalPrice>>;
  /**
   * Sold only as EC2 Capacity Blocks for ML: AWS publishes no on-demand or spot price, so the type is chosen
   * only with purchase "capacity-block" (or once a custom taxonomy gives it a price).
   */
  readonly capacityBlockOnly?: boolean;
  /** Previous-generation types: listed for existing fleets, chosen only when asked for by GPU. */
  readonly legacy?: boolean;
  /** Where the figures come from, each with the day it was read. */
  readonly sources: readonly Source[];
}

/** A row of the embedded table: everything but its regions, which come from EC2's recorded offerings (data/instance-offerings.ts). */
export type TableRow = Omit<InstanceTypeSpec, "regions">;
