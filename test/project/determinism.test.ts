import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { buildExampleApp } from "../../examples/app";

/** Every file under `dir`, by relative path, with its bytes. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

function synthExampleApp(): Map<string, Buffer> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "gpu-workloads-synth-"));
  buildExampleApp(new App({ outdir })).synth();
  const tree = readTree(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return tree;
}

test("two synths of the example app are byte-identical", () => {
  // One call site for both: cdktf records the stack trace of annotations (BudgetGuard's warning) in the manifest.
  const [first, second] = [1, 2].map(() => synthExampleApp());
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  expect([...first.keys()].some((f) => f.endsWith("cdk.tf.json"))).toBe(true);
  for (const [file, bytes] of first) {
    expect({ file, same: bytes.equals(second.get(file)!) }).toEqual({ file, same: true });
  }
});
