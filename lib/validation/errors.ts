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
    /** What would work, e.g. "give a whole number from 1 to 10". */
    readonly expected: string,
    code = "InvalidRequirement",
  ) {
    super(code, `${property} is ${formatValue(value)}; ${expected}.`);
  }
}

/** A custom taxonomy row, price or model that fails the schema the embedded table is held to. */
export class InvalidTaxonomyError extends InvalidRequirementError {
  constructor(property: string, value: unknown, expected: string) {
    super(property, value, expected, "InvalidTaxonomy");
  }
}

/**
 * A Terraform token where the value must be known at synth: it decides the instance type, the capacity
 * or its cost, which are chosen and checked before Terraform runs.
 */
export class UnresolvedValueError extends InvalidRequirementError {
  constructor(property: string, why: string) {
    super(property, undefined, `give a literal value: ${why}`, "ValueMustBeKnownAtSynth");
    this.message = `${property} is a Terraform token; ${this.expected}.`;
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
    /** What to try next, e.g. the regions that offer a suitable type. */
    readonly hint?: string,
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

/** A value as the user gave it: NaN, Infinity and -0 stay themselves (JSON would print null or 0), long values are cut. */
export function formatValue(value: unknown): string {
  const text = describe(value, 0);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const MAX_SHOWN = 200;

function describe(value: unknown, depth: number): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || value === null || typeof value === "boolean") return String(value);
  if (typeof value === "function" || typeof value === "symbol") return typeof value;
  if (depth > 3) return "…";
  if (Array.isArray(value)) return `[${value.map((v) => describe(v, depth + 1)).join(",")}]`;
  const entries = Object.entries(value as object).map(([k, v]) => `${JSON.stringify(k)}:${describe(v, depth + 1)}`);
  return `{${entries.join(",")}}`;
}
