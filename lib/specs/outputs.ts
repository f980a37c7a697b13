import { CostTerm, kebab } from "../plan/cost-vocabulary";
import { Decision } from "../selection/decision";
import { literalText } from "./terraform-text";

/** A Terraform output as plain data: its name, its value and what it says. */
export interface OutputSpec {
  readonly name: string;
  readonly value: string | number | readonly string[];
  readonly description: string;
}

/** What `decisionOutputs` reads of the workload's capacity (WorkloadCapacity). */
export interface CapacityCost {
  readonly usdPerHour: number;
  readonly usdPerMonth: number;
  readonly maxUsdPerMonth: number;
  readonly instances: { readonly desired: number };
  readonly run?: { readonly hoursPerRun: number; readonly usdPerRun: number; readonly runsPerMonth: number };
}

/** The decision and its cost as outputs, named in the cost vocabulary (kebab-case), each saying it was chosen here. */
export function decisionOutputs(path: string, d: Decision, c: CapacityCost): OutputSpec[] {
  const costs: Partial<Record<CostTerm, string | number>> = {
    region: d.region,
    gpuCount: d.gpuCount,
    usdPerInstanceHour: d.usdPerInstanceHour,
    usdPerHour: c.usdPerHour,
    usdPerMonth: c.usdPerMonth,
    maxUsdPerMonth: c.maxUsdPerMonth,
    ...(c.run && { hoursPerRun: c.run.hoursPerRun, usdPerRun: c.run.usdPerRun, runsPerMonth: c.run.runsPerMonth }),
  };
  const values: Record<string, string | number> = {
    "instance-type": d.instanceType,
    gpu: d.gpu.name,
    ...Object.fromEntries(Object.entries(costs).map(([term, value]) => [kebab(term as CostTerm), value!])),
    instances: c.instances.desired,
    reason: literalText(d.reason),
  };
  return Object.entries(values).map(([name, value]) => ({
    name,
    value,
    description: literalText(`${path}: ${outputWords(name)} chosen by cdktf-gpu-workloads`),
  }));
}

/** The ids another stack or a script needs, each given (undefined where the workload has none), as outputs. */
export function handleOutputs(path: string, handles: Readonly<Record<string, string | readonly string[] | undefined>>): OutputSpec[] {
  return Object.entries(handles).flatMap(([name, value]) =>
    value === undefined ? [] : [{ name, value, description: literalText(`${path}: ${outputWords(name)}`) }],
  );
}

/** An output's name in words: "usd-per-hour" → "usd per hour". */
function outputWords(name: string): string {
  return name.replace(/-/g, " ");
}
