import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const TEST_DIR = path.join(__dirname, "..");

/** Branches under which an `expect` may never run: the test would pass without checking anything. */
function conditionalKind(node: ts.Node): string | undefined {
  if (ts.isIfStatement(node)) return "if";
  if (ts.isCatchClause(node)) return "catch";
  if (ts.isConditionalExpression(node)) return "?:";
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return "&&";
    if (op === ts.SyntaxKind.BarBarToken) return "||";
    if (op === ts.SyntaxKind.QuestionQuestionToken) return "??";
  }
  return undefined;
}

/** Every `expect(...)` in `source` that sits under a branch, as "file:line (branch)". */
function conditionalExpects(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "expect") {
      for (let up = node.parent; up !== undefined && !ts.isSourceFile(up); up = up.parent) {
        const kind = conditionalKind(up);
        if (kind) {
          found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} (${kind})`);
          break;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? testFiles(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe("no test asserts conditionally", () => {
  test("the check finds an expect under if, catch, ?: and &&", () => {
    const source = [
      "if (error) expect(error.message).toMatch(/x/);",
      "try { run(); } catch (e) { expect(e).toBeDefined(); }",
      "ok ? expect(a).toBe(1) : undefined;",
      "ok && expect(a).toBe(1);",
      "expect(a).toBe(1);",
    ].join("\n");
    expect(conditionalExpects("sample.ts", source)).toEqual(["sample.ts:1 (if)", "sample.ts:2 (catch)", "sample.ts:3 (?:)", "sample.ts:4 (&&)"]);
  });

  test("every expect in the test suite runs unconditionally", () => {
    const files = testFiles(TEST_DIR);
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((f) => conditionalExpects(path.relative(TEST_DIR, f), fs.readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });
});
