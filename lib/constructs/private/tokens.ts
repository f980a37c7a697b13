import { Token } from "cdktf";
import { REQUIREMENT_ROLES, RequirementRole } from "../../selection/requirements";
import { UnresolvedValueError } from "../../validation/errors";
import { GpuWorkloadProps } from "../workload-props";

/** True for a cdktf token (a Terraform reference or variable) in place of a value. */
export function isToken(value: unknown): boolean {
  return value !== undefined && value !== null && Token.isUnresolved(value);
}

const CHOOSES = "it chooses the instance type, which is decided at synth";
const SIZES = "it sets the capacity and its worst-case cost, which BudgetGuard and the plan check at synth";
const FITS = "it is checked at synth against what the chosen instance type holds";

/** Why a requirement must be known at synth; the shared ones are not a workload's props. */
const REQUIREMENT_REASONS: Readonly<Record<RequirementRole, string | undefined>> = { chooses: CHOOSES, sizes: SIZES, shared: undefined };

/**
 * Props that must be known at synth, and why: every requirement a workload gives, then the capacity's own. Everything
 * else (network and security group ids, CIDRs, ports, AMIs, capacity reservations, images, descriptions, tag values,
 * user data where nothing is combined with it) may be a Terraform reference and is left to Terraform.
 */
const KNOWN_AT_SYNTH: readonly (readonly [string, string])[] = [
  ...Object.entries(REQUIREMENT_ROLES).flatMap(([key, role]) => {
    const why = REQUIREMENT_REASONS[role];
    return why ? [[key, why] as const] : [];
  }),
  ...([
    ["replicas", SIZES],
    ["fleet", SIZES],
    ["operatingSystem", "it picks the AMI and root device name"],
    ["rootVolumeSizeGiB", FITS],
  ] satisfies (readonly [keyof GpuWorkloadProps, string])[]),
];

/** Throws for the first token found where a literal is needed, naming the property path. */
export function refuseTokens(props: GpuWorkloadProps): void {
  for (const [property, why] of KNOWN_AT_SYNTH) {
    const at = tokenPath((props as unknown as Record<string, unknown>)[property], property);
    if (at) throw new UnresolvedValueError(at, why);
  }
  const batch = props.batch;
  if (batch) {
    for (const key of ["maxVcpus", "minVcpus", "maxInstanceTypes", "maxFallbackPriceRatio"] as const) {
      if (isToken(batch[key])) throw new UnresolvedValueError(`batch.${key}`, SIZES);
    }
    for (const key of ["gpus", "vcpus", "memoryMiB", "attempts", "timeoutSeconds", "readonlyRootFilesystem"] as const) {
      if (isToken(batch.job?.[key])) throw new UnresolvedValueError(`batch.job.${key}`, `${FITS}, and it is written into the job definition's JSON`);
    }
    if (isToken(batch.job?.command))
      throw new UnresolvedValueError(
        "batch.job.command",
        "a list reference cannot be written into the job definition's JSON; give a list of strings (each may be a reference)",
      );
  }
  (Array.isArray(props.allowTo) ? props.allowTo : []).forEach((rule, i) => {
    if (isToken(rule?.protocol)) throw new UnresolvedValueError(`allowTo[${i}].protocol`, "only tcp or udp may be opened, which is checked at synth");
  });
  for (const key of Object.keys(typeof props.tags === "object" && props.tags !== null ? props.tags : {})) {
    if (isToken(key)) throw new UnresolvedValueError("tags key", "tag keys are checked against AWS's rules at synth; values may be references");
  }
}

function tokenPath(value: unknown, path: string): string | undefined {
  if (isToken(value)) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = tokenPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const found = tokenPath(child, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
