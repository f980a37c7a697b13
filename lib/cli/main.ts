import { ownValue } from "../validation/allowed-values";
import { GpuWorkloadsError, InvalidRequirementError, NoFeasibleInstanceError, UnknownGpuError } from "../validation/errors";
import { ParsedFlags, parseFlags } from "./args";
import { Command } from "./command";
import { commandHelp, overview } from "./help";
import { inertJson, inertLine, inertText } from "./inert-text";
import { packageVersion } from "./version";

/**
 * Every command the CLI answers, in the help's order, each loaded only when it runs (or the overview lists them all):
 * select need not load report's plan reader, nor report the selection.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand: an import would load every command at start-up */
const LOADERS: Readonly<Record<string, () => Command>> = {
  gpus: () => (require("./gpus-command") as typeof import("./gpus-command")).gpusCommand,
  catalog: () => (require("./catalog-command") as typeof import("./catalog-command")).catalogCommand,
  models: () => (require("./models-command") as typeof import("./models-command")).modelsCommand,
  select: () => (require("./select-command") as typeof import("./select-command")).selectCommand,
  estimate: () => (require("./estimate-command") as typeof import("./estimate-command")).estimateCommand,
  report: () => (require("./report-command") as typeof import("./report-command")).reportCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The commands' names, in the help's order. */
export const COMMAND_NAMES: readonly string[] = Object.keys(LOADERS);

/** Every command, loaded. */
export function allCommands(): readonly Command[] {
  return COMMAND_NAMES.map((name) => LOADERS[name]());
}

/** What one run of the CLI prints and how it exits. */
export interface CliResult {
  /** 0 answered; 1 when report's --fail-above-usd or --fail-above-percent gate trips; 2 bad input (a GpuWorkloadsError, e.g. nothing feasible). */
  readonly exitCode: number;
  /** The answer: text, or one JSON document with --json (errors too). */
  readonly stdout: string;
  /** The error message, without --json. */
  readonly stderr: string;
}

/**
 * Runs the CLI on argv (without node and script) and returns what it prints; never exits the process. Answers and
 * errors pass through inert-text.ts on their way out: what they quote of a plan or a path cannot act on a terminal
 * or a CI log.
 */
export function runCli(argv: readonly string[]): CliResult {
  const [name, ...rest] = argv;
  const json = rest.includes("--json");
  if (name === undefined || name === "--help" || name === "-h" || (name === "help" && rest.length === 0)) {
    return { exitCode: 0, stdout: overview(allCommands()), stderr: "" };
  }
  if (name === "--version") return { exitCode: 0, stdout: `${packageVersion()}\n`, stderr: "" };
  try {
    if (name === "help") return { exitCode: 0, stdout: commandHelp(commandNamed(rest[0])), stderr: "" };
    const command = commandNamed(name);
    if (rest.includes("--help") || rest.includes("-h")) return { exitCode: 0, stdout: commandHelp(command), stderr: "" };
    const output = runNamingFlags(command, parseFlags(name, rest, command.flags));
    const failed = output.failed ?? [];
    return {
      exitCode: failed.length ? 1 : 0,
      stdout: (json ? inertJson(JSON.stringify(output.json, null, 2)) : inertText(output.text)) + "\n",
      stderr: failed.map((reason) => `gpu-workloads: ${inertLine(reason)}\n`).join(""),
    };
  } catch (error) {
    if (!(error instanceof GpuWorkloadsError)) throw error;
    // One line: a path or value in the message cannot start a line of its own.
    return json
      ? { exitCode: 2, stdout: inertJson(JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2)) + "\n", stderr: "" }
      : { exitCode: 2, stdout: "", stderr: `gpu-workloads: ${inertLine(error.message)}\n` };
  }
}

function commandNamed(name: string): Command {
  const load = ownValue(LOADERS, name);
  if (!load) {
    throw new GpuWorkloadsError("UnknownCommand", `"${name}" is not a command; use one of ${COMMAND_NAMES.join(", ")} (gpu-workloads help).`);
  }
  return load();
}

/**
 * Runs the command; an invalid value is reported by the flag that set it, not by the library's property name,
 * and so is the requirement no instance type meets when the user typed its flag.
 */
function runNamingFlags(command: Command, flags: ParsedFlags) {
  try {
    return command.run(flags);
  } catch (error) {
    if (!command.flagFor) throw error;
    if (error instanceof InvalidRequirementError) {
      const flag = ownValue(command.flagFor, error.property);
      throw flag ? new InvalidRequirementError(flag, error.value, error.expected, error.code) : error;
    }
    if (error instanceof UnknownGpuError) {
      const flag = ownValue(command.flagFor, error.property);
      throw flag ? new UnknownGpuError(flag, error.value, error.suggestions, error.known) : error;
    }
    if (error instanceof NoFeasibleInstanceError) {
      const flag = ownValue(command.flagFor, error.constraint);
      const typed = flag !== undefined && flags[flag.slice(2)] !== undefined;
      throw typed ? new NoFeasibleInstanceError(flag, error.value, error.nearest, error.hint) : error;
    }
    throw error;
  }
}
