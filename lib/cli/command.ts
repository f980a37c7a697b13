import { FlagSpec, ParsedFlags } from "./args";

/** What a command answers: a document for --json and the same as readable text. */
export interface CommandOutput {
  readonly json: unknown;
  readonly text: string;
  /** Checks the answer failed (a cost limit of `report --compare-to`): the CLI prints each on stderr and exits 1. */
  readonly failed?: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: FlagSpec;
  /** When the command exits 1 rather than 0, for its help (report: a cost limit broken). */
  readonly exitsWith1?: string;
  /** Two or three command lines that `--help` shows, from the simplest. */
  readonly examples: readonly string[];
  /** The flag that sets each library property, so errors name what the user typed (gpuCount → --gpu-count). */
  readonly flagFor?: Readonly<Record<string, string>>;
  run(flags: ParsedFlags): CommandOutput;
}
