import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Evaluates Terraform expressions with `terraform console`, offline, one result per expression.
 * The console answers one expression per run when fed from a pipe, so the expressions go in one jsonencode([...]).
 */
export function evaluate(expressions: readonly string[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-console-"));
  const rc = path.join(dir, "terraformrc");
  fs.writeFileSync(rc, "");
  try {
    const result = spawnSync("terraform", ["console"], {
      cwd: dir,
      input: `jsonencode([${expressions.join(", ")}])\n`,
      encoding: "utf8",
      env: { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: "1" },
    });
    if (result.status !== 0) throw new Error(`terraform console failed: ${result.stderr}`);
    return (JSON.parse(JSON.parse(result.stdout)) as unknown[]).map(String);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
