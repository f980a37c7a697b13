/**
 * What teams install: the packed tarballs of both builds (cdktf at the root, CDK Terrain in build/cdktn), their
 * contents, and a consumer project that installs each tarball (extracted into its node_modules, not linked) and
 * synthesizes with it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const CDKTN = path.join(ROOT, "build", "cdktn");

jest.setTimeout(240_000);

beforeAll(() => {
  // `npm test` builds dist/ first; the CDK Terrain package is rebuilt from the sources here (5 s), never a stale one.
  execFileSync(process.execPath, [path.join(ROOT, "dist", "scripts", "build-cdktn.js")], { stdio: "inherit" });
});

function packed(dir: string): { name: string; files: string[]; tarball: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "pack-"));
  const json = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", out], { cwd: dir, encoding: "utf8" });
  const [info] = JSON.parse(json);
  return { name: info.name, files: info.files.map((f: { path: string }) => f.path), tarball: path.join(out, info.filename) };
}

describe.each([
  ["cdktf", ROOT, { cdktf: "cdktf", "@cdktf/provider-aws": "@cdktf/provider-aws" }],
  ["cdktn", CDKTN, { cdktn: "cdktn", "@cdktn/provider-aws": "@cdktn/provider-aws" }],
] as const)("the %s package", (framework, dir, peers) => {
  let pack: ReturnType<typeof packed>;
  beforeAll(() => (pack = packed(dir)));

  test("holds the compiled library, its types, the CLI, its JSON schemas, the license and the README, and nothing else", () => {
    expect(pack.name).toBe(framework === "cdktf" ? "cdktf-gpu-workloads" : "cdktn-gpu-workloads");
    for (const file of [
      "package.json",
      "LICENSE",
      "README.md",
      "bin/gpu-workloads.js",
      "dist/lib/index.js",
      "dist/lib/index.d.ts",
      "dist/lib/cli/main.js",
      "schema/cli/select.schema.json",
      "schema/cli/error.schema.json",
    ]) {
      expect(pack.files).toContain(file);
    }
    const stray = pack.files.filter(
      (f) => !/^(package\.json|LICENSE|README\.md|bin\/gpu-workloads\.js|schema\/cli\/[a-z]+\.schema\.json|dist\/lib\/.+\.(js|d\.ts))$/.test(f),
    );
    expect(stray).toEqual([]);
    // Each compiled module has its source: nothing left in dist/ by a module since deleted (the build starts from an empty dist/).
    const orphans = pack.files
      .filter((f) => f.endsWith(".js") && f.startsWith("dist/lib/"))
      .filter((f) => !fs.existsSync(path.join(ROOT, f.replace(/^dist\//, "").replace(/\.js$/, ".ts"))));
    expect(orphans).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(manifest.scripts?.prepare ?? manifest.scripts?.install ?? manifest.scripts?.postinstall).toBeUndefined();
    const optional = Object.keys(manifest.peerDependenciesMeta ?? {}).filter((name) => manifest.peerDependenciesMeta[name].optional === true);
    expect(
      Object.keys(manifest.peerDependencies)
        .filter((name) => !optional.includes(name))
        .sort(),
    ).toEqual([...Object.keys(peers), "constructs"].sort());
    // Only the cdktf build has Kubernetes bindings to offer, for Karpenter's kubernetes_manifest delivery.
    expect(optional).toEqual(framework === "cdktf" ? ["@cdktf/provider-kubernetes"] : []);
  });

  test("a consumer project installs the tarball and synthesizes with it; private modules are not importable", () => {
    const consumer = fs.mkdtempSync(path.join(os.tmpdir(), `consumer-${framework}-`));
    const modules = path.join(consumer, "node_modules");
    fs.mkdirSync(path.join(modules, "@cdktf"), { recursive: true });
    fs.mkdirSync(path.join(modules, "@cdktn"), { recursive: true });
    execFileSync("tar", ["-xzf", pack.tarball, "-C", consumer]);
    fs.renameSync(path.join(consumer, "package"), path.join(modules, pack.name));
    // The peers, as the consumer's own dependencies.
    for (const dep of [...Object.keys(peers), "constructs"]) fs.symlinkSync(path.join(ROOT, "node_modules", dep), path.join(modules, dep));
    fs.writeFileSync(
      path.join(consumer, "main.js"),
      `
      const { App, TerraformStack } = require("${framework}");
      const { AwsProvider } = require("${framework === "cdktf" ? "@cdktf" : "@cdktn"}/provider-aws/lib/provider");
      const { RealtimeInference, Serving } = require("${pack.name}");
      const app = new App({ outdir: "out" });
      const stack = new TerraformStack(app, "consumer");
      new AwsProvider(stack, "aws", { region: "eu-west-1" });
      const chat = new RealtimeInference(stack, "chat", { network: { vpcId: "vpc-0abc1234", subnetIds: ["subnet-0aaa1111"] }, model: "llama-3.1-8b", replicas: 2, serve: Serving.vllm({ model: "meta-llama/Llama-3.1-8B-Instruct", apiKey: "none", tls: "none" }) });
      app.synth();
      let privateImport = "importable";
      try { require("${pack.name}/dist/lib/constructs/private/grants"); } catch (e) { privateImport = e.code; }
      console.log(JSON.stringify({ region: chat.decision.region, type: chat.decision.instanceType, privateImport }));
      `,
    );
    const run = spawnSync(process.execPath, ["main.js"], { cwd: consumer, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
    expect(run.stderr.replace(/.*(warn|Warning|deprecat).*\n?/gi, "")).toBe("");
    expect(JSON.parse(run.stdout.trim().split("\n").pop()!)).toEqual({
      region: "eu-west-1",
      type: "g5.xlarge",
      privateImport: "ERR_PACKAGE_PATH_NOT_EXPORTED",
    });
    const stackJson = JSON.parse(fs.readFileSync(path.join(consumer, "out", "stacks", "consumer", "cdk.tf.json"), "utf8"));
    expect(Object.keys(stackJson.resource)).toEqual(expect.arrayContaining(["aws_autoscaling_group", "aws_lb", "aws_launch_template"]));
    const cli = spawnSync(process.execPath, [path.join(modules, pack.name, "bin", "gpu-workloads.js"), "select", "--workload", "training", "--json"], {
      encoding: "utf8",
    });
    expect(JSON.parse(cli.stdout).instanceType).toBe("p5.48xlarge");
    // --version reads the installed package's own package.json, two folders above dist/lib/cli.
    const installed = JSON.parse(fs.readFileSync(path.join(modules, pack.name, "package.json"), "utf8"));
    const version = spawnSync(process.execPath, [path.join(modules, pack.name, "bin", "gpu-workloads.js"), "--version"], { encoding: "utf8" });
    expect(version.stdout).toBe(`${installed.version}\n`);
  });
});
