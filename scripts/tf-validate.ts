/**
 * Validates synthesized stacks with Terraform and the real hashicorp/aws provider's schema, offline:
 * `terraform validate` against a local provider mirror. The referee for everything we synthesize.
 *
 *   node dist/scripts/tf-validate.js [cdktf.out]
 *
 * Needs `terraform` on PATH and a filesystem mirror holding registry.terraform.io/hashicorp/aws
 * (TF_PROVIDER_MIRROR, else the usual plugin folders, else one under /opt). Where either is missing it
 * prints "tf-validate: skipped (...)" and exits 0. The stacks are synthesized for provider 6.x; each is
 * adapted to the mirrored version (version pin, local backend dropped, the attributes 6.x renamed). A stack that
 * needs another provider (hashicorp/kubernetes, for Karpenter manifests Terraform applies) is skipped, and said so.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface TerraformReferee {
  readonly terraform: string;
  readonly mirror: string;
  readonly providerVersion: string;
}

export interface ValidationError {
  readonly stack: string;
  readonly summary: string;
  readonly detail: string;
  readonly address: string;
}

export interface ValidationResult {
  /** The stacks validated. */
  readonly stacks: readonly string[];
  readonly errors: readonly ValidationError[];
  /** Stacks not validated, each with why: a provider the mirror does not hold. */
  readonly skipped: readonly { readonly stack: string; readonly reason: string }[];
}

const AWS_PROVIDER = path.join("registry.terraform.io", "hashicorp", "aws");

/** Attributes provider 6.x renamed, back to the names of the 5.x provider the mirror holds. */
const RENAMED_IN_6X: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_batch_compute_environment: { name: "compute_environment_name", name_prefix: "compute_environment_name_prefix" },
};

/** Terraform and the provider mirror, or why they are not here. */
export function findReferee(): TerraformReferee | { readonly skipped: string } {
  const version = spawnSync("terraform", ["version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) return { skipped: "no terraform on PATH" };
  const candidates = [
    process.env.TF_PROVIDER_MIRROR,
    path.join(os.homedir(), ".terraform.d", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
    ...mirrorsUnder("/opt"),
  ].filter((m): m is string => Boolean(m));
  for (const mirror of candidates) {
    const versions = safeReaddir(path.join(mirror, AWS_PROVIDER)).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
    if (versions.length) return { terraform: "terraform", mirror, providerVersion: versions.sort(byVersion).at(-1)! };
  }
  return { skipped: "no local hashicorp/aws provider mirror; set TF_PROVIDER_MIRROR" };
}

/** Runs `terraform validate` on every stack of a synthesized cdktf output folder. */
export function validateSynthesized(outdir: string, referee: TerraformReferee): ValidationResult {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) throw new Error(`tf-validate: no ${stacksDir} (synthesize first)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tf-validate-"));
  try {
    const env = terraformEnv(work, referee.mirror);
    const stacks: string[] = [];
    const errors: ValidationError[] = [];
    const skipped: { stack: string; reason: string }[] = [];
    // One initialized folder for every stack: they all need only hashicorp/aws.
    writeJson(path.join(work, "main.tf.json"), { terraform: { required_providers: { aws: { source: "hashicorp/aws", version: referee.providerVersion } } } });
    run(referee.terraform, ["init", "-backend=false", "-input=false", "-no-color"], work, env);
    for (const stack of safeReaddir(stacksDir).sort()) {
      const config = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, "cdk.tf.json"), "utf8"));
      const others = otherProviders(config);
      if (others.length) {
        skipped.push({ stack, reason: `it needs ${others.join(", ")}, which the local mirror does not hold (only hashicorp/aws)` });
        continue;
      }
      stacks.push(stack);
      writeJson(path.join(work, "main.tf.json"), adaptTo5x(config, referee.providerVersion));
      const result = spawnSync(referee.terraform, ["validate", "-json", "-no-color"], { cwd: work, env, encoding: "utf8" });
      const report = JSON.parse(result.stdout || "{}") as { diagnostics?: Diagnostic[] };
      for (const d of report.diagnostics ?? []) {
        if (d.severity !== "error") continue;
        errors.push({ stack, summary: d.summary ?? "", detail: (d.detail ?? "").slice(0, 400), address: d.address ?? d.range?.filename ?? "" });
      }
      if (!report.diagnostics) errors.push({ stack, summary: "no validate output", detail: result.stderr.slice(0, 400), address: "" });
    }
    return { stacks, errors, skipped };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The providers a stack requires besides hashicorp/aws, by source. */
function otherProviders(config: TerraformJson): string[] {
  // A source without a namespace is HashiCorp's ("aws" is hashicorp/aws), as Terraform reads it.
  const sources = Object.entries(config.terraform?.required_providers ?? {}).map(([name, p]) =>
    String((p as { source?: unknown }).source ?? name).toLowerCase(),
  );
  const full = sources.map((s) => s.replace(/^registry\.terraform\.io\//, "")).map((s) => (s.includes("/") ? s : `hashicorp/${s}`));
  return full.filter((s) => s !== "hashicorp/aws").sort();
}

interface Diagnostic {
  readonly severity?: string;
  readonly summary?: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename?: string };
}

/** A synthesized stack's Terraform JSON, of any shape: only the blocks adaptTo5x names are touched. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TerraformJson = Record<string, any>;

export function adaptTo5x(config: TerraformJson, version: string): TerraformJson {
  const copy = JSON.parse(JSON.stringify(config));
  delete copy.terraform?.backend;
  for (const provider of Object.values(copy.terraform?.required_providers ?? {}) as TerraformJson[]) {
    if (typeof provider === "object" && String(provider.source).endsWith("aws")) provider.version = version;
  }
  for (const [type, renames] of Object.entries(RENAMED_IN_6X)) {
    for (const body of Object.values(copy.resource?.[type] ?? {}) as TerraformJson[]) {
      for (const [now, before] of Object.entries(renames)) {
        if (now in body) {
          body[before] = body[now];
          delete body[now];
        }
      }
    }
  }
  return copy;
}

export function terraformEnv(work: string, mirror: string): NodeJS.ProcessEnv {
  // Inside the work folder, so it goes with it; Terraform reads only .tf files there.
  const rc = path.join(work, ".terraformrc");
  fs.writeFileSync(
    rc,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n` +
      `  direct { exclude = ["registry.terraform.io/hashicorp/aws"] }\n}\n`,
  );
  return { ...process.env, TF_CLI_CONFIG_FILE: rc, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`tf-validate: ${command} ${args[0]} failed:\n${result.stdout}${result.stderr}`);
}

function mirrorsUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of safeReaddir(dir)) {
      const full = path.join(dir, entry);
      if (entry === "registry.terraform.io") found.push(dir);
      else if (depth > 1 && isDirectory(full)) walk(full, depth - 1);
    }
  };
  walk(root, 3);
  return found.sort();
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function byVersion(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value, null, 1));
}

if (require.main === module) {
  const outdir = process.argv[2] ?? "cdktf.out";
  const referee = findReferee();
  if ("skipped" in referee) {
    console.log(`tf-validate: skipped (${referee.skipped})`);
  } else {
    const { stacks, errors, skipped } = validateSynthesized(outdir, referee);
    for (const s of skipped) console.log(`tf-validate: skipped stack ${s.stack}: ${s.reason}`);
    for (const e of errors) console.log(`FAIL ${e.stack}: ${e.summary}: ${e.detail} [${e.address}]`);
    console.log(
      errors.length
        ? `tf-validate: ${errors.length} error(s) in ${stacks.length} stacks (hashicorp/aws ${referee.providerVersion})`
        : `tf-validate: ${stacks.length} stacks valid against hashicorp/aws ${referee.providerVersion}`,
    );
    process.exitCode = errors.length ? 1 : 0;
  }
}
