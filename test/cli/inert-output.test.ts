/**
 * What the CLI prints cannot act: a plan's names are written by whoever wrote the pull request, and the report goes
 * to a terminal, a CI log (where GitHub's runner obeys `::add-mask::` lines) and a pull-request comment.
 */
import { runCli } from "../../lib/cli/main";
import { inertJson, inertText } from "../../lib/cli/inert-text";
import { markdownCode } from "../../lib/cli/markdown";
import { oneWorkloadPlan, writePlan } from "./example-plans";

const R = "\uFFFD"; // what an active character is shown as
const ESC_RED = "\u001b[31m";
const OSC8_LINK = "\u001b]8;;https://evil\u0007x\u001b]8;;\u0007";
const STACK = `red${ESC_RED}team`;

/** A workload whose every printed name is hostile: ANSI and OSC-8, workflow commands after a line break, GitHub references, bidi. */
const HOSTILE = {
  stack: STACK,
  path: `${STACK}/link${OSC8_LINK}\n::add-mask::x`,
  instanceType: "g5.xlarge\n::set-env name=X::y",
  region: "@octocat #1 org/repo#2 GH-12 https://evil.example www.evil.example :rocket: 0123456789abcdef0123456789abcdef01234567",
  purchase: "on`demand|x",
  gpu: "A10G\u007f\u009b31m\u202e\u2066evil\u2069\u202c",
  maxInstanceType: "##[add-mask]z",
  reason: `why${ESC_RED}${OSC8_LINK}\u009b\u202e\n::stop-commands::t ##[x]`,
};
const PATH_SHOWN = `red${R}[31mteam/link${R}]8;;https://evil${R}x${R}]8;;${R}${R}::add-mask::x`;
const TYPE_SHOWN = `g5.xlarge${R}::set-env name=X::y`;

/** Characters that act: C0 but the line break (ESC among them), DEL, C1, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex -- the control characters are what must not reach the terminal
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectInert(output: string): void {
  expect(output).not.toMatch(ACTING);
  expect(output.split("\n").filter((line) => /^\s*::/.test(line))).toEqual([]);
  expect(output).not.toContain("##[");
}

let head: string;
let base: string;
beforeAll(() => {
  head = writePlan(oneWorkloadPlan(HOSTILE));
  base = writePlan(oneWorkloadPlan({ stack: STACK, path: HOSTILE.path, instanceType: "g4dn.xlarge" }));
});

describe("text: every name on one line, active characters shown as �, no workflow command", () => {
  test("report", () => {
    // WHEN
    const { exitCode, stdout, stderr } = runCli(["report", "--dir", head]);
    // THEN
    expect([exitCode, stderr]).toEqual([0, ""]);
    expectInert(stdout);
    const lines = stdout.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "GPU workloads: cost plan",
      "",
      `Stack red${R}[31mteam`,
      "",
      "workload                                                  instance                       instances  purchase     $/hour  $/month  max $/month",
      "--------------------------------------------------------  -----------------------------  ---------  -----------  ------  -------  -----------",
      `${PATH_SHOWN}  ${TYPE_SHOWN}  1          on\`demand|x   $1.01  $734.38      $734.38`,
    ]);
    expect(lines).toContain(
      `${PATH_SHOWN}  @octocat #1 org/repo#2 GH-12 https://evil.example www.evil.example :rocket: 0123456789abcdef0123456789abcdef01234567  ` +
        `instance  1× A10G${R}${R}31m${R}${R}evil${R}${R}    $1.006  –     1 × ##\\[add-mask]z`,
    );
  });

  test("report --compare-to", () => {
    const { exitCode, stdout } = runCli(["report", "--dir", head, "--compare-to", base]);
    expect(exitCode).toBe(0);
    expectInert(stdout);
    expect(stdout).toContain(
      [
        `~ ${PATH_SHOWN} (changed)`,
        "    region      us-east-1 → @octocat #1 org/repo#2 GH-12 https://evil.example www.evil.example",
        "                :rocket: 0123456789abcdef0123456789abcdef01234567",
        "    purchase    on-demand → on`demand|x",
        `    instance    g4dn.xlarge → ${TYPE_SHOWN}`,
      ].join("\n"),
    );
  });

  test("errors: a path or value typed or read is shown on the error's one line", () => {
    const missing = `/no/such${ESC_RED}\n::add-mask::x`;
    expect(runCli(["report", "--dir", missing])).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        `gpu-workloads: /no/such${R}[31m${R}::add-mask::x/gpu-plan.json does not exist. Run the synth first (npm run synth, or cdktf synth), ` +
        "or point --dir at its output folder.\n",
    });
    for (const argv of [
      ["select", "--workload", "realtime-inference", "--model", `x${OSC8_LINK}\n::add-mask::y`],
      ["catalog", "--family", `\n  ::stop-commands::t\u202e`],
      ["report", "--dir", head, "--compare-to", `base\n##[add-mask]s`],
    ]) {
      const { exitCode, stderr } = runCli(argv);
      expect(exitCode).toBe(2);
      expect(stderr.split("\n")).toHaveLength(2); // one line, then the end
      expectInert(stderr);
    }
  });
});

describe("Markdown: names from the plan as inline code, inert on GitHub", () => {
  test("report --markdown", () => {
    const { stdout } = runCli(["report", "--dir", head, "--markdown"]);
    expectInert(stdout);
    expect(stdout.split("\n").slice(2, 7)).toEqual([
      `### Stack \`red${R}[31mteam\``,
      "",
      "| workload | region | capacity | instance | GPUs | instances | purchase | $/inst-h od / spot | $/hour | $/month | max $/month | max set by |",
      "| --- | --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
      `| \`${PATH_SHOWN}\` | \`@octocat #1 org/repo#2 GH-12 https://evil.example www.evil.example :rocket: 0123456789abcdef0123456789abcdef01234567\` | ` +
        `\`instance\` | \`${TYPE_SHOWN}\` | 1× \`A10G${R}${R}31m${R}${R}evil${R}${R}\` | 1 | \`\`on\`demand\\|x\`\` | $1.006 / – | $1.01 | $734.38 | $734.38 | ` +
        "1 × `##\\[add-mask]z` |",
    ]);
    expect(stdout).toContain(`| \`red${R}[31mteam\` total |`);
  });

  test("report --compare-to --markdown", () => {
    const { stdout } = runCli(["report", "--dir", head, "--compare-to", base, "--markdown"]);
    expectInert(stdout);
    expect(stdout).toContain(`| \`${PATH_SHOWN}\` | changed | \`g4dn.xlarge\` → \`${TYPE_SHOWN}\` | 1 | $734.38 | $0.00 | $734.38 | $0.00 |`);
  });

  test.each([
    ["a name", "chat/assistant", "`chat/assistant`"],
    ["a backtick inside", "on`demand", "``on`demand``"],
    ["a run of two inside", "a``b", "```a``b```"],
    ["a backtick at an end: padded, as CommonMark strips one space each side", "`x`", "`` `x` ``"],
    ["a space at an end", " x", "`  x `"],
    ["only spaces: not stripped, so not padded", "  ", "`  `"],
    ["empty", "", "` `"],
    ["a pipe: escaped by the table, not here (a heading needs none)", "a|b", "`a|b`"],
    ["a line break and ESC", "a\n\u001b[1m", `\`a${R}${R}[1m\``],
    ["a mention, an issue, a URL, an emoji and HTML", "@octocat #1 https://x.example :rocket: <b>&amp;", "`@octocat #1 https://x.example :rocket: <b>&amp;`"],
  ])("markdownCode: %s", (_name, text, code) => {
    expect(markdownCode(text)).toBe(code);
  });
});

describe("JSON: the exact data, written so that nothing acts", () => {
  test("report --json parses to the plan's own strings; none of them acts in the log", () => {
    const { stdout } = runCli(["report", "--dir", head, "--json"]);
    expectInert(stdout);
    const workload = JSON.parse(stdout).stacks[0].workloads[0];
    expect(workload).toEqual(oneWorkloadPlan(HOSTILE).workloads[0]);
    expect(stdout).toContain('"maxInstanceType": "##\\u005badd-mask]z"');
    expect(stdout).toContain('"gpu": "A10G\\u007f\\u009b31m\\u202e\\u2066evil\\u2069\\u202c"');
  });

  test("report --compare-to --json", () => {
    const { stdout } = runCli(["report", "--dir", head, "--compare-to", base, "--json"]);
    expectInert(stdout);
    expect(JSON.parse(stdout).workloads[0]).toMatchObject({
      stack: STACK,
      path: HOSTILE.path,
      head: { instanceType: HOSTILE.instanceType, maxInstanceType: "##[add-mask]z" },
    });
  });
});

describe("the last pass over everything printed", () => {
  test.each([
    ["a command first on a line", "a\n::add-mask::x", "a\n\\::add-mask::x"],
    ["after spaces, which the runner trims", "    ::error::x", "    \\::error::x"],
    ["after a tab, shown as � (which the runner does not trim)", "a\n  \t::set-output name=a::b", `a\n  ${R}::set-output name=a::b`],
    ["the runner's older form, anywhere in a line", "x ##[set-output name=a;]b ###[y]", "x ##\\[set-output name=a;]b ###\\[y]"],
    ["Azure Pipelines', anywhere, in any case", "x ##VSO[task.setvariable variable=a]b", "x ##VSO\\[task.setvariable variable=a]b"],
    ["a zero-width space before a command", "\u200b::add-mask::x", `${R}::add-mask::x`],
    ["a colon that is not first", "a :: b", "a :: b"],
  ])("text: %s", (_name, text, inert) => {
    expect(inertText(text)).toBe(inert);
  });

  test("JSON: active characters and ##[ as escapes; the JSON's own line breaks stay", () => {
    const value = { a: "\u001b\u009b\u202e\u2028 ##[x] ##vso[y]", b: [1] };
    const json = inertJson(JSON.stringify(value, null, 2));
    expect(json).toBe('{\n  "a": "\\u001b\\u009b\\u202e\\u2028 ##\\u005bx] ##vso\\u005by]",\n  "b": [\n    1\n  ]\n}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
