import { median, runChild } from "./child";
import { fixed, ratio, table } from "./markdown";

interface RequireResult {
  entries: string[];
  requireMs: number;
  peakRssMiB: number;
  modules: number;
}

const RUNS = 5;

/** Item 3: cost of requiring the package entry against plain cdktf with the same provider modules. */
export function requireSection(): string {
  // Modes interleaved run by run, so a busy moment on the machine slows each alike.
  const modes = ["none", "library", "baseline", "baseline-core"];
  const results = new Map(modes.map((mode) => [mode, [] as RequireResult[]]));
  for (let i = 0; i < RUNS; i++) for (const mode of modes) results.get(mode)!.push(runChild<RequireResult>("require-entry", [mode]));
  results.set("root", [runChild<RequireResult>("require-entry", ["root"])]);
  const summary = (mode: string) => {
    const runs = results.get(mode)!;
    return { ms: median(runs.map((r) => r.requireMs)), rss: median(runs.map((r) => r.peakRssMiB)), modules: runs[0].modules, entries: runs[0].entries };
  };
  const [none, library, baseline, core] = modes.map(summary);
  const root = summary("root");
  const row = (label: string, m: typeof none, runs: number) => [label, String(runs), fixed(m.ms), fixed(m.rss), String(m.modules)];
  const providerModules = baseline.entries.filter((e) => e !== "cdktf").map((e) => e.replace("@cdktf/provider-aws/lib/", ""));

  return [
    "## 3. `require` cost of the package entry",
    "",
    "Each row is a fresh `node` process that requires the entry and reports the elapsed time and its peak RSS (median of the runs). " +
      `The baseline requires \`cdktf\` and the ${providerModules.length} provider modules the compiled library imports: ${providerModules.join(", ")}.`,
    "",
    table(
      ["entry", "runs", "require ms", "peak RSS MiB", "modules loaded"],
      [
        row("nothing (Node alone)", none, RUNS),
        row("`dist/lib/index.js` (library)", library, RUNS),
        row(`\`cdktf\` + the same ${providerModules.length} provider modules (baseline)`, baseline, RUNS),
        ["**library / baseline**", "", `**${ratio(library.ms, baseline.ms)}**`, `**${ratio(library.rss, baseline.rss)}**`, ""],
        row(`\`cdktf\` + only the ${core.entries.length - 1} modules instance and Auto Scaling group workloads need`, core, RUNS),
        ["library / that", "", ratio(library.ms, core.ms), ratio(library.rss, core.rss), ""],
        row('`require("@cdktf/provider-aws")` (root import, for context)', root, 1),
      ],
    ),
  ].join("\n");
}
