/**
 * Builds the CDK Terrain package from the same source: copies lib/, examples/ and bin/ to build/cdktn/, rewriting the
 * framework imports (cdktf → cdktn, @cdktf/provider-aws → @cdktn/provider-aws; same module paths, as CDK Terrain's
 * upgrade guide says), compiles them, and writes a package.json that declares the cdktn peers. The result is ready for
 * `npm pack` in build/cdktn/.
 *
 *   npm run build:cdktn
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
export const OUT = path.join(ROOT, "build", "cdktn");

/** Module specifiers of the two frameworks, and what they become. */
export function toCdktn(source: string): string {
  return source.replace(
    /(["'])(cdktf|@cdktf\/provider-aws)((?:\/[^"']*)?)\1/g,
    (_m, quote: string, name: string, rest: string) => `${quote}${name === "cdktf" ? "cdktn" : "@cdktn/provider-aws"}${rest}${quote}`,
  );
}

function copyRewritten(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyRewritten(source, target);
    else fs.writeFileSync(target, /\.(ts|js)$/.test(entry.name) ? toCdktn(fs.readFileSync(source, "utf8")) : fs.readFileSync(source));
  }
}

export function buildCdktn(): void {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const dir of ["lib", "examples"]) copyRewritten(path.join(ROOT, dir), path.join(OUT, "src", dir));
  copyRewritten(path.join(ROOT, "bin"), path.join(OUT, "bin"));
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
  tsconfig.compilerOptions.rootDir = "src";
  tsconfig.compilerOptions.outDir = "dist";
  tsconfig.compilerOptions.typeRoots = [path.join(ROOT, "node_modules", "@types")];
  tsconfig.compilerOptions.baseUrl = ".";
  // The frameworks and their peers resolve from the repository's node_modules while building.
  tsconfig.compilerOptions.paths = { "*": [path.join(ROOT, "node_modules", "*")] };
  tsconfig.include = ["src/lib/**/*.ts", "src/examples/**/*.ts"];
  delete tsconfig.exclude;
  fs.writeFileSync(path.join(OUT, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", OUT], { stdio: "inherit" });
  if (tsc.status !== 0) throw new Error("build:cdktn: tsc failed on the rewritten sources");
  fs.rmSync(path.join(OUT, "tsconfig.json"));
  const pkg = {
    ...root,
    name: "cdktn-gpu-workloads",
    description: `${root.description} CDK Terrain (cdktn) build.`,
    keywords: [...new Set([...(root.keywords ?? []), "cdktn", "cdk-terrain"])],
    peerDependencies: { "@cdktn/provider-aws": "^25.7.0", cdktn: "^0.24.0", constructs: ">=10.6.0 <10.8.0" },
    // The Kubernetes bindings are cdktf's (CDK Terrain publishes none): this build refuses the delivery that needs them.
    peerDependenciesMeta: undefined,
    // CDK Terrain asks for Node 22.11 (it only warns on Node 20, where this package's tests also pass).
    engines: { node: ">=22.11" },
    scripts: undefined,
    devDependencies: undefined,
  };
  fs.writeFileSync(path.join(OUT, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  fs.copyFileSync(path.join(ROOT, "LICENSE"), path.join(OUT, "LICENSE"));
  fs.cpSync(path.join(ROOT, "schema"), path.join(OUT, "schema"), { recursive: true });
  fs.writeFileSync(path.join(OUT, "README.md"), cdktnReadme());
}

function cdktnReadme(): string {
  return [
    "# cdktn-gpu-workloads",
    "",
    "The CDK Terrain (cdktn) build of cdktf-gpu-workloads: the same constructs, selection, estimator and CLI, compiled",
    "against `cdktn` and `@cdktn/provider-aws`.",
    "",
    "```sh",
    "npm install cdktn-gpu-workloads cdktn@^0.24.0 @cdktn/provider-aws@^25.7.0 constructs@~10.7.0",
    "```",
    "",
    "```ts",
    'import { RealtimeInference } from "cdktn-gpu-workloads";',
    "```",
    "",
    "Documentation: the cdktf-gpu-workloads README (every import from `cdktf` is `cdktn` here). cdktf apps install",
    "`cdktf-gpu-workloads`; mixing the two in one app is refused with an error that names both framework copies.",
    "",
  ].join("\n");
}

if (require.main === module) buildCdktn();
