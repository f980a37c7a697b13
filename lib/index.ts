// Taxonomy: pure data.
export type { GpuModel, GpuName, GpuTier, AwsEquivalent, RelativeLevel, GpuArchitecture, GpuMemoryType } from "./taxonomy/gpu-model";
export type { InstanceTypeSpec, CpuArchitecture, GpuInterconnect, RegionalPrice } from "./taxonomy/instance-type";
export { CPU_ARCHITECTURES, GPU_INTERCONNECTS } from "./taxonomy/instance-type";
export type {
  LanguageModelSpec,
  DiffusionModelSpec,
  DiffusionSpeed,
  EmbeddingModelSpec,
  SpeechModelSpec,
  ModelSpec,
  MixtureOfExperts,
  SlidingWindowAttention,
  LatentAttention,
} from "./taxonomy/model-spec";
export type { Source } from "./taxonomy/source";
export type { Taxonomy, TaxonomyExtension } from "./taxonomy/taxonomy";
export { DEFAULT_TAXONOMY, TAXONOMY_AS_OF, extendTaxonomy } from "./taxonomy/taxonomy";
export { WorkloadClass, WORKLOAD_CLASSES } from "./taxonomy/workload-class";
export type { WorkloadProfile, Objective, PurchaseOption, ModelMode } from "./taxonomy/workload-profile";
export { OBJECTIVES, PURCHASE_OPTIONS, MODEL_MODES } from "./taxonomy/workload-profile";
export { WORKLOAD_PROFILES } from "./taxonomy/workload-profiles";

// Selection: pure functions.
export { selectInstance } from "./selection/select-instance";
export type { SelectionRequirements, GpuCountRequirement } from "./selection/requirements";
export type { Decision, Candidate, Rejection, JobRun } from "./selection/decision";
export {
  estimateMemory,
  customLanguageModel,
  PRECISIONS,
  ENGINES,
  KV_CACHE_PRECISIONS,
  OPTIMIZERS,
  TRAINING_PRECISIONS,
  SHARDINGS,
} from "./selection/memory-estimate";
export type {
  EstimateTarget,
  InferenceEngine,
  KvCachePrecision,
  MemoryEstimate,
  MemoryParts,
  ModelUsage,
  Optimizer,
  Precision,
  Sharding,
  TrainingPrecision,
  TrainingSetupUsed,
} from "./selection/memory-estimate";
export type { ThroughputTarget, ThroughputEstimate } from "./selection/estimate/throughput";
export type { JobEstimate } from "./selection/estimate/training-time";
export type { EmbeddingThroughput } from "./selection/estimate/embedding-throughput";
export type { DiffusionThroughput } from "./selection/estimate/diffusion-throughput";
export type { PrecisionVerdict, PrecisionSupport } from "./selection/estimate/precision-support";
export {
  GpuWorkloadsError,
  InvalidRequirementError,
  InvalidTaxonomyError,
  NoFeasibleInstanceError,
  PolicyViolationError,
  UnknownGpuError,
  UnknownModelError,
  UnresolvedValueError,
} from "./validation/errors";
export type { NearMiss } from "./validation/errors";

// Constructs.
export { GpuPlatform } from "./constructs/gpu-platform";
export type { GpuPlatformProps, GpuPolicy, PlatformSettings } from "./constructs/gpu-platform";
export { GpuWorkload } from "./constructs/gpu-workload";
export type { WorkloadCapacity } from "./constructs/gpu-workload";
export type { RootVolume } from "./constructs/root-volume";
export { RealtimeInference, Training, FineTuning, ImageGeneration, BatchProcessing } from "./constructs/typed-workloads";
export { Serving, DEFAULT_VLLM_IMAGE, VLLM_IMAGE_SIZE_GIB, DEFAULT_IMAGE_SIZE_GIB } from "./constructs/serving";
export type {
  ContainerOptions,
  Serve,
  ServeOptions,
  ServeTls,
  ServeTlsCertificate,
  VllmOptions,
  VllmServing,
  ModelWeights,
  TrainingJob,
  SecretValue,
  SecretKeyReference,
} from "./constructs/serving";
export type { PolicyStatement } from "./specs/iam";
export type {
  GpuWorkloadProps,
  WorkloadProps,
  ServingWorkloadProps,
  JobWorkloadProps,
  BatchWorkloadProps,
  AllowFrom,
  AllowTo,
  ReplicaBounds,
  AmiOperatingSystem,
  FleetOptions,
  ScalingMetric,
  BatchOptions,
  BatchJobOptions,
} from "./constructs/workload-props";
export { ALLOW_TO_PROTOCOLS, SCALING_STATISTICS, AMI_OPERATING_SYSTEMS } from "./constructs/workload-props";
export { Capacity, EKS_NODE_IMAGES, KARPENTER_DELIVERIES } from "./constructs/capacity";
export type {
  CapacityStrategy,
  InstanceCapacity,
  FleetCapacity,
  ClusterCapacity,
  AwsBatchCapacity,
  EksNodeGroupCapacity,
  EksNodeGroupOptions,
  EksNodeImage,
  PodPlacement,
  PodToleration,
  PodResources,
  KarpenterOptions,
  KarpenterCapacity,
  KarpenterManifests,
  KarpenterResources,
  KarpenterDelivery,
  CapacityKindHandles,
  InstanceHandles,
  FleetHandles,
  ClusterHandles,
  AwsBatchHandles,
  EksNodeGroupHandles,
  KarpenterHandles,
} from "./constructs/capacity";
export type { NetworkProps } from "./constructs/network";

// Aspects.
export { BudgetGuard } from "./aspects/budget-guard";
export type { BudgetGuardProps } from "./aspects/budget-guard";

// The plan file synth writes for `gpu-workloads report`.
export { GPU_PLAN_FILE } from "./plan/gpu-plan";
export { HOURS_PER_MONTH, formatUsd } from "./plan/money";
export type { GpuPlan, PlannedWorkload, PlannedAlternative, PlannedRootVolume, PlannedRun, CapacityKind } from "./plan/gpu-plan";
export { CAPACITY_KINDS, planTotals } from "./plan/gpu-plan";
// Two plans compared, workload by workload: what `gpu-workloads report --compare-to` renders.
export { comparePlans, PlansNotComparableError, WORKLOAD_CHANGES, COMPARED_FIELDS } from "./plan/compare-plans";
export type {
  PlanComparison,
  WorkloadComparison,
  ComparedWorkload,
  ComparedPlan,
  CostChange,
  WorkloadChange,
  ComparedField,
  PlanLabels,
} from "./plan/compare-plans";
