import { SelectionRequirements } from "../../selection/requirements";
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
