import { InvalidRequirementError } from "../../../validation/errors";
import { CapacityStrategy } from "../../capacity";
import { GpuWorkloadProps } from "../../workload-props";
import { STRATEGY_ENGINES, strategyEngine } from "./engines";

/** The props a strategy carries inside it: given beside one, they would say two things. */
const SHORTHANDS = ["replicas", "fleet", "nodes", "batch"] as const;

/**
 * The props with the `capacity` strategy checked by its kind's engine and written out as the shorthands the rest of the
 * library reads (a fleet's replicas and options, a cluster's nodes, AWS Batch's options), after checking that it is one
 * strategy and that no shorthand is given beside it.
 */
export function withCapacityShorthands(props: GpuWorkloadProps): GpuWorkloadProps {
  const strategy = props.capacity;
  if (strategy === undefined) return props;
  const engine = strategy !== null && typeof strategy === "object" ? strategyEngine(strategy.kind) : undefined;
  if (!engine) {
    const factories = Object.values(STRATEGY_ENGINES).map((e) => e.factory);
    throw new InvalidRequirementError("capacity", strategy, `give a strategy: ${factories.slice(0, -1).join(", ")} or ${factories.at(-1)}`);
  }
  const beside = SHORTHANDS.find((key) => props[key] !== undefined);
  if (beside) {
    throw new InvalidRequirementError(
      beside,
      props[beside],
      `capacity (${strategy.kind}) says how the instances run; give ${beside} inside the strategy, or leave capacity out`,
    );
  }
  return engine.withStrategy?.(props, strategy as CapacityStrategy) ?? props;
}

/**
 * The shorthands the strategy was written out into: an error about one of them names it where the user wrote it, in the
 * factory's options (`Capacity.fleet({ replicas, spotPercentage })` → `capacity.replicas`, `capacity.spotPercentage`;
 * `Capacity.awsBatch({ job })` → `capacity.job.image`; `Capacity.cluster({ nodes })` → `capacity.nodes`).
 */
export function writtenShorthands(given: GpuWorkloadProps, written: GpuWorkloadProps): readonly string[] {
  return SHORTHANDS.filter((key) => given[key] === undefined && written[key] !== undefined);
}

/** `error`, renamed to the strategy's path when it is about a shorthand the strategy was written out into. */
export function namedInStrategy(error: unknown, written: readonly string[]): unknown {
  if (!(error instanceof InvalidRequirementError)) return error;
  const root = /^[^.[]+/.exec(error.property)?.[0];
  if (root === undefined || !written.includes(root)) return error;
  // The fleet's and AWS Batch's options are the factory's own; replicas and nodes sit beside them.
  const property = root === "fleet" || root === "batch" ? error.property.replace(root, "capacity") : `capacity.${error.property}`;
  // A copy of the same class, its property and message (and the stack's first line) naming the strategy's path.
  const renamed = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as InvalidRequirementError;
  Object.defineProperty(renamed, "property", { value: property, enumerable: true });
  renamed.message = error.message.replace(error.property, property);
  if (error.stack) renamed.stack = error.stack.replace(error.property, property);
  return renamed;
}
