import { closestNames } from "../selection/did-you-mean";
import { GpuWorkloadsError } from "../selection/errors";

export type FlagType = "string" | "number" | "boolean" | "list";

/** The flags one command accepts, by name without the leading dashes. */
export type FlagSpec = Readonly<Record<string, FlagType>>;

export type ParsedFlags = Record<string, string | number | boolean | string[] | undefined>;

/** Parses `--flag value`, `--flag=value` and boolean `--flag`; rejects what the command does not take. */
export function parseFlags(command: string, argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const flags: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      throw new GpuWorkloadsError("UnexpectedArgument", `${command} takes only flags, got "${arg}". Run gpu-workloads help for usage.`);
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const type = spec[name];
    if (!type) {
      const near = closestNames(name, Object.keys(spec));
      throw new GpuWorkloadsError(
        "UnknownFlag",
        `${command} does not take --${name}.` +
          (near.length ? ` Did you mean --${near[0]}?` : "") +
          ` It takes ${Object.keys(spec).map((f) => `--${f}`).join(", ")}.`,
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
  return flags;
}

function toNumber(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) {
    throw new GpuWorkloadsError("InvalidNumber", `--${name} takes a number, got "${value}" (e.g. --${name} 24).`);
  }
  return n;
}

function toList(name: string, value: string): string[] {
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new GpuWorkloadsError("InvalidList", `--${name} takes a comma-separated list, e.g. --${name} L40S,A10G.`);
  return items;
}
