import { Command } from "./command";
import { columns, wrap, wrapUsage } from "./wrap";

/** Flags longer than this get their description on the next line. */
const FLAG_COLUMN = 28;

/** `gpu-workloads help`: the commands, how to get a command's help, and the conventions every command keeps. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return lines([
    "gpu-workloads — choose and explain AWS GPU hardware for a workload",
    "",
    "usage: gpu-workloads <command> [flags]",
    "       gpu-workloads <command> --help     (or gpu-workloads help <command>): its flags and examples",
    "       gpu-workloads --version",
    "",
    "commands:",
    ...commands.map((c) => wrap(`  ${c.name.padEnd(width)}  ${c.summary}`, " ".repeat(width + 4))),
    "",
    ...CONVENTIONS,
  ]);
}

/** `gpu-workloads <command> --help`: usage, every flag with what it does, examples, the output's schema. */
export function commandHelp(c: Command): string {
  const flags = Object.entries(c.flags).map(([name, f]) => [`--${name}${f.value ? ` ${f.value}` : ""}`, f.description] as const);
  const width = Math.min(FLAG_COLUMN, Math.max(...flags.map(([f]) => columns(f))));
  const hang = " ".repeat(width + 4);
  return lines([
    wrap(`gpu-workloads ${c.name}: ${c.summary}`, "  "),
    "",
    wrapUsage(`usage: ${c.usage}`, "         "),
    "",
    "flags:",
    ...flags.map(([f, description]) => (columns(f) > width ? `  ${f}\n${wrap(hang + description, hang)}` : wrap(`  ${f.padEnd(width)}  ${description}`, hang))),
    "",
    "examples:",
    ...c.examples.map((e) => `  ${e}`),
    "",
    wrap(`With --json the answer is one JSON document described by schema/cli/${c.name}.schema.json in the package.`),
    wrap(`Exit codes: 0 answered; ${c.exitsWith1 ? `1 ${c.exitsWith1} (why, on stderr); ` : ""}${BAD_INPUT}`),
    NO_COLOUR,
  ]);
}

const BAD_INPUT = '2 bad input (one paragraph on stderr; with --json, {"error": {"code", "message"}}, schema/cli/error.schema.json).';
const NO_COLOUR = wrap("No colours: output never holds ANSI escape sequences, so NO_COLOR needs nothing; text fits 100 columns.");

const CONVENTIONS = [
  wrap("Every command takes --json and then prints one JSON document; schema/cli/ in the package holds their JSON Schemas."),
  wrap(`Exit codes: 0 answered; 1 report --compare-to broke a cost limit (why, on stderr); ${BAD_INPUT}`),
  NO_COLOUR,
];

function lines(text: readonly string[]): string {
  return text.join("\n") + "\n";
}
