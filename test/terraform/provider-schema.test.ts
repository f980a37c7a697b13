import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { findReferee, validateSynthesized } from "../../scripts/tf-validate";
import { buildWideApp } from "./wide-app";

const referee = findReferee();
const describeWithTerraform = "skipped" in referee ? describe.skip : describe;

describeWithTerraform("the real AWS provider accepts what we synthesize", () => {
  test("the generated wide app", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "wide-app-"));
    buildWideApp(new App({ outdir })).app.synth();
    const result = validateSynthesized(outdir, referee as Exclude<typeof referee, { skipped: string }>);
    expect(result.errors.map((e) => `${e.stack} ${e.address}: ${e.summary} ${e.detail}`)).toEqual([]);
    // Every stack was validated: none needs a provider the mirror lacks.
    expect(result.skipped).toEqual([]);
    expect(result.stacks.length).toBeGreaterThan(1);
  });
});
