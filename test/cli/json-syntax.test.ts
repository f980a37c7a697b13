/** The scan readPlanFile runs before JSON.parse: it accepts what JSON.parse accepts, says where the rest fails, bounds depth. */
import fc from "fast-check";
import { jsonSyntaxProblem } from "../../lib/plan/json-syntax";

const DEEP_ENOUGH = 1000;

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("jsonSyntaxProblem agrees with JSON.parse", () => {
  test("on any JSON value, written compactly or indented", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        expect(jsonSyntaxProblem(JSON.stringify(value, null, indent), DEEP_ENOUGH)).toBeUndefined();
      }),
      { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 400) },
    );
  });

  test("on JSON with one character changed, dropped or added, and on text made of JSON's own characters", () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[]:,"\\ \n\t0123456789-+.eEtruefalsn/ux'), maxLength: 40 });
    const edited = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom("drop", "add", "change"), fc.constantFrom(...'{}[]:,"\\ \n0-.eE\u0001x'))
      .map(([value, at, edit, c]) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        return edit === "drop"
          ? text.slice(0, i) + text.slice(i + 1)
          : edit === "add"
            ? text.slice(0, i) + c + text.slice(i)
            : text.slice(0, i) + c + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(jsonish, edited), (text) => {
        expect(jsonSyntaxProblem(text, DEEP_ENOUGH) === undefined).toBe(parses(text));
      }),
      { numRuns: Number(process.env.PROPERTY_SAMPLE ?? 2000) },
    );
  });

  test.each([
    ["1", undefined],
    [' {"a": [1, -0.5e+3, true, false, null, "\\u00e9\\n"]} ', undefined],
    ["01", "more text follows the JSON value (line 1, column 2)"],
    ["[1,]", "a value is not JSON (not an object, array, string, number, true, false or null) (line 1, column 4)"],
    ['{"a":1,}', "an object's key is not a string (line 1, column 8)"],
    ['{"a" 1}', "a key is not followed by a colon (line 1, column 6)"],
    ["[1 2]", "a value is followed by neither a comma nor the closing bracket (line 1, column 4)"],
    ["[1.]", "a number is malformed (line 1, column 4)"],
    ['"\\u12G4"', "a string holds an invalid escape (line 1, column 2)"],
    ["\n\n  [tru]", "a value is not JSON (not an object, array, string, number, true, false or null) (line 3, column 4)"],
    ["\uFEFF{}", "a value is not JSON (not an object, array, string, number, true, false or null) (line 1, column 1)"],
  ])("%j: %s", (text, problem) => {
    const found = jsonSyntaxProblem(text, DEEP_ENOUGH);
    expect(found && `${found.problem} (line ${found.line}, column ${found.column})`).toBe(problem);
    expect(found === undefined).toBe(parses(text));
  });
});

describe("depth", () => {
  test("maxDepth arrays and objects nest; one more is refused where it opens", () => {
    expect(jsonSyntaxProblem('[{"a":[]}]', 3)).toBeUndefined();
    expect(jsonSyntaxProblem('[{"a":[[]]}]', 3)).toEqual({ line: 1, column: 8, problem: "arrays and objects nest more than 3 levels deep" });
  });

  test("brackets inside strings do not count", () => {
    expect(jsonSyntaxProblem(`["${"[{".repeat(100)}"]`, 1)).toBeUndefined();
  });

  test("ten million levels: answered without a stack overflow", () => {
    expect(jsonSyntaxProblem("[".repeat(10_000_000), 32)).toEqual({ line: 1, column: 33, problem: "arrays and objects nest more than 32 levels deep" });
  });
});
