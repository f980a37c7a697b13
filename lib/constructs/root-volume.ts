/** The root volume each instance gets, and what it costs. */
export interface RootVolume {
  /** DLAMI snapshot + the container image unpacked + the model's weights + headroom, or the user's size. */
  readonly sizeGiB: number;
  /** gp3 throughput, MiB/s: raised from 125 so that large weights load in about two minutes. */
  readonly throughputMiBps: number;
  /** gp3 IOPS: 3,000, or what the throughput needs. */
  readonly iops: number;
  /** One volume for a month at us-east-1's list prices: storage, and throughput and IOPS above the baseline. */
  readonly usdPerVolumeMonth: number;
}
