/** What every command keeps to: --version, --help with flags and examples, errors by the flag typed. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COMMANDS, runCli } from "../../lib/cli/main";
import { GPU_PLAN_FILE } from "../../lib/plan/gpu-plan";
import { ExamplePlans, synthExamplePlans } from "./example-plans";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "gpu-workloads.js");
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

let plans: ExamplePlans;
beforeAll(() => {
  plans = synthExamplePlans();
});

describe("--version", () => {
  test("prints the package's version from package.json", () => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(runCli(["--version"])).toEqual({ exitCode: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  test("the built bin finds package.json from dist/", () => {
    const result = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${VERSION}\n`);
  });
});

describe("help", () => {
  test("gpu-workloads, help, --help and -h list every command, --version, per-command help and the conventions", () => {
    const overview = runCli([]);
    expect(overview.exitCode).toBe(0);
    for (const argv of [["help"], ["--help"], ["-h"]]) expect(runCli(argv)).toEqual(overview);
    for (const c of COMMANDS) expect(overview.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.slice(0, 30)}`, "m"));
    expect(overview.stdout).toContain("gpu-workloads <command> --help");
    expect(overview.stdout).toContain("gpu-workloads --version");
    expect(overview.stdout).toMatch(/No colours: output never holds ANSI escape sequences, so NO_COLOR needs nothing/);
  });

  test.each(COMMANDS.map((c) => [c.name, c] as const))("%s --help: usage, every flag with its description, examples, schema and exit codes", (name, command) => {
    const help = runCli([name, "--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stderr).toBe("");
    expect(runCli(["help", name])).toEqual(help);
    expect(runCli([name, "-h"])).toEqual(help);
    const text = help.stdout.replace(/\s+/g, " "); // each flag and its description on one line, however wrapped
    expect(text).toMatch(new RegExp(`^gpu-workloads ${name}: `));
    expect(text).toContain(`usage: gpu-workloads ${name}`);
    for (const [flag, definition] of Object.entries(command.flags)) {
      expect(text).toContain(`--${flag}${definition.value ? ` ${definition.value}` : ""} ${definition.description}`);
    }
    expect(command.examples.length).toBeGreaterThanOrEqual(2);
    expect(command.examples.length).toBeLessThanOrEqual(3);
    expect(help.stdout).toContain(`examples:\n${command.examples.map((e) => `  ${e}`).join("\n")}\n`);
    expect(text).toContain(`schema/cli/${name}.schema.json`);
    expect(text).toMatch(/Exit codes: 0 answered; .*2 bad input/);
  });

  test("report's help says when it exits 1", () => {
    expect(runCli(["report", "--help"]).stdout.replace(/\n/g, " ")).toMatch(/1 with --compare-to, when the expected monthly cost rises above --fail-above-usd or --fail-above-percent/);
    expect(runCli(["gpus", "--help"]).stdout).not.toMatch(/; 1 /);
  });

  test("help for a command that does not exist is an error", () => {
    const result = runCli(["help", "frobnicate"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/"frobnicate" is not a command; use one of gpus, catalog, models, select, estimate, report/);
  });

  test("every example in every command's help runs, from the built bin (exit 0)", () => {
    // GIVEN a project folder with a plan, and a base and a head checkout side by side, as the examples assume
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "examples-"));
    for (const [dir, from] of [["cdktf.out", plans.baseDir], ["base/cdktf.out", plans.baseDir], ["head/cdktf.out", plans.headDir]]) {
      fs.mkdirSync(path.join(cwd, dir), { recursive: true });
      fs.copyFileSync(path.join(from, GPU_PLAN_FILE), path.join(cwd, dir, GPU_PLAN_FILE));
    }
    // WHEN
    const runs = COMMANDS.flatMap((c) => c.examples).map((example) => {
      const result = spawnSync("sh", ["-c", example.replace(/^gpu-workloads /, `"${process.execPath}" "${BIN}" `)], { cwd, encoding: "utf8" });
      return { example, status: result.status, stderr: result.stderr };
    });
    // THEN
    expect(runs).toEqual(runs.map((r) => ({ ...r, status: 0, stderr: "" })));
    expect(fs.readFileSync(path.join(cwd, "cost.md"), "utf8")).toMatch(/^## GPU workloads: cost plan/);
  });
});

describe("errors name the flag as typed", () => {
  test.each([
    [["catalog", "--region", "mars"], /^gpu-workloads: --region is "mars"; use an AWS region code/],
    [["select", "--workload", "realtime-inference", "--max-price", "0.1"], /^gpu-workloads: No instance type satisfies --max-price = 0.1 together with/],
    [["select", "--workload", "training", "--gpu-count", "3"], /^gpu-workloads: No instance type satisfies --gpu-count = 3 together with/],
    [["select", "--workload", "training", "--arch", "arm64"], /^gpu-workloads: No instance type satisfies --arch = "arm64" together with/],
    [["report", "--dir", "no-such-dir"], /^gpu-workloads: no-such-dir\/gpu-plan.json does not exist\. .* or point --dir at its output folder\.$/m],
    [["report", "--dir", ".", "--compare-to", "no-such-base"], /point --compare-to at its output folder/],
  ])("%j", (argv, message) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test("a requirement the user did not type keeps the library's name (there is no flag to blame)", () => {
    // Two L4 nodes: the cluster network floor of 400 Gbps is a default, not a flag given.
    expect(runCli(["select", "--workload", "training", "--nodes", "2", "--gpus", "L4"]).stderr).toMatch(/No instance type satisfies minClusterNetworkGbps = 400/);
  });
});
