/**
 * Every error the library raises on bad input. `code` is stable (tests and the CLI's JSON use it);
 * the message names the property, the value, and what would work.
 */
export class GpuWorkloadsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A requirement or prop has a value of the wrong shape or range. */
export class InvalidRequirementError extends GpuWorkloadsError {
  constructor(
    readonly property: string,
    readonly value: unknown,
    expected: string,
  ) {
    super("InvalidRequirement", `${property} is ${formatValue(value)}; ${expected}.`);
  }
}

/** A GPU name that the taxonomy does not know. */
export class UnknownGpuError extends GpuWorkloadsError {
  constructor(
    readonly property: string,
    readonly value: string,
    readonly suggestions: readonly string[],
    known: readonly string[],
  ) {
    super(
      "UnknownGpu",
      `${property} names an unknown GPU "${value}".` +
        (suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "") +
        ` Known GPUs: ${known.join(", ")}.`,
    );
  }
}

/** A model name that the catalog does not know. */
export class UnknownModelError extends GpuWorkloadsError {
  constructor(
    readonly value: string,
    readonly suggestions: readonly string[],
    known: readonly string[],
  ) {
    super(
      "UnknownModel",
      `model "${value}" is not in the catalog.` +
        (suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "") +
        ` Known models: ${known.join(", ")}; or give a custom spec (params, layers, kvHeads, headDim).`,
    );
  }
}

/** A candidate that came close, and what it missed. */
export interface NearMiss {
  readonly instanceType: string;
  readonly misses: readonly string[];
}

/** No instance type satisfies every requirement. */
export class NoFeasibleInstanceError extends GpuWorkloadsError {
  constructor(
    /** The constraint that ruled out the most candidates that passed every other one. */
    readonly constraint: string,
    readonly value: unknown,
    readonly nearest: readonly NearMiss[],
    hint?: string,
  ) {
    super(
      "NoFeasibleInstance",
      `No instance type satisfies ${constraint} = ${formatValue(value)} together with the other requirements.` +
        (nearest.length
          ? ` Nearest candidates: ${nearest.map((n) => `${n.instanceType} (${n.misses.join("; ")})`).join(", ")}.`
          : "") +
        (hint ? ` ${hint}` : ""),
    );
  }
}

export function formatValue(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (value === undefined) return "undefined";
  return JSON.stringify(value);
}
