import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { GeneratedUserData, generatedUserData } from "./generated-user-data";
import { embeddedFiles, userDataParts } from "./sandbox";

/** A referee we did not write, or why it is missing (printed as a skip line). */
function tool(command: string, versionArgs: string[]): string | undefined {
  const probe = spawnSync(command, versionArgs, { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? `no ${command} on PATH (apt-get install -y ${command})` : undefined;
}

const noShellcheck = tool("shellcheck", ["--version"]);
const noCloudInit = tool("cloud-init", ["--version"]);
if (noShellcheck) console.log(`shellcheck: skipped (${noShellcheck})`);
if (noCloudInit) console.log(`cloud-init schema: skipped (${noCloudInit})`);

/**
 * shellcheck's findings, default checks plus masked return values (SC2312: `x="$(cmd)"` inside another command hides
 * cmd's failure, as a secret read once did); the output is empty when there are none.
 */
function shellcheck(script: string): string {
  const run = spawnSync("shellcheck", ["--shell=bash", "--enable=check-extra-masked-returns", "--format=gcc", "-"], { input: script, encoding: "utf8" });
  return run.stdout.trim();
}

/** cloud-init's own schema check of one cloud-config document: its complaints, empty when valid. */
function cloudInitSchema(config: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloud-config-"));
  try {
    fs.writeFileSync(path.join(dir, "user-data"), config);
    const run = spawnSync("cloud-init", ["schema", "--config-file", path.join(dir, "user-data")], { encoding: "utf8" });
    return run.status === 0 ? "" : `${run.stdout}${run.stderr}`.trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every shell script of the library's an instance runs: its shell parts of the user data and every script they write. */
function scriptsOf(u: GeneratedUserData): { readonly name: string; readonly text: string }[] {
  return userDataParts(u.text)
    .filter((p) => p.contentType === "text/x-shellscript" && p.body.split("\n")[1]?.startsWith("# cdktf-gpu-workloads:"))
    .flatMap((part, i) => [
      { name: `${u.source} part ${i}`, text: part.body },
      ...[...embeddedFiles(part.body)]
        .filter(([file, body]) => file.endsWith(".sh") || body.startsWith("#!"))
        .map(([file, body]) => ({ name: `${u.source} ${file}`, text: body })),
    ]);
}

describe("referees of the generated scripts", () => {
  let all: GeneratedUserData[];
  beforeAll(() => {
    all = generatedUserData();
  });

  (noShellcheck ? test.skip : test)("shellcheck finds nothing in any script of the example and wide apps, embedded scripts included", () => {
    const scripts = all.flatMap(scriptsOf);
    // Every kind of script the library writes is among them.
    for (const file of ["lib.sh", "prepare.sh", "start.sh", "admit.sh", "failed.sh", "health.sh", "finish.sh"])
      expect(scripts.some((s) => s.name.endsWith(`/${file}`))).toBe(true);
    const findings = scripts.map((s) => ({ script: s.name, findings: shellcheck(s.text) })).filter((f) => f.findings);
    expect(findings).toEqual([]);
  });

  (noShellcheck ? test.skip : test)("shellcheck would see a secret read whose failure is masked", () => {
    expect(shellcheck("#!/bin/bash\nset -e\nprintf '%s=%s\\n' NAME \"$(aws secretsmanager get-secret-value --secret-id x)\" >> env\n")).toMatch(/SC2312/);
  });

  (noCloudInit ? test.skip : test)("cloud-init's schema accepts every cloud-config part, and refuses a broken one", () => {
    const configs = all.flatMap((u) =>
      userDataParts(u.text)
        .filter((p) => p.contentType === "text/cloud-config")
        .map((p) => ({ source: u.source, body: p.body })),
    );
    expect(configs.length).toBeGreaterThan(0);
    expect(configs.map((c) => ({ source: c.source, complaints: cloudInitSchema(c.body) }))).toEqual(configs.map((c) => ({ source: c.source, complaints: "" })));
    expect(cloudInitSchema("#cloud-config\npackages: 42\nruncmd: not-a-list\n")).not.toBe("");
  });
});
