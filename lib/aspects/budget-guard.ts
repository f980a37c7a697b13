import { Annotations, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { formatUsd as usd } from "../plan/money";
import { UnresolvedValueError } from "../validation/errors";
import { checkNumber } from "../validation/numbers";
import { isToken } from "../constructs/private/tokens";
import type { GpuWorkload } from "../constructs/gpu-workload";
import { workloadsUnder } from "../constructs/private/workload-brand";
import { recordViolation } from "../constructs/private/synth-violations";

/** Monthly limits on the worst-case cost (maxUsdPerMonth) of GPU workloads, in USD; give either or both. */
export interface BudgetGuardProps {
  /** Most a stack's workloads may cost per month in the worst case (maxUsdPerMonth). @default - no stack limit */
  readonly maxUsdPerMonthPerStack?: number;
  /** Most the whole app's workloads may cost per month in the worst case (maxUsdPerMonth). @default - no app limit */
  readonly maxUsdPerMonthPerApp?: number;
  /** Share of a limit above which synth warns without failing. @default 0.8 */
  readonly warnAtFraction?: number;
}

/** Workloads a message names as the largest spenders. */
const LARGEST_SPENDERS = 3;

/**
 * Fails `cdktf synth` (an error annotation) when GPU workloads would cost more per month than allowed,
 * naming the total, the limit and the largest spenders; warns above `warnAtFraction` of a limit.
 * Costs are each workload's maxUsdPerMonth: its maximum scale (fleet max, Batch maxVcpus, all cluster nodes) of the
 * most expensive type it may launch, on-demand.
 * Add it to the app (every stack with GPU workloads is checked) or to one stack:
 *
 *   Aspects.of(app).add(new BudgetGuard({ maxUsdPerMonthPerStack: 50_000 }));
 */
export class BudgetGuard implements IAspect {
  /** Marks the guard as an app-wide aspect, so added to the app it checks every stack with GPU workloads. */
  readonly appWide = true as const;
  private readonly checkedApps = new WeakSet<IConstruct>();
  private readonly checkedStacks = new WeakSet<IConstruct>();
  private readonly warnAt: number;

  /** Checks the limits are positive numbers known at synth and warnAtFraction is in (0, 1]. */
  constructor(private readonly props: BudgetGuardProps) {
    for (const key of ["maxUsdPerMonthPerStack", "maxUsdPerMonthPerApp"] as const) {
      if (isToken(props[key])) throw new UnresolvedValueError(key, "the budget is checked at synth");
      checkNumber(key, props[key], { above: 0, unit: "USD per month" });
    }
    checkNumber("warnAtFraction", props.warnAtFraction, { above: 0, max: 1, why: "a share of the limit" });
    this.warnAt = props.warnAtFraction ?? 0.8;
  }

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node) || this.checkedStacks.has(node)) return;
    this.checkedStacks.add(node);
    if (this.props.maxUsdPerMonthPerStack !== undefined) {
      this.check(node, `stack ${node.node.id}`, workloadsUnder(node), this.props.maxUsdPerMonthPerStack);
    }
    const app = node.node.root;
    if (this.props.maxUsdPerMonthPerApp !== undefined && !this.checkedApps.has(app)) {
      this.checkedApps.add(app);
      this.check(node, "the app", workloadsUnder(app), this.props.maxUsdPerMonthPerApp);
    }
  }

  private check(stack: TerraformStack, scope: string, workloads: GpuWorkload[], limit: number): void {
    // The final resources' worst case: a max_size or an instance type changed after construction counts.
    const judged = workloads.map((w) => ({ w, deployed: w.judged().deployed }));
    const unknowable = judged.flatMap(({ w, deployed }) => deployed.unknowable.map((why) => `${w.node.path}: ${why}`));
    if (unknowable.length) {
      this.fail(stack, `BudgetGuard: ${scope} cannot be judged against its limit of ${usd(limit)}/month: ${unknowable.join("; ")}. Give literal values.`);
      return;
    }
    const total = judged.reduce((sum, { deployed }) => sum + deployed.maxUsdPerMonth, 0);
    const largest = [...judged]
      .sort((a, b) => b.deployed.maxUsdPerMonth - a.deployed.maxUsdPerMonth || (a.w.node.path < b.w.node.path ? -1 : 1))
      .slice(0, LARGEST_SPENDERS)
      .map(
        ({ w, deployed: d }) =>
          `${w.node.path} ${usd(d.maxUsdPerMonth)} (${d.maxInstances} × ${d.maxInstanceType}${d.maxInstanceType === w.decision.instanceType ? "" : ", the dearest type it may launch"})`,
      )
      .join(", ");
    const summary = `${scope} costs up to ${usd(total)}/month in the worst case (maximum scale, dearest launchable types, on-demand, prices as of ${workloads[0]?.decision.pricesAsOf})`;
    if (total > limit) {
      this.fail(stack, `BudgetGuard: ${summary}, above its limit of ${usd(limit)}/month. Largest spenders: ${largest}.`);
    } else if (total > limit * this.warnAt) {
      Annotations.of(stack).addWarning(
        `BudgetGuard: ${summary}, ${Math.round((total / limit) * 100)}% of its limit of ${usd(limit)}/month. Largest spenders: ${largest}.`,
      );
    }
  }

  /**
   * An error annotation on the stack (where cdktf shows it), and a violation the App's validation fails the synth on:
   * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS lets annotations through, never validations.
   */
  private fail(stack: TerraformStack, message: string): void {
    Annotations.of(stack).addError(message);
    recordViolation(stack.node.root, message);
  }
}
