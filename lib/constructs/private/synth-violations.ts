import { IConstruct } from "constructs";

/**
 * Violations found while an app synthesizes (a BudgetGuard over its limit), kept per app: the App's validation fails
 * the synth on them, which CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS does not turn off (it only lets error
 * annotations through), and records them in the plan file so the cost report fails too.
 */
const byApp = new WeakMap<IConstruct, Set<string>>();

export function recordViolation(app: IConstruct, message: string): void {
  const recorded = byApp.get(app) ?? new Set<string>();
  recorded.add(message);
  byApp.set(app, recorded);
}

export function recordedViolations(app: IConstruct): string[] {
  return [...(byApp.get(app) ?? [])];
}
