import { closestNames } from "../selection/did-you-mean";
import { ownValue } from "../validation/allowed-values";
import { GpuWorkloadsError } from "../validation/errors";

/** A flag's value: text, a decimal number, a switch without a value, or a comma-separated list. */
export type FlagType = "string" | "number" | "boolean" | "list";

/** One flag: how its value is read, and what `--help` says about it. */
export interface FlagDefinition<T extends FlagType = FlagType> {
  readonly type: T;
  /** The value's placeholder in help (`--dir DIR`); none for a switch. */
  readonly value?: string;
  /** What the flag does, with its default where it has one. */
  readonly description: string;
}

/** The flags one command accepts, by name without the leading dashes. */
export type FlagSpec = Readonly<Record<string, FlagDefinition>>;

/** Flag definitions as commands write them: the value's placeholder, then what the flag does. */
export const flag = {
  string: (value: string, description: string): FlagDefinition<"string"> => ({ type: "string", value, description }),
  number: (value: string, description: string): FlagDefinition<"number"> => ({ type: "number", value, description }),
  list: (value: string, description: string): FlagDefinition<"list"> => ({ type: "list", value, description }),
  switch: (description: string): FlagDefinition<"boolean"> => ({ type: "boolean", description }),
};

/** --json, which every command takes. */
export const JSON_FLAG = flag.switch("print one JSON document instead of text (its schema is in the package's schema/cli/)");

/** What parseFlags reads a flag of each type as. */
interface FlagValues {
  readonly string: string;
  readonly number: number;
  readonly boolean: true;
  readonly list: string[];
}

/** Flag values by name (without dashes), typed as the command's FlagSpec says; a flag not given is undefined. */
export type ParsedFlags<S extends FlagSpec = FlagSpec> = { readonly [K in keyof S]?: FlagValues[S[K]["type"]] };

/** Parses `--flag value`, `--flag=value` and boolean `--flag`; rejects what the command does not take. */
export function parseFlags<S extends FlagSpec>(command: string, argv: readonly string[], spec: S): ParsedFlags<S> {
  const flags: Record<string, FlagValues[FlagType]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      throw new GpuWorkloadsError("UnexpectedArgument", `${command} takes only flags, got "${arg}". Run gpu-workloads help for usage.`);
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    // Own properties only: "--__proto__" or "--toString" must not find Object.prototype's members.
    const type = ownValue(spec, name)?.type;
    if (!type) {
      const near = closestNames(name, Object.keys(spec));
      throw new GpuWorkloadsError(
        "UnknownFlag",
        `${command} does not take --${name}.` +
          (near.length ? ` Did you mean --${near[0]}?` : "") +
          ` It takes ${Object.keys(spec)
            .map((f) => `--${f}`)
            .join(", ")}.`,
      );
    }
    if (type === "boolean") {
      if (inline !== undefined) throw new GpuWorkloadsError("InvalidFlag", `--${name} is a switch and takes no value, got "${inline}".`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      throw new GpuWorkloadsError("MissingValue", `--${name} needs a value.`);
    }
    flags[name] = type === "number" ? toNumber(name, value) : type === "list" ? toList(name, value) : value;
  }
  return flags as ParsedFlags<S>;
}

/** Plain decimals only: Number() would also take "0x18", "1e3", " 24 " and "Infinity". */
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function toNumber(name: string, value: string): number {
  if (!DECIMAL.test(value) || !Number.isFinite(Number(value))) {
    throw new GpuWorkloadsError("InvalidNumber", `--${name} takes a decimal number, got "${value}" (e.g. --${name} 24).`);
  }
  return Number(value);
}

function toList(name: string, value: string): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new GpuWorkloadsError("InvalidList", `--${name} takes a comma-separated list, e.g. --${name} L40S,A10G.`);
  return items;
}
