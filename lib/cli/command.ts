import { FlagSpec, ParsedFlags } from "./args";

/** What a command answers: a document for --json and the same as readable text. */
export interface CommandOutput {
  /** The document --json prints. */
  readonly json: unknown;
  /** The same answer as readable text. */
  readonly text: string;
  /** Checks the answer failed (a cost limit of `report --compare-to`): the CLI prints each on stderr and exits 1. */
  readonly failed?: readonly string[];
}

/** One CLI command: its name, help, the flags it takes, and what it runs (on flags typed as it declares them). */
export interface Command<S extends FlagSpec = FlagSpec> {
  /** The word that selects it, e.g. "select". */
  readonly name: string;
  /** One line for the help. */
  readonly summary: string;
  /** How to call it, e.g. "gpu-workloads gpus [--json]"; the help and `--help` print it. */
  readonly usage: string;
  /** The flags it accepts and their types. */
  readonly flags: S;
  /** When the command exits 1 rather than 0, for its help (report: a cost limit broken). */
  readonly exitsWith1?: string;
  /** Two or three command lines that `--help` shows, from the simplest. */
  readonly examples: readonly string[];
  /** The flag that sets each library property, so errors name what the user typed (gpuCount → --gpu-count). */
  readonly flagFor?: Readonly<Record<string, string>>;
  /** Runs the command on parsed flags; throws a GpuWorkloadsError on bad input. */
  run(flags: ParsedFlags<S>): CommandOutput;
}

/** A command whose run reads its flags by the types its spec gives them. */
export function command<S extends FlagSpec>(definition: Command<S>): Command<S> {
  return definition;
}
