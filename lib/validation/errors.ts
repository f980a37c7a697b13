import { escapeActiveCharacters } from "./active-characters";

/**
 * Every error the library raises on bad input. `code` is stable (tests and the CLI's JSON use it);
 * the message names the property, the value, and what would work.
 */
export class GpuWorkloadsError extends Error {
  /**
   * The construct whose props or method call raised the error (e.g. "chat/assistant"), as aws-cdk's
   * ValidationError keeps its scope; undefined for errors outside a construct (selection, the CLI).
   * The message stays about the value; Node prints this field with an uncaught error.
   */
  constructPath?: string;

  /** An error with a stable code and a message that says what would work. */
  constructor(
    /** Stable identifier of the kind of error, e.g. "InvalidRequirement" or "NoFeasibleInstance". */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Records the construct an error arose in, keeping the innermost one if it already has a path. */
export function inConstruct(error: unknown, constructPath: string): unknown {
  if (error instanceof GpuWorkloadsError && error.constructPath === undefined) error.constructPath = constructPath;
  return error;
}

/** A requirement or prop has a value of the wrong shape or range. */
export class InvalidRequirementError extends GpuWorkloadsError {
  /** Code "InvalidRequirement" unless given; the message reads "<property> is <value>; <expected>.". */
  constructor(
    /** Path of the property as the user wrote it, e.g. "usage.contextTokens" or "allowFrom[0].cidr". */
    readonly property: string,
    /** The value given. */
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
  /** Code "InvalidTaxonomy"; the message as InvalidRequirementError's. */
  constructor(property: string, value: unknown, expected: string) {
    super(property, value, expected, "InvalidTaxonomy");
  }
}

/**
 * A Terraform token where the value must be known at synth: it decides the instance type, the capacity
 * or its cost, which are chosen and checked before Terraform runs.
 */
export class UnresolvedValueError extends InvalidRequirementError {
  /** Code "ValueMustBeKnownAtSynth"; `why` says what the value decides at synth. */
  constructor(property: string, why: string) {
    super(property, undefined, `give a literal value: ${why}`, "ValueMustBeKnownAtSynth");
    this.message = `${property} is a Terraform token; ${this.expected}.`;
  }
}

/** A GPU name that the taxonomy does not know. */
export class UnknownGpuError extends GpuWorkloadsError {
  /** Code "UnknownGpu"; the message offers the suggestions and lists the `known` GPUs. */
  constructor(
    /** The property that named the GPU, e.g. "gpus" or "policy.allowedGpus". */
    readonly property: string,
    /** The name given. */
    readonly value: string,
    /** Known GPUs closest to it ("did you mean"), closest first, or a family's members for its stem ("A100"); may be empty. */
    readonly suggestions: readonly string[],
    /** Every GPU of the taxonomy, by canonical name. */
    readonly known: readonly string[],
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
  /** Code "UnknownModel"; the message offers the suggestions and lists the `known` models. */
  constructor(
    /** The name given. */
    readonly value: string,
    /** Up to two catalog names closest to it ("did you mean"), closest first; may be empty. */
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

/**
 * What a workload will deploy breaks its organization's policy (GpuPlatform) or budget (BudgetGuard): raised at
 * construction, and again by the App's validation at synth, which judges the final resources whatever the order of
 * construction or the escape hatches used since.
 */
export class PolicyViolationError extends GpuWorkloadsError {
  /** Code "PolicyViolation"; the message names what breaks which rule, and what would hold. */
  constructor(
    /** Every rule broken, each a sentence. */
    readonly violations: readonly string[],
  ) {
    super("PolicyViolation", violations.join(" "));
  }
}

/** A candidate that came close, and what it missed. */
export interface NearMiss {
  /** The instance type that came close. */
  readonly instanceType: string;
  /** What it missed, in words. */
  readonly misses: readonly string[];
}

/** No instance type satisfies every requirement. */
export class NoFeasibleInstanceError extends GpuWorkloadsError {
  /** Code "NoFeasibleInstance"; the message names the constraint, its value, the nearest candidates and the `hint`. */
  constructor(
    /** The constraint that ruled out the most candidates that passed every other one. */
    readonly constraint: string,
    /** That constraint's value in the requirements. */
    readonly value: unknown,
    /** Up to three candidates that came closest, with what each missed. */
    readonly nearest: readonly NearMiss[],
    /** What to try next, e.g. the regions that offer a suitable type. */
    readonly hint?: string,
  ) {
    super(
      "NoFeasibleInstance",
      `No instance type satisfies ${constraint} = ${formatValue(value)} together with the other requirements.` +
        (nearest.length ? ` Nearest candidates: ${nearest.map((n) => `${n.instanceType} (${n.misses.join("; ")})`).join(", ")}.` : "") +
        (hint ? ` ${hint}` : ""),
    );
  }
}

/**
 * A value as the user gave it: NaN, Infinity and -0 stay themselves (JSON would print null or 0), long values are cut,
 * and characters a terminal or log would act on are escaped (`"\u001b[31m"`): a value may come from a plan file.
 */
export function formatValue(value: unknown): string {
  const text = describe(value, 0);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const MAX_SHOWN = 200;

function describe(value: unknown, depth: number): string {
  // Only what can be shown is quoted: a plan's string may be megabytes long.
  if (typeof value === "string") return quoted(value.slice(0, MAX_SHOWN + 1));
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || value === null || typeof value === "boolean") return String(value);
  if (typeof value === "function" || typeof value === "symbol") return typeof value;
  if (depth > 3) return "…";
  if (Array.isArray(value)) return `[${value.map((v) => describe(v, depth + 1)).join(",")}]`;
  const entries = Object.entries(value as object).map(([k, v]) => `${quoted(k)}:${describe(v, depth + 1)}`);
  return `{${entries.join(",")}}`;
}

function quoted(text: string): string {
  return escapeActiveCharacters(JSON.stringify(text));
}
