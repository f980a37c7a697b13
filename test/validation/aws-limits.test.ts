import { AWS_NAME_RULES, awsName } from "../../lib/validation/aws-names";
import { ec2Description, iamDescription, limitBytes } from "../../lib/validation/aws-text";
import { checkTags } from "../../lib/validation/aws-tags";
import { InvalidRequirementError, formatValue } from "../../lib/validation/errors";
import { checkNumber } from "../../lib/validation/numbers";

describe("AWS names from construct ids", () => {
  const ids = ["a", "chat", "nightly jobs.v2", "Ünïcødé × id", '${file("/etc/passwd")}', "%{ for }", "-leading", "___", "漢字", "a".repeat(300), "sg-evil"];
  test.each(Object.entries(AWS_NAME_RULES))("%s: every id gives a name within the rule", (_name, rule) => {
    // A space becomes a hyphen because no rule allows one.
    expect(rule.allowed.test(" ")).toBe(false);
    for (const id of ids) {
      for (const suffix of ["", "-", "-1a2b3c4d"]) {
        const name = awsName(id, rule, suffix);
        expect(name.length).toBeLessThanOrEqual(rule.maxLength);
        expect(name.length).toBeGreaterThanOrEqual(rule.minLength);
        expect([...name.slice(0, name.length - suffix.length)].every((c) => rule.allowed.test(c))).toBe(true);
        expect(name.endsWith(suffix)).toBe(true);
        expect(name).not.toMatch(/[$%{}]/);
        // Where AWS restricts the first character, that rule; else any allowed character.
        expect(name[0]).toMatch(("first" in rule ? rule.first : undefined) ?? rule.allowed);
      }
    }
  });

  test("readable where possible", () => {
    expect(awsName("Ünïcødé × id", AWS_NAME_RULES.batchName, "-1a2b3c4d")).toBe("Unic-de-id-1a2b3c4d"); // ø has no decomposition; accents drop, other letters become hyphens;
    expect(awsName("___", AWS_NAME_RULES.batchName)).toBe("gpu-workload");
    expect(awsName("a".repeat(300), AWS_NAME_RULES.iamRolePrefix, "-")).toBe(`${"a".repeat(37)}-`);
    expect(awsName("a", AWS_NAME_RULES.launchTemplatePrefix, "-")).toBe("a0-");
  });
});

describe("descriptions", () => {
  test("limitBytes cuts on a character boundary, marks the cut, counts bytes", () => {
    const text = "×".repeat(200); // 400 bytes
    const cut = limitBytes(text, 255);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(255);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).not.toContain("\ufffd");
    expect(limitBytes("short", 255)).toBe("short");
    expect(limitBytes("😀".repeat(100), 255)).toMatch(/^(😀)+…$/u);
  });

  test("EC2 descriptions keep to EC2's characters and 255", () => {
    expect(ec2Description("Training research/pretrain: × ünïcode <b>")).toBe("Training research/pretrain: _ unicode _b_");
    expect(ec2Description("x".repeat(400))).toHaveLength(255);
  });

  test("IAM descriptions keep to IAM's characters and 1000 bytes", () => {
    expect(iamDescription("“quoted” ü 😀")).toBe("?quoted? ü ?");
    expect(Buffer.byteLength(iamDescription("é".repeat(800)))).toBeLessThanOrEqual(1000);
  });
});

describe("tags", () => {
  test.each([
    [{ "": "x" }, /tags key is ""/],
    [{ ["k".repeat(128)]: "x" }, /give 1 to 127/],
    [{ "aws:cost": "x" }, /"aws:" prefix is reserved/],
    [{ "AWS:cost": "x" }, /"aws:" prefix is reserved/],
    [{ "a<b": "x" }, /tags key is "a<b"/],
    [{ Team: "v".repeat(257) }, /tags\["Team"\] is/],
    [{ Team: '${file("/etc/passwd")}' }, /tags\["Team"\] is/],
    [{ Team: "%{ if true }" }, /tags\["Team"\] is/],
    [{ Team: 5 }, /tags\["Team"\] is 5/],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])), /give at most 50 tags/],
    [["Team"], /give an object of tag keys/],
  ])("%j is refused", (tags, message) => {
    expect(() => checkTags("tags", tags)).toThrow(InvalidRequirementError);
    expect(() => checkTags("tags", tags)).toThrow(message);
  });

  test("letters of any script, spaces and _ . : / = + - @ pass", () => {
    expect(() => checkTags("tags", { "Cost Center": "ML/Platform", "kubernetes.io/cluster": "owned", Équipe: "données", "a+b=c@d": "" })).not.toThrow();
  });
});

describe("numbers print as given", () => {
  test.each([
    [NaN, /nodes is NaN/],
    [Infinity, /nodes is Infinity/],
    [-Infinity, /nodes is -Infinity/],
    [-1, /nodes is -1/],
    [1.5, /nodes is 1.5/],
    ["2", /nodes is "2"/],
    [200000, /nodes is 200000; give a whole number from 1 to 512/],
  ])("%p", (value, message) => {
    expect(() => checkNumber("nodes", value, { integer: true, min: 1, max: 512 })).toThrow(message);
  });

  test("formatValue keeps NaN inside objects", () => {
    expect(formatValue({ min: NaN, max: [Infinity, -0] })).toBe('{"min":NaN,"max":[Infinity,-0]}');
  });

  test("formatValue escapes what a terminal or log would act on, keys too, and cuts a long value at 200 characters", () => {
    // GIVEN ESC, DEL, a C1 CSI, a bidi override and isolate, a zero-width space and a tag character (outside the BMP)
    const value = "a\u001b[31m\u007f\u009b\u202e\u2066\u200b\u{E0041}z";
    // THEN each is written as its JSON escape, as JSON.stringify writes C0 controls
    expect(formatValue(value)).toBe(String.raw`"a\u001b[31m\u007f\u009b\u202e\u2066\u200b\udb40\udc41z"`);
    expect(formatValue({ [value]: 1 })).toBe(String.raw`{"a\u001b[31m\u007f\u009b\u202e\u2066\u200b\udb40\udc41z":1}`);
    expect(formatValue("x".repeat(10_000_000))).toBe(`"${"x".repeat(199)}…`);
  });
});
