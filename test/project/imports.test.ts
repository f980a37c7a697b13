import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Module specifiers a file imports or requires. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
}

test("nothing imports the root of @cdktf/provider-aws or @cdktf/provider-kubernetes (seconds and hundreds of MB per process)", () => {
  // bench/ imports the root once on purpose, to measure what deep imports save.
  const roots = ["@cdktf/provider-aws", "@cdktf/provider-kubernetes"].flatMap((p) => [p, `${p}/lib`, `${p}/lib/index`]);
  const offenders = ["lib", "examples", "bin", "test"].flatMap(sourceFiles).filter((f) => importsOf(f).some((m) => roots.includes(m)));
  expect(offenders).toEqual([]);
});

test("the pure core (validation, taxonomy, selection, plan, boot scripts, resource specs) and the CLI never import cdktf or constructs", () => {
  // lib/specs is what a resource holds, as plain data: another framework's flavour would render the same specs.
  const files = ["lib/validation", "lib/taxonomy", "lib/selection", "lib/plan", "lib/boot", "lib/specs", "lib/cli"].flatMap(sourceFiles);
  expect(files).toContain(path.join("lib", "specs", "iam.ts"));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter((f) =>
    importsOf(f).some((m) => /^(cdktf|constructs|@cdktf\/)/.test(m) || m.includes("/constructs/") || m.includes("/aspects/")),
  );
  expect(offenders).toEqual([]);
});

test("the import scan sees deep provider imports, so it would see a root one", () => {
  expect(importsOf("lib/constructs/gpu-workload.ts")).toContain("@cdktf/provider-aws/lib/launch-template");
});

test("the AWS SDK is the refresh command's alone: a dev dependency nothing under lib/ or bin/ imports", () => {
  const offenders = ["lib", "bin"].flatMap(sourceFiles).filter((f) => importsOf(f).some((m) => m.startsWith("@aws-sdk/") || m.startsWith("aws-sdk")));
  expect(offenders).toEqual([]);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const shipped = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
  expect(shipped.filter((name) => name.startsWith("@aws-sdk/"))).toEqual([]);
  expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(["@aws-sdk/client-ec2", "@aws-sdk/client-pricing"]));
  expect(importsOf("scripts/refresh/aws-facts.ts")).toContain("@aws-sdk/client-ec2");
});

test("the package entry exports nothing from a private module: a public type lives in a public file", () => {
  const entry = importsOf("lib/index.ts");
  expect(entry).toContain("./constructs/gpu-workload");
  expect(entry.filter((m) => m.split("/").includes("private"))).toEqual([]);
});
