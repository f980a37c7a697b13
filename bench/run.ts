// `npm run bench`: measures everything in one run and prints a Markdown report, also written to bench/results.md.
import { readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "./child";
import { cliSection } from "./report-cli";
import { requireSection } from "./report-require";
import { selectionSection } from "./report-selection";
import { synthSection } from "./report-synth";

const started = performance.now();
const progress = (message: string) => process.stderr.write(`bench: ${message} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
const version = (pkg: string) => JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;

function environment(): string {
  const cpus = os.cpus();
  return [
    "# cdktf-gpu-workloads benchmark",
    "",
    `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"} · ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM · cdktf ${version("cdktf")} · @cdktf/provider-aws ${version("@cdktf/provider-aws")}`,
  ].join("\n");
}

const sections = [environment()];
progress("selection throughput");
sections.push(selectionSection());
progress("CLI start-up");
sections.push(cliSection());
progress("require cost");
sections.push(requireSection());
sections.push(synthSection(progress));
sections.push(`_Whole bench: ${((performance.now() - started) / 1000).toFixed(0)} s._`);

const markdown = sections.join("\n\n") + "\n";
writeFileSync(path.join(ROOT, "bench", "results.md"), markdown);
process.stdout.write(markdown);
