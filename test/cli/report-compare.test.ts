import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { runCli } from "../../lib/cli/main";
import { percentText } from "../../lib/cli/compare-report";
import { comparePlans, costChange } from "../../lib/plan/compare-plans";
import { GPU_PLAN_FILE, GpuPlan } from "../../lib/plan/gpu-plan";
import { ADDED, CHANGED, ExamplePlans, REMOVED, synthExamplePlans, writePlan } from "./example-plans";
import { SchemaSubsetValidator } from "./json-schema-subset";
import { buildExampleApp } from "../../examples/app";

let plans: ExamplePlans;
beforeAll(() => {
  plans = synthExamplePlans();
});

/** `report --dir head --compare-to base`, with more flags. */
const compare = (head: string, base: string, ...flags: string[]) => runCli(["report", "--dir", head, "--compare-to", base, ...flags]);
const compareJson = (head: string, base: string, ...flags: string[]) => {
  const result = compare(head, base, ...flags, "--json");
  return { ...result, doc: JSON.parse(result.stdout) };
};

describe("report --compare-to: the example app against a head that changes, adds and removes a workload", () => {
  test("the head is what the test means it to be", () => {
    // GIVEN the two plans THEN they differ by exactly the three workloads
    expect(plans.base.workloads.map((w) => w.path)).toEqual(["analytics/embeddings", "chat/assistant", "media/sdxl", "research/pretrain"]);
    expect(plans.head.workloads.map((w) => w.path)).toEqual(["chat/assistant", "media/sdxl", "media/upscale", "research/pretrain"]);
    expect(plans.head.workloads.find((w) => w.path === CHANGED)).toMatchObject({ instanceType: "g6e.xlarge", instances: { min: 3, desired: 3, max: 6 } });
  });

  test("text: the headline in infracost's words, then each change, the unchanged ones as one line, and the prices", () => {
    // WHEN
    const result = compare(plans.headDir, plans.baseDir);
    // THEN
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "GPU workloads: cost change",
      "",
      "Monthly cost will increase by $3,194.33 (+3.9%), from $82,414.66 to $85,608.99 expected.",
      "Worst-case monthly cost will decrease by $1,088.11 (−1.1%), from $95,780.08 to $94,691.97.",
    ]);
    expect(result.stdout).toContain(
      [
        `- ${REMOVED} (removed)`,
        "    instance    g4dn.xlarge → –",
        "    instances   0 (0–16) → –",
        "    expected    $0.00 a month: $0.00",
        "    worst case  $9,400.06 → $0.00 a month: −$9,400.06 (−100.0%)",
        "",
        `~ ${CHANGED} (changed)`,
        "    instance    g5.xlarge → g6e.xlarge",
        "    instances   2 (2–4) → 3 (3–6)",
        "    expected    $1,468.76 → $4,075.59 a month: +$2,606.83 (+177.5%)",
        "    worst case  $5,434.12 → $13,158.57 a month: +$7,724.45 (+142.1%)",
        "",
        `+ ${ADDED} (added)`,
        "    instance    – → g6.xlarge",
        "    instances   – → 1",
        "    expected    $0.00 → $587.50 a month: +$587.50",
        "    worst case  $0.00 → $587.50 a month: +$587.50",
        "",
        "2 workloads unchanged: $80,945.90 a month expected, $80,945.90 in the worst case.",
      ].join("\n"),
    );
    expect(result.stdout).not.toMatch(/media\/sdxl|research\/pretrain/);
    expect(result.stdout).toMatch(/Prices: on-demand as of 2026-11-29, spot estimates as of 2026-11-29, in both plans; a month is 730\nhours.\n$/);
  });

  test("--compare-to takes the base's cdktf.out folder or its gpu-plan.json", () => {
    const byFolder = compare(plans.headDir, plans.baseDir).stdout;
    expect(compare(plans.headDir, path.join(plans.baseDir, GPU_PLAN_FILE)).stdout).toBe(byFolder);
  });

  test("Markdown for a pull-request comment: bold headline, one row per change, names as inline code, right-aligned money", () => {
    const result = compare(plans.headDir, plans.baseDir, "--markdown");
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split("\n").slice(0, 10)).toEqual([
      "## GPU workloads: cost change",
      "",
      "**Monthly cost will increase by $3,194.33 (+3.9%), from $82,414.66 to $85,608.99 expected.**",
      "Worst-case monthly cost will decrease by $1,088.11 (−1.1%), from $95,780.08 to $94,691.97.",
      "",
      "| workload | change | instance | instances | expected $/month | Δ $/month | worst case $/month | Δ worst case $/month |",
      "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
      "| `analytics/embeddings` | removed | `g4dn.xlarge` → – | 0 (0–16) → – | $0.00 | $0.00 | $9,400.06 → $0.00 | −$9,400.06 (−100.0%) |",
      "| `chat/assistant` | changed | `g5.xlarge` → `g6e.xlarge` | 2 (2–4) → 3 (3–6) | $1,468.76 → $4,075.59 | +$2,606.83 (+177.5%) | $5,434.12 → $13,158.57 | +$7,724.45 (+142.1%) |",
      "| `media/upscale` | added | – → `g6.xlarge` | – → 1 | $0.00 → $587.50 | +$587.50 | $0.00 → $587.50 | +$587.50 |",
    ]);
    expect(result.stdout).toMatch(/\n2 workloads unchanged: \$80,945.90 a month expected/);
  });

  test("Markdown shows names from the plan as inline code: no heading, link, mention, HTML or extra cell", () => {
    // GIVEN a head that adds a workload with a hostile construct path
    const hostile = "x\n# Heading [click](https://evil.example) @org/team <script> | cell `code` *b*";
    const added = { ...plans.head.workloads[0], stack: "chat", path: `chat/${hostile}` };
    const head = writePlan({ ...plans.head, workloads: [...plans.head.workloads, added] });
    // WHEN
    const markdown = compare(head, plans.baseDir, "--markdown").stdout;
    // THEN
    expect(markdown).not.toMatch(/\n# Heading/);
    const row = markdown.split("\n").find((l) => l.includes("Heading") && l.startsWith("|"))!;
    expect(row).toContain("| ``chat/x\uFFFD# Heading [click](https://evil.example) @org/team <script> \\| cell `code` *b*`` | added |");
    expect(row.split(/(?<!\\)\|/)).toHaveLength(10); // 8 cells between 9 unescaped bars
  });

  test("JSON: the documented fields, totals with delta and percent, every workload with its change", () => {
    const { exitCode, doc } = compareJson(plans.headDir, plans.baseDir);
    expect(exitCode).toBe(0);
    expect(Object.keys(doc)).toEqual(["base", "head", "samePrices", "totals", "counts", "workloads", "check"]);
    expect(doc.base).toEqual({
      file: path.join(plans.baseDir, GPU_PLAN_FILE),
      pricesAsOf: "2026-11-29",
      spotPricesAsOf: "2026-11-29",
      hoursPerMonth: 730,
      workloads: 4,
      totals: { usdPerMonth: 82414.66, maxUsdPerMonth: 95780.08 },
    });
    expect(doc.head).toMatchObject({ workloads: 4, totals: { usdPerMonth: 85608.99, maxUsdPerMonth: 94691.97 } });
    expect(doc.samePrices).toBe(true);
    expect(doc.totals).toEqual({
      usdPerMonth: { base: 82414.66, head: 85608.99, delta: 3194.33, deltaPercent: 3.88 },
      maxUsdPerMonth: { base: 95780.08, head: 94691.97, delta: -1088.11, deltaPercent: -1.14 },
    });
    expect(doc.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 2 });
    expect(doc.workloads.map((w: { path: string; change: string }) => [w.path, w.change])).toEqual([
      [REMOVED, "removed"],
      [CHANGED, "changed"],
      ["media/sdxl", "unchanged"],
      [ADDED, "added"],
      ["research/pretrain", "unchanged"],
    ]);
    expect(doc.workloads[1]).toEqual({
      stack: "chat",
      path: CHANGED,
      change: "changed",
      base: {
        region: "us-east-1",
        purchase: "on-demand",
        instanceType: "g5.xlarge",
        instances: { min: 2, desired: 2, max: 4 },
        usdPerMonth: 1468.76,
        maxUsdPerMonth: 5434.12,
        maxInstanceType: "g6e.xlarge",
      },
      head: {
        region: "us-east-1",
        purchase: "on-demand",
        instanceType: "g6e.xlarge",
        instances: { min: 3, desired: 3, max: 6 },
        usdPerMonth: 4075.59,
        maxUsdPerMonth: 13158.57,
        maxInstanceType: "g6e.4xlarge",
      },
      changedFields: [
        "instanceType",
        "instanceTypes",
        "gpu",
        "instances",
        "usdPerInstanceHour",
        "spotUsdPerInstanceHour",
        "usdPerHour",
        "usdPerMonth",
        "maxUsdPerMonth",
        "maxInstanceType",
      ],
      pricesOnly: false,
      delta: { usdPerMonth: 2606.83, maxUsdPerMonth: 7724.45 },
      deltaPercent: { usdPerMonth: 177.49, maxUsdPerMonth: 142.15 },
    });
    expect(doc.workloads[0]).toMatchObject({
      head: null,
      delta: { usdPerMonth: 0, maxUsdPerMonth: -9400.06 },
      deltaPercent: { usdPerMonth: 0, maxUsdPerMonth: -100 },
    });
    expect(doc.workloads[3]).toMatchObject({
      base: null,
      delta: { usdPerMonth: 587.5, maxUsdPerMonth: 587.5 },
      deltaPercent: { usdPerMonth: null, maxUsdPerMonth: null },
    });
    expect(doc.workloads[2]).toMatchObject({ changedFields: [], delta: { usdPerMonth: 0, maxUsdPerMonth: 0 } });
    expect(doc.check).toEqual({ failAboveUsd: null, failAbovePercent: null, failAboveMaxUsd: null, failAboveMaxPercent: null, failed: false, reasons: [] });
  });
});

describe("report --compare-to: limits on the expected increase", () => {
  test("--fail-above-usd below the increase exits 1 and says why on stderr, in the report and in the JSON", () => {
    const result = compare(plans.headDir, plans.baseDir, "--fail-above-usd", "3000");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("gpu-workloads: the expected monthly cost rises by $3,194.33, more than --fail-above-usd 3000.\n");
    expect(result.stdout).toMatch(/\nCost check failed: the expected monthly cost rises by \$3,194.33, more than --fail-above-usd 3000.\n$/);
    const markdown = compare(plans.headDir, plans.baseDir, "--fail-above-usd", "3000", "--markdown");
    expect(markdown.exitCode).toBe(1);
    expect(markdown.stdout).toMatch(/\n\*\*Cost check failed\*\*: the expected monthly cost rises by \$3,194.33/);
    const { exitCode, doc } = compareJson(plans.headDir, plans.baseDir, "--fail-above-usd", "3000");
    expect(exitCode).toBe(1);
    // The worst case is gated by the same limit (none of its own given): it fell, so only the expected cost fails.
    expect(doc.check).toEqual({
      failAboveUsd: 3000,
      failAbovePercent: null,
      failAboveMaxUsd: 3000,
      failAboveMaxPercent: null,
      failed: true,
      reasons: ["the expected monthly cost rises by $3,194.33, more than --fail-above-usd 3000."],
    });
  });

  test("an increase at or under the limits passes, and the report says so", () => {
    const result = compare(plans.headDir, plans.baseDir, "--fail-above-usd", "3194.33", "--fail-above-percent", "3.88");
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.replace(/\n(?=\S)/g, " ")).toMatch(
      / Cost check passed: the expected monthly change is within --fail-above-usd 3194.33 and --fail-above-percent 3.88, and the worst-case monthly change within --fail-above-max-usd 3194.33 and --fail-above-max-percent 3.88.\n$/,
    );
  });

  test("--fail-above-percent compares the JSON's two-decimal percent (3.88 here, +3.9% in the text)", () => {
    const result = compare(plans.headDir, plans.baseDir, "--fail-above-percent", "3.87");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("gpu-workloads: the expected monthly cost rises by 3.88%, more than --fail-above-percent 3.87.\n");
  });

  test("both limits broken: both reasons, one line each on stderr", () => {
    const { exitCode, stderr } = compare(plans.headDir, plans.baseDir, "--fail-above-usd", "0", "--fail-above-percent", "0");
    expect(exitCode).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "gpu-workloads: the expected monthly cost rises by $3,194.33, more than --fail-above-usd 0.",
      "gpu-workloads: the expected monthly cost rises by 3.88%, more than --fail-above-percent 0.",
    ]);
  });

  test("the worst case is gated as well: an expected decrease whose worst case rises fails by default, and passes its own limits", () => {
    const gated = compare(plans.baseDir, plans.headDir, "--fail-above-usd", "0", "--fail-above-percent", "0");
    expect(gated.exitCode).toBe(1);
    expect(gated.stderr).toBe(
      "gpu-workloads: the worst-case monthly cost rises by $1,088.11, more than --fail-above-max-usd 0.\n" +
        "gpu-workloads: the worst-case monthly cost rises by 1.15%, more than --fail-above-max-percent 0.\n",
    );
    const result = compare(plans.baseDir, plans.headDir, "--fail-above-usd", "0", "--fail-above-percent", "0", "--fail-above-max-usd", "1100");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Monthly cost will decrease by \$3,194.33 \(−3.7%\), from \$85,608.99 to \$82,414.66 expected.$/m);
    expect(result.stdout).toMatch(/^Worst-case monthly cost will increase by \$1,088.11 \(\+1.1%\), from \$94,691.97 to \$95,780.08.$/m);
    expect(result.stdout).toMatch(/^\+ analytics\/embeddings \(added\)$/m);
    expect(result.stdout).toMatch(/^- media\/upscale \(removed\)$/m);
  });

  test('from a base of $0 the percent is undefined: the headline says "from $0" and a percent limit fails', () => {
    // GIVEN a base whose only workload costs nothing expected (Batch at 0 desired)
    const base = writePlan({ ...plans.base, workloads: plans.base.workloads.filter((w) => w.path === REMOVED) });
    // WHEN
    const result = compare(plans.headDir, base, "--fail-above-percent", "1000");
    // THEN
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^Monthly cost will increase by \$85,608.99 \(from \$0\) to \$85,608.99 expected.$/m);
    expect(result.stderr).toBe("gpu-workloads: the expected monthly cost rises from $0 to $85,608.99, more than any percentage: --fail-above-percent 1000.\n");
    expect(compareJson(plans.headDir, base).doc.totals.usdPerMonth).toEqual({ base: 0, head: 85608.99, delta: 85608.99, deltaPercent: null });
  });

  test("the same plan: nothing changes, every workload is unchanged", () => {
    const result = compare(plans.baseDir, plans.baseDir, "--fail-above-usd", "0");
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split("\n").slice(2, 6)).toEqual([
      "Monthly cost will not change: $82,414.66 expected.",
      "Worst-case monthly cost will not change: $95,780.08.",
      "",
      "4 workloads unchanged: $82,414.66 a month expected, $95,780.08 in the worst case.",
    ]);
    expect(compareJson(plans.baseDir, plans.baseDir).doc.totals.usdPerMonth).toEqual({ base: 82414.66, head: 82414.66, delta: 0, deltaPercent: 0 });
  });

  test.each([
    [["--fail-above-usd", "-1"], "InvalidRequirement", /--fail-above-usd is -1; give a number of at least 0 USD a month/],
    [["--fail-above-percent", "-5"], "InvalidRequirement", /--fail-above-percent is -5; give a number of at least 0 percent/],
    [["--fail-above-usd", "ten"], "InvalidNumber", /--fail-above-usd takes a decimal number, got "ten"/],
  ])("%j is refused with exit 2", (flags, code, message) => {
    const { exitCode, doc } = compareJson(plans.headDir, plans.baseDir, ...flags);
    expect(exitCode).toBe(2);
    expect(doc).toEqual({ error: { code, message: expect.stringMatching(message) } });
  });

  test("a limit without --compare-to has nothing to compare: exit 2, naming both flags", () => {
    const result = runCli(["report", "--dir", plans.headDir, "--fail-above-usd", "100"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("gpu-workloads: --fail-above-usd limits the change from a base plan; give the base with --compare-to.\n");
  });
});

describe("report --compare-to: prices read on different days", () => {
  test("the report says a change may come from the new prices, and marks workloads whose prices alone changed", () => {
    // GIVEN a base read earlier, where media/sdxl's g6.xlarge cost a little less
    const earlier = {
      ...plans.base,
      pricesAsOf: "2026-08-01",
      workloads: plans.base.workloads.map((w) =>
        w.path === "media/sdxl" ? { ...w, usdPerInstanceHour: 0.8, usdPerHour: 0.8, usdPerMonth: 584, maxUsdPerMonth: 584 } : w,
      ),
    };
    // WHEN
    const result = compare(plans.baseDir, writePlan(earlier));
    // THEN
    expect(result.stdout.replace(/\n/g, " ")).toContain(
      "Prices were read on different days (base: on-demand 2026-08-01, spot 2026-11-29; head: on-demand 2026-11-29, spot 2026-11-29): " +
        "part of a change may come from the new prices rather than from a change to the app.",
    );
    expect(result.stdout).toContain(
      "~ media/sdxl (changed: prices only)\n    instance    g6.xlarge\n    instances   1\n    expected    $584.00 → $587.50 a month: +$3.50 (+0.6%)",
    );
    const { doc } = compareJson(plans.baseDir, writePlan(earlier));
    expect(doc.samePrices).toBe(false);
    expect(doc.workloads.find((w: { path: string }) => w.path === "media/sdxl")).toMatchObject({
      change: "changed",
      pricesOnly: true,
      changedFields: ["usdPerInstanceHour", "usdPerHour", "usdPerMonth", "maxUsdPerMonth"],
    });
  });
});

describe("report --compare-to: a synth without GPU workloads has no plan, and compares as an empty one", () => {
  let withoutWorkloads: string;
  const schemas = new SchemaSubsetValidator(path.join(__dirname, "..", "..", "schema", "cli"));
  beforeAll(() => {
    // GIVEN a real synth of an app that does not use the library (the base of the pull request that adds it)
    withoutWorkloads = fs.mkdtempSync(path.join(os.tmpdir(), "no-workloads-"));
    const app = new App({ outdir: withoutWorkloads });
    new TerraformStack(app, "web");
    app.synth();
    expect(fs.existsSync(path.join(withoutWorkloads, "manifest.json"))).toBe(true);
    expect(fs.existsSync(path.join(withoutWorkloads, GPU_PLAN_FILE))).toBe(false);
  });

  test("the first workloads: every one added, the increase from $0, and a percent limit is crossed", () => {
    const { exitCode, stdout } = compare(plans.headDir, withoutWorkloads, "--fail-above-percent", "50");
    expect(exitCode).toBe(1);
    expect(stdout.split("\n").slice(2, 4)).toEqual([
      "Monthly cost will increase by $85,608.99 (from $0) to $85,608.99 expected.",
      "Worst-case monthly cost will increase by $94,691.97 (from $0) to $94,691.97.",
    ]);
    expect(stdout).toContain("+ media/upscale (added)");
    const text = stdout.replace(/\s+/g, " "); // as one line, however wrapped
    expect(text).toContain("Prices: on-demand as of 2026-11-29, spot estimates as of 2026-11-29; the base plan has no GPU workloads;");
    // The worst case is gated too, by the same limit when none of its own is given.
    expect(text).toContain(
      "Cost check failed: the expected monthly cost rises from $0 to $85,608.99, more than any percentage: --fail-above-percent 50. " +
        "the worst-case monthly cost rises from $0 to $94,691.97, more than any percentage: --fail-above-max-percent 50.",
    );
    const { doc } = compareJson(plans.headDir, withoutWorkloads);
    expect(doc.counts).toEqual({ added: 4, removed: 0, changed: 0, unchanged: 0 });
    expect(doc.base).toMatchObject({ workloads: 0, pricesAsOf: "", totals: { usdPerMonth: 0, maxUsdPerMonth: 0 } });
    expect(doc.samePrices).toBe(true);
    expect(schemas.validate("report.schema.json", doc)).toEqual([]);
  });

  test("the last workloads removed: a decrease of 100%", () => {
    const { exitCode, stdout } = compare(withoutWorkloads, plans.baseDir, "--markdown");
    expect(exitCode).toBe(0);
    expect(stdout).toContain("**Monthly cost will decrease by $82,414.66 (−100.0%), from $82,414.66 to $0.00 expected.**");
    expect(stdout).toContain("| `research/pretrain` | removed |");
    expect(stdout).toContain("the head plan has no GPU workloads");
  });

  test("neither side has workloads: no change, exit 0", () => {
    const { exitCode, stdout } = compare(withoutWorkloads, withoutWorkloads);
    expect(exitCode).toBe(0);
    expect(stdout.split("\n").slice(2)).toEqual([
      "Monthly cost will not change: $0.00 expected.",
      "Worst-case monthly cost will not change: $0.00.",
      "",
      "No workloads to compare.",
      "",
      "Neither plan has GPU workloads.",
      "",
    ]);
  });

  test("only with --compare-to: the plain report of a synth without a plan still says to synthesize", () => {
    expect(runCli(["report", "--dir", withoutWorkloads]).stderr).toMatch(/gpu-plan.json does not exist\. Run the synth first/);
  });
});

describe("report --compare-to: plans that cannot be compared are typed errors naming the flag", () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "compare-"));

  test("a base that does not exist", () => {
    const missing = path.join(tmp(), "base", "cdktf.out");
    const { exitCode, doc } = compareJson(plans.headDir, missing);
    expect(exitCode).toBe(2);
    expect(doc.error).toEqual({
      code: "NoPlan",
      message: `${missing} does not exist. Run the synth first (npm run synth, or cdktf synth), or point --compare-to at its output folder.`,
    });
  });

  test("a base folder that holds no synth (no manifest.json): a typo does not pass as an app without workloads", () => {
    const empty = tmp();
    expect(compare(plans.headDir, empty).stderr).toBe(
      `gpu-workloads: ${path.join(empty, GPU_PLAN_FILE)} does not exist. Run the synth first (npm run synth, or cdktf synth), or point --compare-to at its output folder.\n`,
    );
  });

  test.each([
    ["not JSON", "{", /\(--compare-to\) is not a cdktf-gpu-workloads plan: it is not JSON/],
    ["version 1", { version: 1 }, /\(--compare-to\) is not a cdktf-gpu-workloads plan: it has version 1 .*this report reads version 2/],
    ["version 3", { version: 3 }, /\(--compare-to\) is not a cdktf-gpu-workloads plan: it has version 3; this report reads version 2/],
  ])("a base that is %s: BadPlan", (_name, contents, message) => {
    const dir = tmp();
    const file = path.join(dir, "base-plan.json");
    fs.writeFileSync(file, typeof contents === "string" ? contents : JSON.stringify({ ...plans.base, ...contents }));
    const { exitCode, doc } = compareJson(plans.headDir, file);
    expect(exitCode).toBe(2);
    expect(doc.error).toEqual({ code: "BadPlan", message: expect.stringMatching(message) });
    expect(doc.error.message.startsWith(file)).toBe(true);
  });

  test("a plan whose price date is not a date: BadPlan (dates go into the Markdown comment as they are)", () => {
    const base = writePlan({ ...plans.base, pricesAsOf: "<img src=x> @org/team" });
    const { exitCode, doc } = compareJson(plans.headDir, base);
    expect(exitCode).toBe(2);
    expect(doc.error.message).toContain('(--compare-to) is not a cdktf-gpu-workloads plan: "pricesAsOf" is "<img src=x> @org/team", not a date (YYYY-MM-DD)');
  });

  test("--dir must name the head's whole synth, not its plan file: the plan is held to the stacks beside it", () => {
    const headFile = path.join(plans.headDir, GPU_PLAN_FILE);
    const { exitCode, stderr } = compare(headFile, plans.baseDir);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/gpu-plan\.json \(--dir\) is not a folder: give the pull request's whole synth output folder \(cdktf\.out\)/);
  });

  test("a head that is not a plan names --dir", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, GPU_PLAN_FILE), "[]");
    expect(compare(dir, plans.baseDir).stderr).toMatch(/gpu-plan.json \(--dir\) is not a cdktf-gpu-workloads plan: it is not a JSON object/);
  });

  test("plans with different hours per month: PlansNotComparable, naming both plans by their flags", () => {
    const base = writePlan({ ...plans.base, hoursPerMonth: 720 });
    const { exitCode, doc } = compareJson(plans.headDir, base);
    expect(exitCode).toBe(2);
    expect(doc.error).toEqual({
      code: "PlansNotComparable",
      message:
        `the base plan ${path.join(base, GPU_PLAN_FILE)} (--compare-to) counts 720 hours a month and the head plan ${path.join(plans.headDir, GPU_PLAN_FILE)} (--dir) 730, ` +
        "so their monthly costs differ in meaning; synthesize both with the same cdktf-gpu-workloads version.",
    });
  });

  test("comparePlans itself refuses plans of different versions and a plan that lists a workload twice", () => {
    const v3 = { ...plans.base, version: 3 } as GpuPlan;
    expect(() => comparePlans(v3, plans.head)).toThrow(
      /the base plan has plan version 3 and the head plan version 2; synthesize both with the same cdktf-gpu-workloads version/,
    );
    const twice = { ...plans.head, workloads: [...plans.head.workloads, plans.head.workloads[0]] };
    expect(() => comparePlans(plans.base, twice)).toThrow('the head plan lists the workload "chat/assistant" of stack "chat" twice');
  });

  test("a workload listed twice is named cut short and with its control characters escaped", () => {
    const hostile = { ...plans.head.workloads[0], stack: "chat\u001b[31m", path: `chat/\u202e\n::add-mask::x${"y".repeat(1_000_000)}` };
    const twice = { ...plans.head, workloads: [...plans.head.workloads, hostile, hostile] };
    const message = compareJson(writePlan(twice), plans.baseDir).doc.error.message;
    expect(message).toMatch(/^the head plan .* lists the workload "chat\/\\u202e\\n::add-mask::xy+… of stack "chat\\u001b\[31m" twice; synthesize it again\.$/);
    expect(message.length).toBeLessThan(600);
  });
});

describe("percent and money rounding", () => {
  test.each([
    [1000, 1032.49, 32.49, 3.25, "+3.2%"], // one decimal of the exact 3.249%, not of the rounded 3.25
    [1000, 967.51, -32.49, -3.25, "−3.2%"],
    [82414.66, 82414.67, 0.01, 0, "+<0.1%"], // a cent on $82k: under a tenth of a percent, not "+0.0%"
    [200, 0, -200, -100, "−100.0%"],
    [0.1, 0.3, 0.2, 200, "+200.0%"], // no float noise: 0.3 - 0.1 is 0.19999999999999998
    [0, 587.5, 587.5, null, "from $0"],
  ])("%d → %d: delta %d, deltaPercent %p, text %s", (base, head, delta, deltaPercent, text) => {
    expect(costChange(base, head)).toEqual({ base, head, delta, deltaPercent });
    expect(percentText(head - base, base)).toBe(text);
  });
});

describe("report: the root volumes, apart from the instances' cost", () => {
  test("each workload's gp3 volume and what all its instances' volumes cost a month; the instances' totals leave them out", () => {
    const text = runCli(["report", "--dir", plans.baseDir]).stdout;
    const chat = plans.base.workloads.find((w) => w.path === CHANGED)!;
    // Two replicas of the chat server, 140 GiB at 250 MiB/s each: 2 × (140 × $0.08 + 125 × $0.04).
    expect(chat.rootVolume).toEqual({ sizeGiB: 140, throughputMiBps: 250, iops: 3000, usdPerMonth: 32.4 });
    expect(text).toMatch(/^chat\/assistant +140 GiB +250 MiB\/s +3,000 +\$32\.40$/m);
    expect(text).toMatch(
      /Root volumes \(gp3, each instance's; \$\/month for all instances at the desired size, us-east-1 list\nprices, not in the totals above\)/,
    );
    const expected = plans.base.workloads.reduce((sum, w) => sum + w.usdPerMonth, 0);
    expect(text).toContain(`$${expected.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}/month expected`);
  });

  test("a plan written before volumes were recorded still reads, and shows no volume section", () => {
    const older = { ...plans.base, workloads: plans.base.workloads.map((w) => ({ ...w, rootVolume: undefined })) };
    const result = runCli(["report", "--dir", writePlan(older)]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("Root volumes");
  });
});

describe("report --compare-to holds the head's plan to the synth it came with (a real one: the example app's)", () => {
  /** A copy of the example app's synth, changed by `tamper`. */
  const synthCopy = (tamper: (dir: string) => void) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "head-synth-"));
    fs.cpSync(plans.baseDir, dir, { recursive: true });
    tamper(dir);
    return dir;
  };
  const editPlan = (dir: string, edit: (plan: { workloads: Record<string, any>[] }) => void) => {
    const file = path.join(dir, GPU_PLAN_FILE);
    const plan = JSON.parse(fs.readFileSync(file, "utf8"));
    edit(plan);
    fs.writeFileSync(file, JSON.stringify(plan));
  };

  test("the untouched synth compares", () => {
    expect(
      compare(
        synthCopy(() => undefined),
        plans.baseDir,
      ).exitCode,
    ).toBe(0);
  });

  test("a plan that names a cheaper type than the stack launches is a BadPlan", () => {
    const head = synthCopy((dir) => editPlan(dir, (p) => (p.workloads.find((w) => w.path === "chat/assistant")!.instanceType = "g4dn.xlarge")));
    const { exitCode, stderr } = compare(head, plans.baseDir);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(
      /gpu-plan\.json \(--dir\) is not a cdktf-gpu-workloads plan: it does not match the synthesized stacks beside it: stack "chat" launches g5\.xlarge \(its launch templates\), the plan g4dn\.xlarge\./,
    );
  });

  test("a plan that hides a fleet's maximum is a BadPlan", () => {
    const head = synthCopy((dir) => editPlan(dir, (p) => (p.workloads.find((w) => w.path === "chat/assistant")!.instances.max = 2)));
    expect(compare(head, plans.baseDir).stderr).toMatch(/stack "chat" has fleets of at most 4 instances \(their max_size\), the plan 2\./);
  });

  test("a plan that leaves a workload out is a BadPlan", () => {
    const head = synthCopy((dir) => editPlan(dir, (p) => (p.workloads = p.workloads.filter((w) => w.path !== "research/pretrain"))));
    expect(compare(head, plans.baseDir).stderr).toMatch(/stack "research" launches p5\.48xlarge \(its launch templates\), the plan none\./);
  });

  test("stacks with this library's resources and no plan are an error, never $0", () => {
    const head = synthCopy((dir) => fs.rmSync(path.join(dir, GPU_PLAN_FILE)));
    const { exitCode, stderr } = compare(head, plans.baseDir, "--fail-above-usd", "0");
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(
      /holds a synth whose stacks have 4 cdktf-gpu-workloads launch template\(s\), but no gpu-plan\.json: the synth did not finish its validation/,
    );
  });

  test("an App that skips validations writes stacks without a plan: the gate fails", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "skipped-"));
    buildExampleApp(new App({ outdir, skipValidation: true })).synth();
    expect(fs.existsSync(path.join(outdir, GPU_PLAN_FILE))).toBe(false);
    expect(compare(outdir, plans.baseDir).stderr).toMatch(/but no gpu-plan\.json/);
  });

  test("a plan without its synth (no manifest) is refused for the head", () => {
    const head = synthCopy((dir) => fs.rmSync(path.join(dir, "manifest.json")));
    expect(compare(head, plans.baseDir).stderr).toMatch(/holds a plan but no synth \(manifest\.json\): the plan is checked against the stacks it came with/);
  });

  test("a manifest that points outside the folder is refused, without reading there", () => {
    const head = synthCopy((dir) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
      manifest.stacks.chat.synthesizedStackPath = "../../../../etc/passwd";
      fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
    });
    const { exitCode, stderr } = compare(head, plans.baseDir);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/manifest\.json \(--dir\) is not what cdktf synth writes: stack "chat" points outside the folder/);
    expect(stderr).not.toMatch(/root:/);
  });

  test("a stack file that is a link is not followed: outside the folder it points outside, inside it is a link", () => {
    const linked = (target: (dir: string) => string) =>
      synthCopy((dir) => {
        const stack = path.join(dir, "stacks", "chat", "cdk.tf.json");
        fs.rmSync(stack);
        fs.symlinkSync(target(dir), stack);
      });
    expect(
      compare(
        linked(() => path.join(plans.baseDir, "stacks", "chat", "cdk.tf.json")),
        plans.baseDir,
      ).stderr,
    ).toMatch(/stack "chat" points outside the folder/);
    expect(
      compare(
        linked((dir) => path.join(dir, "stacks", "media", "cdk.tf.json")),
        plans.baseDir,
      ).stderr,
    ).toMatch(/cdk\.tf\.json \(--dir\) is not what cdktf synth writes: it is a symbolic link, which the report does not follow/);
  });
});
