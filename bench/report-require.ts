import { median, repeat, runChild } from "./child";
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
  const measure = (mode: string, runs: number) => {
    const results = repeat(runs, () => runChild<RequireResult>("require-entry", [mode]));
    return {
      ms: median(results.map((r) => r.requireMs)),
      rss: median(results.map((r) => r.peakRssMiB)),
      modules: results[0].modules,
      entries: results[0].entries,
    };
  };
  const none = measure("none", RUNS);
  const library = measure("library", RUNS);
  const baseline = measure("baseline", RUNS);
  const core = measure("baseline-core", RUNS);
  const root = measure("root", 1);
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
