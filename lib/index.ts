// Taxonomy: pure data.
export { GpuModel, GpuName, GpuTier, AwsEquivalent } from "./taxonomy/gpu-model";
export { InstanceTypeSpec, CpuArchitecture, GpuInterconnect } from "./taxonomy/instance-type";
export { LanguageModelSpec, DiffusionModelSpec, ModelSpec } from "./taxonomy/model-spec";
export { Source } from "./taxonomy/source";
export { Taxonomy, TaxonomyExtension, DEFAULT_TAXONOMY, TAXONOMY_AS_OF, extendTaxonomy } from "./taxonomy/taxonomy";
export { WorkloadClass, WORKLOAD_CLASSES } from "./taxonomy/workload-class";
export { WorkloadProfile, Objective, PurchaseOption, ModelMode } from "./taxonomy/workload-profile";
export { WORKLOAD_PROFILES } from "./taxonomy/workload-profiles";

// Selection: pure functions.
export { selectInstance } from "./selection/select-instance";
export { SelectionRequirements, GpuCountRequirement } from "./selection/requirements";
export { Decision, Candidate, Rejection } from "./selection/decision";
export { estimateMemory, customLanguageModel, MemoryEstimate, MemoryParts, ModelUsage, Precision } from "./selection/memory-estimate";
export { GpuWorkloadsError, InvalidRequirementError, NoFeasibleInstanceError, UnknownGpuError, UnknownModelError, NearMiss } from "./selection/errors";

// Constructs.
export { GpuPlatform, GpuPlatformProps, GpuPolicy } from "./constructs/gpu-platform";
export { GpuWorkload, HOURS_PER_MONTH } from "./constructs/gpu-workload";
export { RealtimeInference, Training, FineTuning, ImageGeneration, BatchProcessing } from "./constructs/typed-workloads";
export { GpuWorkloadProps, WorkloadProps, AllowFrom, AllowTo, ReplicaBounds, AmiOperatingSystem } from "./constructs/workload-props";
export { NetworkProps } from "./constructs/network";
export { WorkloadCapacity } from "./constructs/gpu-workload";
export { FleetOptions, ScalingMetric, BatchOptions, BatchJobOptions } from "./constructs/workload-props";

// Aspects.
export { BudgetGuard, BudgetGuardProps } from "./aspects/budget-guard";

// Plan file (what synth writes for `gpu-workloads report`).
export { GpuPlan, PlannedWorkload, PlannedAlternative, CapacityKind, GPU_PLAN_FILE } from "./plan/gpu-plan";
