import { spawnSync } from "child_process";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

/** Runs a snippet in a plain Node process (real module resolution, as in an app) against the built library. */
function run(snippet: string) {
  const result = spawnSync(process.execPath, ["-e", snippet], { cwd: root, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
  return { status: result.status, out: result.stdout + result.stderr };
}

const WORKLOAD = `new lib.Training(stack, "train", { network: { vpcId: "vpc-0abc1234", subnetIds: ["subnet-0aaa1111"] } })`;

test("a CDK Terrain stack with the cdktf build is a clear error naming both framework copies, not a silent wrong region", () => {
  const { status, out } = run(`
    const lib = require("./dist/lib");
    const { App, TerraformStack } = require("cdktn");
    const { AwsProvider } = require("@cdktn/provider-aws/lib/provider");
    const app = new App({ outdir: require("os").tmpdir() + "/fw-" + process.pid });
    const stack = new TerraformStack(app, "s");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    try { ${WORKLOAD}; console.log("no error"); } catch (e) { console.log(e.code + " at " + e.constructPath + ": " + e.message); }
  `);
  expect(status).toBe(0);
  expect(out).toMatch(
    /^FrameworkMismatch at s\/train: the stack s comes from .*node_modules\/cdktn, but this build of cdktf-gpu-workloads uses .*node_modules\/cdktf\. Two framework copies in one app share neither aspects/m,
  );
});

test("with one framework copy, the default AWS provider's region is found without instanceof", () => {
  const { out } = run(`
    const lib = require("./dist/lib");
    const { App, TerraformStack } = require("cdktf");
    const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");
    const stack = new TerraformStack(new App({ outdir: require("os").tmpdir() + "/fw-" + process.pid }), "s");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    new AwsProvider(stack, "other", { region: "us-west-2", alias: "west" });
    console.log(${WORKLOAD}.decision.region);
  `);
  expect(out.trim()).toBe("eu-central-1");
});
