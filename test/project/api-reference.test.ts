/**
 * The committed API reference (docs/api, linked from the README) is what TypeDoc makes of the source today, and TypeDoc
 * finds nothing to warn about (typedoc.json treats warnings as errors: undocumented or unexported types, broken links).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const COMMITTED = path.join(ROOT, "docs", "api");

jest.setTimeout(120_000);

/** Every file under `dir`, relative, with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();
}

test("docs/api is current: `npm run docs` regenerates it byte for byte, without a TypeDoc warning", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "api-reference-"));
  try {
    const typedoc = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--out", out, "--logLevel", "Warn"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect({ status: typedoc.status, output: `${typedoc.stdout}${typedoc.stderr}`.trim() }).toEqual({ status: 0, output: "" });
    const generated = filesUnder(out);
    expect(generated).toContain("README.md");
    // Files missing, extra or different: run `npm run docs` and commit docs/api.
    expect(filesUnder(COMMITTED)).toEqual(generated);
    const stale = generated.filter((f) => fs.readFileSync(path.join(out, f), "utf8") !== fs.readFileSync(path.join(COMMITTED, f), "utf8"));
    expect(stale).toEqual([]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
