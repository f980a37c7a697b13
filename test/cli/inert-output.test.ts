/**
 * What the CLI prints cannot act: a plan's names are written by whoever wrote the pull request, and the report goes
 * to a terminal, a CI log (where GitHub's runner obeys `::add-mask::` lines) and a pull-request comment.
 */
import { runCli } from "../../lib/cli/main";
import { inertJson, inertText } from "../../lib/cli/inert-text";

const R = "\uFFFD"; // what an active character is shown as
const ESC_RED = "\u001b[31m";
const OSC8_LINK = "\u001b]8;;https://evil\u0007x\u001b]8;;\u0007";

/** Characters that act: C0 but the line break (ESC among them), DEL, C1, bidi overrides and isolates. */
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectInert(output: string): void {
  expect(output).not.toMatch(ACTING);
  expect(output.split("\n").filter((line) => /^\s*::/.test(line))).toEqual([]);
  expect(output).not.toContain("##[");
}

describe("errors", () => {
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
      ["report", "--dir", "/no/such", "--compare-to", `base\n##[add-mask]s`],
    ]) {
      const { exitCode, stderr } = runCli(argv);
      expect(exitCode).toBe(2);
      expect(stderr.split("\n")).toHaveLength(2); // one line, then the end
      expectInert(stderr);
    }
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
