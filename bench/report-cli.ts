import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ROOT, median } from "./child";
import { fixed, table } from "./markdown";

const CLI = ["bin/gpu-workloads.js", "select", "--workload", "realtime-inference", "--json"];
const RUNS = 10;

/** Wall time of one `node <args>` process, as a user waits for it (spawn included). */
function wallMs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** Item 2: CLI start-up time, and proof that it loads neither cdktf nor the AWS provider. */
export function cliSection(): string {
  // Interleaved, so a busy moment on the machine slows both alike.
  const floorRuns: number[] = [];
  const cliRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floorRuns.push(wallMs(["-e", "0"]).ms);
    cliRuns.push(wallMs(CLI).ms);
  }
  const floor = median(floorRuns);
  const cli = median(cliRuns);

  // One more run with a preload that lists every module file the CLI process loaded.
  const dir = mkdtempSync(path.join(tmpdir(), "gpu-workloads-bench-"));
  const out = path.join(dir, "loads.json");
  const { stdout } = wallMs(["-r", path.join(__dirname, "record-loads.js"), ...CLI], { ...process.env, BENCH_LOADS_OUT: out });
  const loaded: string[] = JSON.parse(readFileSync(out, "utf8"));
  rmSync(dir, { recursive: true, force: true });
  const from = (pkg: string) => loaded.some((f) => f.includes(`${path.sep}node_modules${path.sep}${pkg}${path.sep}`));
  const yesNo = (b: boolean) => (b ? "**yes**" : "no");
  const chosen = JSON.parse(stdout).instanceType;

  return [
    "## 2. CLI start-up",
    "",
    `\`node ${CLI.join(" ")}\` (chose ${chosen}), median of ${RUNS} runs, spawn to exit:`,
    "",
    table(
      ["", "wall ms"],
      [
        ["`node -e 0` (Node alone)", fixed(floor)],
        ["CLI select", fixed(cli)],
        ["CLI above Node alone", fixed(cli - floor)],
      ],
    ),
    "",
    `Modules the CLI loaded (from \`require.cache\` at exit, via a \`-r\` preload): ${loaded.length}; ` +
      `cdktf loaded: ${yesNo(from("cdktf"))}; @cdktf/provider-aws loaded: ${yesNo(from("@cdktf/provider-aws"))}; ` +
      `constructs loaded: ${yesNo(from("constructs"))}.`,
  ].join("\n");
}
