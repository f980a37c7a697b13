import * as fs from "fs";
import * as path from "path";
import { GpuWorkloadsError } from "../validation/errors";
import { readJsonFile } from "./read-json";

/** cdktf's (and CDK Terrain's) manifest in every synth's output folder. */
export const SYNTH_MANIFEST = "manifest.json";
/** The tag every resource of this library carries (stable tags, on launch templates and Auto Scaling groups). */
const MANAGED_BY = { key: "ManagedBy", value: "cdktf-gpu-workloads" } as const;
/** A stack holds user data and preconditions: far larger and deeper than a plan. */
const STACK_LIMITS = { maxBytes: 256 * 1024 * 1024, maxDepth: 64 } as const;

/** What one synthesized stack holds of this library's: what the plan must account for. */
export interface SynthesizedStack {
  /** The instance type of each of its workloads' launch templates (one per workload), or its EKS node group's first. */
  readonly launchTemplateTypes: readonly string[];
  /** The max_size of each of its fleets' Auto Scaling groups. */
  readonly fleetMaxSizes: readonly number[];
}

/** A synth's output folder whose manifest or stacks cannot be read as cdktf wrote them. */
export class BadSynthError extends GpuWorkloadsError {
  constructor(file: string, problem: string, flag: string) {
    super("BadSynth", `${file} (${flag}) is not what cdktf synth writes: ${problem}. Synthesize again (npm run synth or cdktf synth).`);
  }
}

/**
 * The library's resources in each stack of the synth in `dir`, by stack name; undefined when `dir` holds no synth
 * (no manifest). Every file is read as readJsonFile reads (no links, within limits, never quoted), and only inside
 * `dir`: a manifest written by a pull request may name any path.
 */
export function readSynthesizedStacks(dir: string, flag: string): Map<string, SynthesizedStack> | undefined {
  const manifestFile = path.join(dir, SYNTH_MANIFEST);
  const manifest = readJsonFile(manifestFile, { maxBytes: 16 * 1024 * 1024, maxDepth: 16 });
  if ("missing" in manifest) return undefined;
  if ("problem" in manifest) throw new BadSynthError(manifestFile, manifest.problem, flag);
  const stacks = (manifest.value as { stacks?: unknown } | null)?.stacks;
  if (stacks === null || typeof stacks !== "object" || Array.isArray(stacks)) throw new BadSynthError(manifestFile, '"stacks" is not an object', flag);
  const root = fs.realpathSync(dir);
  const found = new Map<string, SynthesizedStack>();
  for (const [name, entry] of Object.entries(stacks as Record<string, { synthesizedStackPath?: unknown }>)) {
    const relative = entry?.synthesizedStackPath;
    if (typeof relative !== "string") throw new BadSynthError(manifestFile, `stack ${JSON.stringify(name.slice(0, 100))} has no synthesizedStackPath`, flag);
    const file = path.resolve(dir, relative);
    const real = fs.existsSync(file) ? fs.realpathSync(file) : file;
    if (!real.startsWith(root + path.sep)) throw new BadSynthError(manifestFile, `stack ${JSON.stringify(name.slice(0, 100))} points outside the folder`, flag);
    const stack = readJsonFile(file, STACK_LIMITS);
    if ("missing" in stack) throw new BadSynthError(file, "it does not exist, though the manifest names it", flag);
    if ("problem" in stack) throw new BadSynthError(file, stack.problem, flag);
    found.set(name, ours(stack.value));
  }
  return found;
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function ours(stack: unknown): SynthesizedStack {
  const resources = ((stack as { resource?: unknown } | null)?.resource ?? {}) as Resources;
  const templates = Object.values(resources.aws_launch_template ?? {}).filter(
    (t) => (t.tags as Record<string, unknown> | undefined)?.[MANAGED_BY.key] === MANAGED_BY.value,
  );
  const groups = Object.values(resources.aws_autoscaling_group ?? {}).filter((g) =>
    ((g.tag ?? []) as { key?: unknown; value?: unknown }[]).some((t) => t.key === MANAGED_BY.key && t.value === MANAGED_BY.value),
  );
  // An EKS node group lists its types and its template names none: the first listed is the chosen one.
  const nodeGroupTypes = Object.values(resources.aws_eks_node_group ?? {})
    .filter((g) => (g.tags as Record<string, unknown> | undefined)?.[MANAGED_BY.key] === MANAGED_BY.value && Array.isArray(g.instance_types))
    .map((g) => String((g.instance_types as unknown[])[0]));
  return {
    launchTemplateTypes: [...templates.filter((t) => t.instance_type !== undefined).map((t) => String(t.instance_type)), ...nodeGroupTypes],
    fleetMaxSizes: groups.map((g) => Number(g.max_size)),
  };
}
