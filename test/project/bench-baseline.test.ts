import { spawnSync } from "child_process";
import * as path from "path";

/** The bench's ratios mean something only while its plain-cdktf baseline writes what the library writes. */
test("the bench baseline synthesizes byte-identical Terraform JSON to one default RealtimeInference", () => {
  const dist = path.join(__dirname, "..", "..", "dist", "bench");
  const hash = (script: string) => {
    const run = spawnSync(process.execPath, [path.join(dist, script), "2"], { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } });
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout.trim().split("\n").pop()!).sha256;
  };
  expect(hash("synth-baseline.js")).toBe(hash("synth-library.js"));
});
