/**
 * The public API is documented: every export of the package's two entries ("." and "./cli") and every public member
 * the library declares on them has TSDoc, and every library type their signatures use is exported too.
 */
import * as path from "path";
import * as ts from "typescript";
import { checkApiDocs, compilerOptionsOf, formatProblems } from "./api-docs-check";

const ROOT = path.join(__dirname, "..", "..");

test("every export of lib/index.ts and lib/cli/index.ts, and each public member, has TSDoc; every type they use is exported", () => {
  const problems = checkApiDocs({
    entries: [path.join(ROOT, "lib", "index.ts"), path.join(ROOT, "lib", "cli", "index.ts")],
    libraryDir: path.join(ROOT, "lib"),
    rootDir: ROOT,
    compilerOptions: compilerOptionsOf(path.join(ROOT, "tsconfig.json")),
  });
  // Each line: file:line name. Undocumented ones need a TSDoc comment; types "used by" an export need exporting from its entry.
  expect({
    undocumented: formatProblems(problems.filter((p) => p.kind === "undocumented")),
    notExported: formatProblems(problems.filter((p) => p.kind === "not exported")),
  }).toEqual({ undocumented: [], notExported: [] });
});

describe("the check itself, on a small library (test/fixtures/api-docs)", () => {
  const dir = path.join(ROOT, "test", "fixtures", "api-docs");
  const problems = checkApiDocs({
    entries: [path.join(dir, "lib", "index.ts"), path.join(dir, "lib", "cli.ts")],
    libraryDir: path.join(dir, "lib"),
    rootDir: dir,
    compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, noEmit: true, skipLibCheck: true, types: [] },
  });

  test("reports undocumented exports, members, constructors and nested properties and const objects' properties by file:line name, and nothing documented, private, internal or inherited", () => {
    expect(formatProblems(problems.filter((p) => p.kind === "undocumented"))).toEqual([
      "lib/thing.ts:11 Documented.b",
      "lib/thing.ts:15 Documented.c",
      "lib/thing.ts:15 Documented.constructor",
      "lib/thing.ts:30 Undocumented",
      "lib/thing.ts:31 Undocumented.x",
      "lib/thing.ts:38 Props.nested",
      "lib/thing.ts:38 Props.nested.inner",
      "lib/thing.ts:50 Kinds.B",
      "lib/thing.ts:58 Merged",
    ]);
  });

  test("reports library types that exported signatures use but the same entry does not export, in either entry, inferred ones too", () => {
    expect(formatProblems(problems.filter((p) => p.kind === "not exported"))).toEqual([
      "lib/thing.ts:2 Level (used by Props)",
      "lib/thing.ts:2 Level (used by run)",
      "lib/thing.ts:3 Hidden (used by Documented)",
      "lib/thing.ts:3 Hidden (used by makeThing)",
    ]);
  });
});
