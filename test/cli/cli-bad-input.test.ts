import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { GpuPlatform, RealtimeInference } from "../../lib";
import { runCli } from "../../lib/cli/main";
import { MAX_PLAN_BYTES } from "../../lib/plan/read-plan";
import { NETWORK } from "../constructs/synth";
import { oneWorkloadPlan } from "./example-plans";

const json = (argv: string[]) => {
  const result = runCli([...argv, "--json"]);
  return { exitCode: result.exitCode, doc: JSON.parse(result.stdout) };
};

describe("flags: only the command's own, only decimal numbers, errors name the flag", () => {
  test.each(["__proto__", "toString", "constructor", "hasOwnProperty", "valueOf"])("--%s is an unknown flag", (flag) => {
    const { exitCode, doc } = json(["select", "--workload", "training", `--${flag}`, "1"]);
    expect(exitCode).toBe(2);
    expect(doc.error).toEqual({ code: "UnknownFlag", message: expect.stringMatching(new RegExp(`select does not take --${flag}`)) });
  });

  test.each(["0x10", "1e3", " 5", "5 ", "Infinity", "NaN", "+5", "05", "5.", ".5", ""])("--gpu-count %j is not a decimal number", (value) => {
    const { exitCode, doc } = json(["select", "--workload", "training", `--gpu-count=${value}`]);
    expect(exitCode).toBe(2);
    expect(doc.error.code).toMatch(/InvalidNumber|MissingValue/);
  });

  test.each([
    [["select", "--workload", "training", "--gpu-count", "100"], /--gpu-count is 100; give a whole number from 1 to 16/],
    [["select", "--workload", "training", "--min-gpu-count", "0"], /--min-gpu-count is 0/],
    [["select", "--workload", "training", "--nodes", "1.5"], /--nodes is 1.5/],
    [["select", "--workload", "training", "--nodes", "200000"], /--nodes is 200000; give a whole number from 1 to 512/],
    [["select", "--workload", "realtime-inference", "--max-price", "-1"], /--max-price is -1/],
    [["select", "--workload", "realtime-inference", "--model", "llama-3.1-8b", "--context", "0"], /--context is 0/],
    [["select", "--workload", "realtime-inference", "--model", "llama-3.1-8b", "--precision", "constructor"], /--precision is "constructor"/],
    [["select", "--workload", "realtime-inference", "--arch", "constructor"], /--arch is "constructor"/],
    [["select", "--workload", "realtime-inference", "--objective", "__proto__"], /--objective is "__proto__"/],
    [["select", "--workload", "realtime-inference", "--region", "toString"], /--region is "toString"/],
    [["estimate", "--model", "llama-3.1-8b", "--gpus", "0"], /--gpus is 0/],
    [["estimate", "--params", "-8", "--layers", "32", "--kv-heads", "8", "--head-dim", "128"], /--params is -8/],
  ])("%j", (argv, message) => {
    const result = runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/gpuCount|maxUsdPerHour|contextTokens|cpuArchitecture/);
  });
});

describe("report reads only a real plan", () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "bad-plan-"));
  const report = (contents: string | object, extra: string[] = []) => {
    const d = dir();
    fs.writeFileSync(path.join(d, "gpu-plan.json"), typeof contents === "string" ? contents : JSON.stringify(contents));
    return runCli(["report", "--dir", d, ...extra]);
  };

  test("a valid hand-written plan reports", () => {
    expect(report(oneWorkloadPlan()).exitCode).toBe(0);
  });

  test.each([
    ["not JSON", "{", /is not JSON/],
    ["an array", "[]", /is not a JSON object/],
    ["another tool", { ...oneWorkloadPlan(), tool: "x" }, /"tool" is "x"/],
    ["another version", { ...oneWorkloadPlan(), version: 99 }, /version 99; this report reads version 2/],
    [
      "the previous version",
      { ...oneWorkloadPlan(), version: 1 },
      /version 1 \(cdktf-gpu-workloads 0.1: us-east-1 prices only, worst cases at the chosen type\); this report reads version 2/,
    ],
    ["workloads not a list", { ...oneWorkloadPlan(), workloads: {} }, /"workloads" is not a list/],
    ["a price as text", oneWorkloadPlan({ usdPerHour: "1.0" }), /workloads\[0\].usdPerHour is not a finite number of zero or more/],
    [
      "a negative cost (a rise that reads as a fall)",
      oneWorkloadPlan({ usdPerMonth: -5000 }),
      /workloads\[0\].usdPerMonth is not a finite number of zero or more/,
    ],
    [
      "an infinite worst case (1e999 parses to Infinity)",
      JSON.stringify(oneWorkloadPlan()).replace('"maxUsdPerMonth":734.38', '"maxUsdPerMonth":1e999'),
      /workloads\[0\].maxUsdPerMonth is not a finite number of zero or more/,
    ],
    ["a negative instance count", oneWorkloadPlan({ instances: { min: 0, desired: 1, max: -3 } }), /workloads\[0\].instances is not a instances/],
    ["instances missing", oneWorkloadPlan({ instances: undefined }), /workloads\[0\].instances is not a instances/],
    ["an unknown capacity", oneWorkloadPlan({ capacity: "mainframe" }), /workloads\[0\].capacity is not a capacity/],
    ["a null path", oneWorkloadPlan({ path: null }), /workloads\[0\].path is not a string/],
    ["alternatives of the wrong shape", oneWorkloadPlan({ alternatives: [{ instanceType: 1 }] }), /workloads\[0\].alternatives/],
  ])("%s: exit 2 with a typed error, no stack trace", (_name, contents, message) => {
    const result = report(contents);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(report(contents, ["--json"]).stdout).error.code).toBe("BadPlan");
  });

  test("a FIFO, a device, a directory or a symlink to one is refused, without blocking", () => {
    const d = dir();
    const fifo = path.join(d, "gpu-plan.json");
    spawnSync("mkfifo", [fifo]);
    expect(runCli(["report", "--dir", d]).stderr).toMatch(/not a regular file/);
    const linked = dir();
    fs.symlinkSync("/dev/zero", path.join(linked, "gpu-plan.json"));
    expect(runCli(["report", "--dir", linked]).stderr).toMatch(/is a symbolic link, which the report does not follow/);
    const directory = dir();
    fs.mkdirSync(path.join(directory, "gpu-plan.json"));
    expect(runCli(["report", "--dir", directory]).exitCode).toBe(2);
  });

  test("a file over the size limit is refused before it is read", () => {
    const d = dir();
    const file = path.join(d, "gpu-plan.json");
    fs.closeSync(fs.openSync(file, "w"));
    fs.truncateSync(file, MAX_PLAN_BYTES + 1); // sparse: no bytes written
    expect(runCli(["report", "--dir", d]).stderr).toMatch(/has 33554433 bytes, more than the 33554432 it may have/);
  });

  test("Markdown shows names as inline code: no heading, link, image, mention, HTML or cell injection into a pull request", () => {
    const hostile = "x\n# Heading [click](https://evil.example) ![i](https://evil.example/i.png) @org/team <script> | cell `code` *b*";
    const markdown = report({ ...oneWorkloadPlan({ stack: hostile, path: hostile }) }, ["--markdown"]).stdout;
    // The line break is shown as �; a fence of two backticks holds the name's single ones.
    const code = "``x\uFFFD# Heading [click](https://evil.example) ![i](https://evil.example/i.png) @org/team <script> | cell `code` *b*``";
    expect(markdown).toContain(`\n### Stack ${code}\n`);
    expect(markdown).not.toMatch(/\n# Heading/);
    const row = markdown.split("\n").find((l) => l.includes("Heading") && l.startsWith("|"))!;
    expect(row.startsWith(`| ${code.replace("|", "\\|")} | `)).toBe(true); // the pipe escaped for the table, inside the span too
    expect(row.split(/(?<!\\)\|/)).toHaveLength(14); // 12 cells between 13 unescaped bars
  });
});

describe("the plan file synth writes", () => {
  const synth = (outdir: string, withWorkload: boolean) => {
    const app = new App({ outdir });
    new GpuPlatform(app, "platform", { network: NETWORK });
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    if (withWorkload) new RealtimeInference(stack, "chat", {});
    app.synth();
  };

  test("written atomically, and removed when the app has no GPU workloads left", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    synth(outdir, true);
    expect(fs.readdirSync(outdir).filter((f) => f.startsWith("gpu-plan"))).toEqual(["gpu-plan.json"]);
    synth(outdir, false);
    expect(fs.existsSync(path.join(outdir, "gpu-plan.json"))).toBe(false);
  });

  test("a construct that merely looks like a workload is not counted", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-"));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const chat = new RealtimeInference(stack, "chat", { network: NETWORK });
    const wrapper = Object.assign(new TerraformStack(app, "wrapper-stack"), { decision: chat.decision, capacity: chat.capacity });
    expect(wrapper).toBeDefined();
    app.synth();
    const plan = JSON.parse(fs.readFileSync(path.join(outdir, "gpu-plan.json"), "utf8"));
    expect(plan.workloads.map((w: { path: string }) => w.path)).toEqual(["s/chat"]);
  });
});

describe("a plan file a pull request wrote: nothing of another file, nothing of its bytes, no depth, no long or active values", () => {
  const SECRET = "AKIAIOSFODNN7EXAMPLE";
  const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), "hostile-plan-"));
  /** `report --dir` on a folder holding `contents` as gpu-plan.json: the text answer and the JSON one. */
  const report = (contents: string, extra: string[] = []) => {
    const d = folder();
    fs.writeFileSync(path.join(d, "gpu-plan.json"), contents);
    return { text: runCli(["report", "--dir", d, ...extra]), json: runCli(["report", "--dir", d, ...extra, "--json"]) };
  };

  test("a gpu-plan.json that is a symbolic link is refused, even to a readable file that is a valid plan", () => {
    // GIVEN a valid plan elsewhere, and a secret-looking file, each behind a committed link
    const elsewhere = path.join(folder(), "real-plan.json");
    fs.writeFileSync(elsewhere, JSON.stringify(oneWorkloadPlan()));
    const secretFile = path.join(folder(), "credentials");
    fs.writeFileSync(secretFile, `aws_secret_access_key=${SECRET}\n`);
    for (const target of [elsewhere, secretFile]) {
      const linked = folder();
      fs.symlinkSync(target, path.join(linked, "gpu-plan.json"));
      // WHEN
      const text = runCli(["report", "--dir", linked, "--markdown"]);
      const json = runCli(["report", "--dir", linked, "--json"]);
      // THEN
      expect(text).toEqual({
        exitCode: 2,
        stdout: "",
        stderr:
          `gpu-workloads: ${path.join(linked, "gpu-plan.json")} (--dir) is not a cdktf-gpu-workloads plan: it is a symbolic link, which the report ` +
          "does not follow (synth writes a regular file). Synthesize again (npm run synth or cdktf synth).\n",
      });
      expect(JSON.parse(json.stdout).error.code).toBe("BadPlan");
      // --compare-to names the file itself: refused as well
      expect(runCli(["report", "--dir", linked, "--compare-to", path.join(linked, "gpu-plan.json")]).stderr).toMatch(
        /\(--compare-to\) .*it is a symbolic link/,
      );
    }
  });

  test("a dangling link named gpu-plan.json beside a synth's manifest is refused, not read as an app without workloads", () => {
    const base = folder();
    fs.writeFileSync(path.join(base, "manifest.json"), "{}");
    fs.symlinkSync(path.join(base, "nowhere.json"), path.join(base, "gpu-plan.json"));
    const head = folder();
    fs.writeFileSync(path.join(head, "gpu-plan.json"), JSON.stringify(oneWorkloadPlan()));
    const result = runCli(["report", "--dir", head, "--compare-to", base, "--json"]);
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout).error.message).toMatch(/\(--compare-to\) is not a cdktf-gpu-workloads plan: it is a symbolic link/);
  });

  test.each([
    ["a secret file", `SECRET=${SECRET}\n`, "a value is not JSON (not an object, array, string, number, true, false or null) (line 1, column 1)"],
    [
      "a secret in JSON-like text",
      `{\n  "tool": "cdktf-gpu-workloads",\n  "token": ${SECRET}\n}`,
      "a value is not JSON (not an object, array, string, number, true, false or null) (line 3, column 12)",
    ],
    [
      "a secret before a syntax error",
      `{"token": "${SECRET}" "next": 1}`,
      "a value is followed by neither a comma nor the closing bracket (line 1, column 34)",
    ],
    [
      "a secret in a string with a raw line break",
      `{"token": "${SECRET}\n"}`,
      "a string holds a control character (a line break, a tab) that is not escaped (line 1, column 32)",
    ],
    ["a secret after the value", `{}\n${SECRET}`, "more text follows the JSON value (line 2, column 1)"],
    ["a cut-off secret", `{"token": "${SECRET}`, "a string is not closed (line 1, column 32)"],
    ["a bad escape", `["\\q${SECRET}"]`, "a string holds an invalid escape (line 1, column 3)"],
    ["a bad number", `[-${SECRET}]`, "a number is malformed (line 1, column 3)"],
    ["an empty file", "", "the text ends before the JSON does (line 1, column 1)"],
  ])("%s: the error says where the file stops being JSON and never quotes it", (_name, contents, where) => {
    const { text, json } = report(contents);
    expect(text.exitCode).toBe(2);
    expect(text.stderr).toMatch(new RegExp(`: it is not JSON: ${where.replace(/[()]/g, "\\$&")}\\. Synthesize again`));
    expect(JSON.parse(json.stdout).error).toEqual({ code: "BadPlan", message: expect.stringContaining(`it is not JSON: ${where}.`) });
    for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) {
      expect(output).not.toContain(SECRET);
      expect(output).not.toMatch(/SECRET|token|is not valid JSON|Unexpected token/);
    }
  });

  test.each([1e5, 1e6])("arrays nested %d deep: BadPlan, no stack overflow", (depth) => {
    const { text, json } = report("[".repeat(depth) + "]".repeat(depth));
    expect(text.exitCode).toBe(2);
    expect(text.stderr).toMatch(/: it is not JSON: arrays and objects nest more than 32 levels deep \(line 1, column 33\)\. Synthesize again/);
    expect(JSON.parse(json.stdout).error.code).toBe("BadPlan");
  });

  test("deep nesting where the report quotes or prints a value (tool, an unknown field of a workload): BadPlan, not a RangeError", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const written = JSON.stringify(oneWorkloadPlan());
    const deepTool = written.replace('"tool":"cdktf-gpu-workloads"', `"tool":${deep}`);
    const deepField = written.replace('"reason":', `"extra":${deep},"reason":`);
    expect(deepTool).not.toBe(written);
    expect(deepField).not.toBe(written);
    for (const contents of [deepTool, deepField]) {
      const { text, json } = report(contents);
      expect(text.stderr).toMatch(/it is not JSON: arrays and objects nest more than 32 levels deep/);
      expect(JSON.parse(json.stdout).error.code).toBe("BadPlan");
    }
    // As deep as the limit allows still reports, as JSON too.
    const atLimit = written.replace('"reason":', `"extra":${"[".repeat(29)}${"]".repeat(29)},"reason":`);
    expect(report(atLimit).json.exitCode).toBe(0);
  });

  test("a value the error quotes is cut short and its control characters are escaped", () => {
    // GIVEN a tool name with ESC, a bidi override and a newline followed by a workflow command, then a megabyte of text
    const tool = `\u001b[31m\u202e\n::add-mask::x${"A".repeat(1_000_000)}`;
    const { text, json } = report(JSON.stringify({ ...oneWorkloadPlan(), tool }));
    // THEN
    expect(text.stderr).toMatch(
      /^gpu-workloads: .* is not a cdktf-gpu-workloads plan: "tool" is "\\u001b\[31m\\u202e\\n::add-mask::xA{168}…, not "cdktf-gpu-workloads"\. Synthesize again/,
    );
    expect(text.stderr.length).toBeLessThan(600);
    // eslint-disable-next-line no-control-regex -- the control characters are what must not reach the terminal
    expect(text.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(JSON.parse(json.stdout).error.message).toContain('"tool" is "\\u001b[31m\\u202e\\n::add-mask::xAAA');
    expect(json.stdout.length).toBeLessThan(800);
  });
});
