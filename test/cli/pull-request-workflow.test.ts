/**
 * The README's GitHub Actions workflow for a cost diff on every pull request: it parses; the pull request's code runs
 * in a job without a token that only uploads its synth; the job that may comment runs the base branch's CLI on it; and
 * its report steps, run as written (npx → the built bin) in that layout on the example plans, write the Markdown the
 * README shows and trip the gate.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { GPU_PLAN_FILE } from "../../lib/plan/gpu-plan";
import { ExamplePlans, synthExamplePlans } from "./example-plans";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "gpu-workloads.js");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly run?: string;
  readonly "working-directory"?: string;
}

const section = README.slice(README.indexOf("### A cost diff for every pull request"), README.indexOf("## The example app"));
const workflow = parse(section.match(/```yaml\n([\s\S]*?)```/)![1]);
const headSteps: Step[] = workflow.jobs["synth-head"].steps;
const steps: Step[] = workflow.jobs["gpu-cost"].steps;
const reportSteps = steps.filter((s) => s.run?.includes("gpu-workloads report"));

let plans: ExamplePlans;
beforeAll(() => {
  plans = synthExamplePlans();
});

test("runs on pull requests; only the job that runs no pull-request code may write comments", () => {
  expect(workflow.on).toBe("pull_request");
  expect(workflow.permissions).toEqual({ contents: "read" });
  expect(workflow.jobs["synth-head"].permissions).toBeUndefined();
  expect(workflow.jobs["gpu-cost"].permissions).toEqual({ contents: "read", "pull-requests": "write" });
  expect(workflow.jobs["gpu-cost"].needs).toBe("synth-head");
});

test("the pull request's code runs without a token and hands over its whole synth; the base checkout runs the report", () => {
  const checkout = (list: Step[]) => list.filter((s) => s.uses?.startsWith("actions/checkout@")).map((s) => s.with);
  expect(checkout(headSteps)).toEqual([{ "persist-credentials": false }]);
  expect(headSteps.find((s) => s.name === "Synthesize the pull request")?.run).toBe("npm ci && npm run synth");
  expect(headSteps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))?.with).toEqual({ name: "head-synth", path: "cdktf.out" });
  expect(checkout(steps)).toEqual([{ ref: "${{ github.event.pull_request.base.sha }}", "persist-credentials": false }]);
  expect(steps.find((s) => s.uses?.startsWith("actions/download-artifact@"))?.with).toEqual({ name: "head-synth", path: "head-synth" });
  // Every report runs in the base checkout (npx resolves its node_modules) on the downloaded synth.
  expect(reportSteps.map((s) => [s["working-directory"], /--dir head-synth --compare-to cdktf\.out/.test(s.run!)])).toEqual([
    [undefined, true],
    [undefined, true],
  ]);
});

describe("its report steps, run as written on the example plans", () => {
  let workspace: string;
  const runStep = (step: Step) => {
    const command = step.run!.replace(/\bnpx gpu-workloads\b/g, `"${process.execPath}" "${BIN}"`);
    return spawnSync("sh", ["-c", command], { cwd: path.join(workspace, step["working-directory"] ?? "."), encoding: "utf8" });
  };

  beforeAll(() => {
    // GIVEN the base checkout after its synth, with the head's synth downloaded beside it
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-"));
    fs.cpSync(plans.baseDir, path.join(workspace, "cdktf.out"), { recursive: true });
    fs.cpSync(plans.headDir, path.join(workspace, "head-synth"), { recursive: true });
  });

  test("the compare step writes the body the comment step posts, the Markdown the README shows", () => {
    expect(reportSteps.map((s) => s.name)).toEqual(["Compare", "Cost limit"]);
    const result = runStep(reportSteps[0]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const comment = steps.find((s) => s.name === "Comment on the pull request")!;
    const bodyFile = comment.run!.match(/--body-file (\S+)/)![1];
    const quoted = section.match(/^> ## GPU workloads: cost change\n(?:>.*\n)+/m)![0].replace(/^> ?/gm, "");
    expect(fs.readFileSync(path.join(workspace, comment["working-directory"] ?? ".", bodyFile), "utf8")).toBe(quoted);
    expect(comment.run).toContain("--edit-last --create-if-none");
  });

  test("on the pull request that adds the first workload (a base synth without a plan), the compare step still writes the comment", () => {
    const manifest = fs.readFileSync(path.join(workspace, "cdktf.out", "manifest.json"));
    fs.rmSync(path.join(workspace, "cdktf.out", GPU_PLAN_FILE));
    fs.writeFileSync(path.join(workspace, "cdktf.out", "manifest.json"), "{}");
    try {
      const result = runStep(reportSteps[0]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(fs.readFileSync(path.join(workspace, "cost.md"), "utf8")).toContain(
        "**Monthly cost will increase by $85,608.99 (from $0) to $85,608.99 expected.**",
      );
    } finally {
      fs.copyFileSync(path.join(plans.baseDir, GPU_PLAN_FILE), path.join(workspace, "cdktf.out", GPU_PLAN_FILE));
      fs.writeFileSync(path.join(workspace, "cdktf.out", "manifest.json"), manifest);
    }
  });

  test("the gate fails the check: the example head adds $3,194.33 a month, more than $500", () => {
    const result = runStep(reportSteps[1]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("gpu-workloads: the expected monthly cost rises by $3,194.33, more than --fail-above-usd 500.\n");
  });
});
