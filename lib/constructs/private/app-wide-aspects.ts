import { Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/** An aspect meant for a whole app, visiting each stack (e.g. BudgetGuard). */
export interface AppWideAspect extends IAspect {
  /** Marks the aspect: added to an app, it is handed each stack with GPU workloads at synth. */
  readonly appWide: true;
}

const forwarded = new WeakSet<TerraformStack>();

/**
 * cdktf 0.21 invokes aspects from each stack down, so an aspect added with `Aspects.of(app)` never
 * runs. Each stack with GPU workloads gets one forwarder that hands the stack to the app's
 * app-wide aspects at synth time, so `Aspects.of(app).add(new BudgetGuard(...))` works as written.
 */
export function forwardAppWideAspects(stack: TerraformStack): void {
  if (forwarded.has(stack)) return;
  forwarded.add(stack);
  Aspects.of(stack).add({
    visit(node: IConstruct) {
      if (node !== stack) return;
      for (const aspect of Aspects.of(stack.node.root).all) {
        if ((aspect as Partial<AppWideAspect>).appWide === true) aspect.visit(stack);
      }
    },
  });
}
