import { Construct } from "constructs";
import { Decision } from "../../selection/decision";
import { SelectionRequirements, workloadRequirements } from "../../selection/requirements";
import { InvalidRequirementError } from "../../validation/errors";
import { GpuPlatform, PlatformSettings } from "../gpu-platform";
import { AmiOperatingSystem, GpuWorkloadProps } from "../workload-props";
import { dlamiOperatingSystem } from "./ami";
import { CapacityEngine, LaunchSettings, NO_LAUNCH_SETTINGS, WorkloadContext } from "./capacity/capacity-engine";
import { namedInStrategy, withCapacityShorthands, writtenShorthands } from "./capacity/capacity-strategy";
import { capacityEngine, fleetReplicas } from "./capacity/engines";
import { defaultAwsRegion, stackOf } from "./framework";
import { applyPolicy } from "./policy";
import { resourceNames } from "./resource-names";
import { ContainerService } from "./serving/container-service";
import { workloadContainers } from "./serving/workload-containers";
import { sharedDecision } from "./shared-decisions";
import { decisionTags, stableTags } from "./tags";
import { isToken } from "./tokens";
import { validateDecisionFit, validateTerraformNames, validateWorkloadProps } from "./validate-props";
import { readySeconds } from "../../boot/readiness";

/** A workload's props resolved once: checked, defaults applied, the instance type chosen, the capacity kind decided. */
export interface WorkloadSpec {
  /** The props with the capacity strategy written out as its shorthands. */
  readonly props: GpuWorkloadProps;
  /** The platform's settings the workload is under. */
  readonly platform: PlatformSettings;
  readonly decision: Decision;
  /** The capacity kind's engine. */
  readonly engine: CapacityEngine;
  /** The OS of the image the instances boot (a service's own, else a DLAMI's). */
  readonly os: AmiOperatingSystem;
  /** What the capacity engine reads. */
  readonly context: WorkloadContext;
  /** How the capacity kind shapes the launch template, the role and the security group. */
  readonly settings: LaunchSettings;
  /** A job's container, when the workload runs one. */
  readonly job?: ContainerService;
  /** The workload's region is given and the provider's is a reference: Terraform compares them at plan. */
  readonly regionCheckedAtPlan: boolean;
}

/**
 * Resolves a workload's props in one place: every check, the strategy written out, the platform applied, the instance
 * type chosen, the capacity kind and its context. Throws a GpuWorkloadsError for what is wrong (about a property where
 * the user wrote it, inside a strategy too); builds nothing.
 */
export function resolveWorkload(workload: Construct, given: GpuWorkloadProps): WorkloadSpec {
  if (given === null || typeof given !== "object") throw new InvalidRequirementError("props", given, "give the workload's props as an object");
  const props = withCapacityShorthands(given);
  try {
    return resolveWritten(workload, props);
  } catch (error) {
    throw namedInStrategy(error, writtenShorthands(given, props));
  }
}

/** resolveWorkload, once the strategy is written out as its shorthands. */
function resolveWritten(workload: Construct, props: GpuWorkloadProps): WorkloadSpec {
  validateTerraformNames(workload);
  const platform = GpuPlatform.settingsFor(workload, props.platform);
  const network = props.network ?? platform.network;
  validateWorkloadProps(props, network, platform.tags);
  const { requirements, regionCheckedAtPlan } = selectionRequirements(workload, props, platform);
  const decision = sharedDecision(requirements);
  const replicas = fleetReplicas(props, decision);
  validateDecisionFit(props, decision, replicas);
  const engine = capacityEngine(props, decision, replicas);
  engine.checkDecision?.(props, decision, network!);
  // A service (AWS Batch, EKS, Karpenter) boots its own GPU image; everything else a DLAMI that must support the family.
  const os = engine.serviceLaunchesInstances
    ? "amazon-linux-2023"
    : dlamiOperatingSystem(decision.spec.family, decision.spec.cpuArchitecture, props.operatingSystem, props.ami !== undefined);
  const { service, job } = workloadContainers(props, decision, engine.kind);
  // The whole checkpoint is downloaded to every instance, whatever share of it each GPU holds.
  const weightsGiB = decision.memoryEstimate?.weightsTotalGiB ?? 0;
  const context: WorkloadContext = {
    // EKS and Karpenter are chosen by their strategy alone; the other kinds may be chosen by scale and shorthands.
    strategy: props.capacity ?? engine.fromShorthands!(props, decision),
    efa: props.efa === true,
    allowFrom: props.allowFrom ?? [],
    userData: props.userData,
    decision,
    names: resourceNames(workload.node.id, workload.node.addr),
    network: network!,
    replicas,
    weightsGiB,
    stableTags: stableTags(decision.workload, platform.tags, props.tags),
    decisionTags: decisionTags(decision),
    service,
    serverReadySeconds: service && readySeconds(service.imageSizeGiB, weightsGiB),
    shutdownOnExit: job !== undefined && props.job?.shutdownOnExit !== false,
    containersUseInstanceRole: props.containersUseInstanceRole === true,
  };
  if (props.runsPerMonth !== undefined && !context.shutdownOnExit) {
    throw new InvalidRequirementError(
      "runsPerMonth",
      props.runsPerMonth,
      "runs are priced for a job whose instances stop when it ends: give job (its container, shutdownOnExit on by default), or leave runsPerMonth out and every hour of the month is counted",
    );
  }
  const settings = { ...NO_LAUNCH_SETTINGS, ...engine.settings?.(context) };
  return { props, platform, decision, engine, os, context, settings, job, regionCheckedAtPlan };
}

/** What selection is asked: the props' requirements in the stack's region, under the platform's policy. */
function selectionRequirements(
  workload: Construct,
  props: GpuWorkloadProps,
  platform: PlatformSettings,
): { requirements: SelectionRequirements; regionCheckedAtPlan: boolean } {
  const given = props.region ?? platform.region;
  const provider = defaultAwsRegion(stackOf(workload), isToken);
  // A region that is not a string is refused by selection, with the rest of the requirements.
  if (typeof given === "string" && provider !== undefined && given !== provider) {
    throw new InvalidRequirementError(
      props.region !== undefined ? "region" : "platform.region",
      given,
      `this stack's AWS provider deploys to ${provider}, so the workload would be chosen and priced for one region and launched in another; give it ${provider}, or put it in a stack whose provider is in ${given}`,
    );
  }
  return {
    requirements: applyPolicy(
      { ...workloadRequirements(props), workload: props.workload, region: given ?? provider, taxonomy: platform.taxonomy },
      platform.policy,
    ),
    // A provider whose region is a reference (or the environment's) is compared with the workload's at plan.
    regionCheckedAtPlan: given !== undefined && provider === undefined,
  };
}
