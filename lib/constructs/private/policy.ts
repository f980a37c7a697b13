import { SelectionRequirements } from "../../selection/requirements";
import { Taxonomy } from "../../taxonomy/taxonomy";
import { formatUsd } from "../../plan/money";
import { DeployedCapacity } from "./deployed-capacity";
import { WORKLOAD_PROFILES } from "../../taxonomy/workload-profiles";
import { InvalidRequirementError } from "../../validation/errors";
import { GpuPolicy } from "../gpu-platform";

/** Narrows the requirements to the organization policy; exceeding it is an error that names the policy. */
export function applyPolicy(requirements: SelectionRequirements, policy: GpuPolicy): SelectionRequirements {
  const max = policy.maxUsdPerHourPerWorkload;
  if (max !== undefined && requirements.maxUsdPerHour !== undefined && requirements.maxUsdPerHour > max) {
    throw new InvalidRequirementError("maxUsdPerHour", requirements.maxUsdPerHour, `the organization policy caps a workload at $${max}/h`);
  }
  const allowedPurchases = policy.allowedPurchaseOptions;
  if (allowedPurchases && requirements.purchase && !allowedPurchases.includes(requirements.purchase)) {
    throw new InvalidRequirementError("purchase", requirements.purchase, `the organization policy allows only ${allowedPurchases.join(", ")}`);
  }
  return {
    ...requirements,
    maxUsdPerHour: requirements.maxUsdPerHour ?? max,
    allowedGpus: policy.allowedGpus,
    purchase: requirements.purchase ?? defaultPurchaseWithin(requirements, allowedPurchases),
  };
}

/** The class's purchase option when the policy allows it, else the policy's first. */
function defaultPurchaseWithin(requirements: SelectionRequirements, allowed: GpuPolicy["allowedPurchaseOptions"]) {
  if (!allowed) return undefined;
  // An unknown class has no profile: selection refuses it, naming the classes.
  const wanted = WORKLOAD_PROFILES[requirements.workload]?.purchase;
  return allowed.includes(wanted) ? undefined : allowed[0];
}

/** Whether the policy restricts anything (a workload under none has nothing to be judged by). */
export function isGoverned(policy: GpuPolicy): boolean {
  return policy.allowedGpus !== undefined || policy.allowedPurchaseOptions !== undefined || policy.maxUsdPerHourPerWorkload !== undefined;
}

/**
 * How what a workload will deploy breaks `policy` (of the platforms at `platforms`): a GPU the policy does not allow
 * among the types it may launch, a purchase option it does not allow however it is bought (a fleet's on-demand base or
 * spot share, Batch's type, a market type), or a worst case (most instances of the dearest type, on-demand) above the
 * per-workload ceiling. Empty when it holds; with a policy, what synth cannot judge breaks it too.
 */
export function policyViolations(deployed: DeployedCapacity, policy: GpuPolicy, platforms: string, taxonomy: Taxonomy): string[] {
  if (!isGoverned(policy)) return [];
  const rule = `the organization policy (${platforms})`;
  const violations = deployed.unknowable.map((why) => `${why}, and ${rule} must judge what is deployed: give a literal value.`);
  const gpuOf = new Map(taxonomy.instanceTypes.map((t) => [t.instanceType, t.gpu]));
  for (const type of deployed.instanceTypes) {
    const gpu = gpuOf.get(type);
    if (policy.allowedGpus && gpu !== undefined && !policy.allowedGpus.includes(gpu)) {
      violations.push(`It may launch ${type} (${gpu}), and ${rule} allows only ${policy.allowedGpus.join(", ")}.`);
    }
  }
  for (const { option, by } of deployed.purchases) {
    if (policy.allowedPurchaseOptions && !policy.allowedPurchaseOptions.includes(option)) {
      violations.push(`It buys ${option} capacity (${by}), and ${rule} allows only ${policy.allowedPurchaseOptions.join(", ")}.`);
    }
  }
  const cap = policy.maxUsdPerHourPerWorkload;
  if (cap !== undefined && deployed.maxUsdPerHour > cap + 1e-9) {
    violations.push(
      `It can launch ${deployed.maxInstances} × ${deployed.maxInstanceType} at once, ${formatUsd(deployed.maxUsdPerHour)}/h on-demand, and ${rule} caps a workload at ${formatUsd(cap)}/h: lower its maximum (replicas.max, batch.maxVcpus, nodes) or its types.`,
    );
  }
  return violations;
}
