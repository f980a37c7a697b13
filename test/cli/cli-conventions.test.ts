/** What every command keeps to: --version, --help with flags and examples, errors by the flag typed. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { allCommands, runCli } from "../../lib/cli/main";
import { MODEL_FLAGS } from "../../lib/cli/model-flags";
import { ExamplePlans, synthExamplePlans } from "./example-plans";
import { SchemaSubsetValidator } from "./json-schema-subset";

const COMMANDS = allCommands();

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

  test.each(COMMANDS.map((c) => [c.name, c] as const))(
    "%s --help: usage, every flag with its description, examples, schema and exit codes",
    (name, command) => {
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
    },
  );

  test("each usage line names every flag of its command (select sends the model and usage flags to estimate's)", () => {
    const unnamed = COMMANDS.flatMap((c) =>
      Object.keys(c.flags)
        .filter((f) => !c.usage.includes(`--${f}`))
        .filter((f) => !(c.name === "select" && f in MODEL_FLAGS && c.usage.includes("(see estimate)")))
        .map((f) => `${c.name} --${f}`),
    );
    expect(unnamed).toEqual([]);
  });

  test("report's help says when it exits 1", () => {
    expect(runCli(["report", "--help"]).stdout.replace(/\n/g, " ")).toMatch(
      /1 with --compare-to, when the expected monthly cost rises above --fail-above-usd or --fail-above-percent/,
    );
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
    for (const [dir, from] of [
      ["cdktf.out", plans.baseDir],
      ["base/cdktf.out", plans.baseDir],
      ["head/cdktf.out", plans.headDir],
    ]) {
      fs.cpSync(from, path.join(cwd, dir), { recursive: true });
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
    expect(runCli(["select", "--workload", "training", "--nodes", "2", "--gpus", "L4"]).stderr).toMatch(
      /No instance type satisfies minClusterNetworkGbps = 400/,
    );
  });
});

/**
 * Every command as the example app and the README use it; BASE and HEAD stand for the example plans' folders.
 * Help, --version and the cost reports included.
 */
const EXAMPLE_RUNS: readonly (readonly string[])[] = [
  ["gpus"],
  ["catalog"],
  ["catalog", "--region", "eu-west-1"],
  ["catalog", "--family", "p5"],
  ["models"],
  ["select", "--workload", "realtime-inference", "--model", "llama-3.1-8b", "--context", "8192", "--concurrency", "2"],
  ["select", "--workload", "training", "--nodes", "2"],
  ["select", "--workload", "image-generation", "--model", "sdxl"],
  ["select", "--workload", "batch-processing"],
  ["select", "--workload", "realtime-inference", "--model", "llama-3.1-8b", "--throughput", "2000", "--min-stream-tokens", "20"],
  ["select", "--workload", "fine-tuning", "--model", "llama-3.1-8b", "--mode", "full", "--training-tokens", "1000000000"],
  ["select", "--workload", "training", "--model", "llama-3.1-70b", "--mode", "full", "--training-tokens", "1000000000"],
  ["select", "--workload", "realtime-inference", "--region", "eu-west-1", "--spot"],
  ["estimate", "--model", "llama-3.1-8b", "--context", "8192", "--concurrency", "2"],
  ["estimate", "--model", "llama-3.1-8b", "--mode", "lora", "--concurrency", "4", "--gpu", "A10G"],
  ["estimate", "--model", "llama-3.1-70b", "--mode", "full", "--gpus", "8"],
  ["estimate", "--model", "sdxl"],
  ["report", "--dir", "BASE"],
  ["report", "--dir", "HEAD", "--compare-to", "BASE"],
  ["report", "--dir", "BASE", "--compare-to", "HEAD"],
  ["report", "--dir", "HEAD", "--compare-to", "BASE", "--fail-above-usd", "100", "--fail-above-percent", "1"],
  ...COMMANDS.map((c) => [c.name, "--help"]),
  ["help"],
  ["--version"],
];

const run = (argv: readonly string[], ...more: string[]) =>
  runCli([...argv.map((a) => (a === "BASE" ? plans.baseDir : a === "HEAD" ? plans.headDir : a)), ...more]);

describe("text fits 100 columns", () => {
  test.each(EXAMPLE_RUNS.map((argv) => [argv.join(" ")] as const))("%s", (name) => {
    const { stdout, exitCode } = run(EXAMPLE_RUNS.find((argv) => argv.join(" ") === name)!);
    expect(exitCode).toBeLessThan(2);
    const wide = stdout.split("\n").filter((line) => [...line].length > 100);
    expect(wide).toEqual([]);
  });
});

describe("no colour: NO_COLOR is met because nothing is ever coloured", () => {
  const ESCAPE = "\u001b[";

  test("no text, Markdown or JSON answer, help or error of any command holds an ANSI escape", () => {
    const errors = [["select", "--workload", "inference"], ["report", "--dir", "no-such-dir"], ["frobnicate"], ["select", "--colour", "red"]];
    const outputs = [...EXAMPLE_RUNS, ...errors].flatMap((argv) => [
      run(argv),
      run(argv, "--json"),
      ...(argv[0] === "report" ? [run(argv, "--markdown")] : []),
    ]);
    expect(outputs.length).toBeGreaterThan(70);
    const escaped = outputs.filter((o) => (o.stdout + o.stderr).includes(ESCAPE));
    expect(escaped).toEqual([]);
  });

  test("what a flag or a value brings comes back inert from every command: control characters as �, no runner command", () => {
    // GIVEN a flag name and a value with ESC, an OSC-8 link, a bidi override and a workflow command on a line of its own
    const hostile = "x\u001b[31m\u001b]8;;https://evil\u0007y\u202e\n::add-mask::z ##[set-output name=a;]b";
    for (const c of COMMANDS) {
      for (const argv of [
        [c.name, `--${hostile}`],
        [c.name, `--${Object.keys(c.flags)[0]}=${hostile}`],
      ]) {
        // WHEN
        const text = run(argv);
        const json = run(argv, "--json");
        // THEN
        for (const output of [text.stdout, text.stderr, json.stdout]) {
          // eslint-disable-next-line no-control-regex -- the control characters are what must not reach the terminal
          expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
          expect(output.split("\n").filter((line) => /^\s*::/.test(line))).toEqual([]);
          expect(output).not.toContain("##[");
        }
        // Each is refused, and the JSON error parses back to the characters typed, ESC included
        expect([text.exitCode, json.exitCode]).toEqual([2, 2]);
        expect(JSON.parse(json.stdout).error.message).toContain("x\u001b[31m");
      }
    }
  });

  test("not even when a terminal asks for colour (FORCE_COLOR) from the built bin", () => {
    const result = spawnSync(process.execPath, [BIN, "select", "--workload", "realtime-inference", "--gpus", "A10"], {
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "3", NO_COLOR: "" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Did you mean "A10G"/);
    expect(result.stdout + result.stderr).not.toContain(ESCAPE);
  });
});

describe("--json answers keep to the schemas in schema/cli/", () => {
  const schemas = new SchemaSubsetValidator(path.join(ROOT, "schema", "cli"));
  const errors = [
    ["select", "--workload", "inference"],
    ["report", "--dir", "no-such-dir"],
    ["frobnicate"],
    ["select", "--colour", "red"],
    ["estimate", "--gpus", "-1"],
  ];

  test("there is one schema per command, and one for errors", () => {
    const files = fs.readdirSync(path.join(ROOT, "schema", "cli")).sort();
    expect(files).toEqual([...COMMANDS.map((c) => `${c.name}.schema.json`), "error.schema.json"].sort());
  });

  test.each(
    EXAMPLE_RUNS.filter((argv) => !argv.includes("--help") && argv[0] !== "help" && argv[0] !== "--version").map((argv) => [argv.join(" "), argv] as const),
  )("%s --json", (_, argv) => {
    const result = run(argv, "--json");
    expect(result.exitCode).toBeLessThan(2);
    expect(schemas.validate(`${argv[0]}.schema.json`, JSON.parse(result.stdout))).toEqual([]);
  });

  test.each(errors.map((argv) => [argv.join(" "), argv] as const))("error: %s --json", (_, argv) => {
    const result = run(argv, "--json");
    expect(result.exitCode).toBe(2);
    expect(schemas.validate("error.schema.json", JSON.parse(result.stdout))).toEqual([]);
  });

  test("the schemas are strict: an answer with a field missing, renamed or of another type fails them", () => {
    const select = JSON.parse(run(EXAMPLE_RUNS[5], "--json").stdout);
    const { usdPerMonth, ...missing } = select;
    expect(schemas.validate("select.schema.json", missing)).toEqual(["/usdPerMonth: required, missing"]);
    expect(schemas.validate("select.schema.json", { ...missing, usdPerMonthly: usdPerMonth })).toContain("/usdPerMonthly: not a property the schema allows");
    expect(schemas.validate("select.schema.json", { ...select, gpuCount: "1" })).toEqual(['/gpuCount: "1" is not integer']);
    const compare = JSON.parse(run(["report", "--dir", "HEAD", "--compare-to", "BASE"], "--json").stdout);
    expect(schemas.validate("report.schema.json", { ...compare, extra: 1 })).toEqual(["/: matches 0 of the oneOf schemas, not exactly 1"]);
  });
});
