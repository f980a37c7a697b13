/** The package's `./cli` entry: the `gpu-workloads` command as a function, for tools that embed it. */
export { runCli } from "./main";
export type { CliResult } from "./main";
