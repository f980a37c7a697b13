import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TerraformReferee, adaptTo5x, terraformEnv } from "../../scripts/tf-validate";

/** What `terraform plan` said about one stack. */
export interface PlanResult {
  readonly stack: string;
  readonly ok: boolean;
  /** The error summaries and details Terraform printed (precondition messages among them). */
  readonly errors: readonly string[];
  /** With a prior state: what the plan does to each resource (terraform show -json's resource_changes). */
  readonly changes?: readonly PlannedChange[];
}

/** One resource's planned change: where it is, where the state had it (a moved block), and what happens to it. */
export interface PlannedChange {
  readonly address: string;
  readonly previousAddress?: string;
  readonly actions: readonly string[];
}

/** Resources already deployed, as Terraform's state holds them: type, name (logical id) and attributes. */
export interface PriorResource {
  readonly type: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

/** A value for each of a stack's variables (a plan needs them all): by what the name says it holds, else by its type. */
function variableValue(name: string, type: string | undefined): unknown {
  if (type?.startsWith("list")) return ["subnet-0aaa1111", "subnet-0bbb2222"];
  if (name.endsWith("bucket_arn")) return "arn:aws:s3:::models";
  if (name.endsWith("certificate_arn")) return "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
  if (name.endsWith("image")) return "123456789012.dkr.ecr.us-east-1.amazonaws.com/embed:1";
  if (name === "region") return "us-east-1";
  return name === "vpc_id" ? "vpc-0abc1234" : "stub";
}

/**
 * `terraform plan` with the real AWS provider (the local mirror) for every stack of a synthesized output folder, its EC2
 * calls sent to `ec2Endpoint`. Credentials are dummies and every other AWS call is skipped by the provider's own
 * settings: a plan of new resources reads data sources only. `providerRegion` replaces the region a stack's provider
 * gives (a mismatch case).
 */
export async function planSynthesized(
  outdir: string,
  referee: TerraformReferee,
  ec2Endpoint: string,
  providerRegion?: string,
  priorState?: readonly PriorResource[],
): Promise<PlanResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tf-plan-"));
  try {
    const env = { ...terraformEnv(work, referee.mirror), TF_PLUGIN_CACHE_DIR: path.join(work, "cache"), AWS_EC2_METADATA_DISABLED: "true" };
    fs.mkdirSync(env.TF_PLUGIN_CACHE_DIR);
    const results: PlanResult[] = [];
    for (const stack of fs.readdirSync(path.join(outdir, "stacks")).sort()) {
      const dir = path.join(work, stack);
      fs.mkdirSync(dir);
      const config = adaptTo5x(JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")), referee.providerVersion);
      fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(config));
      const provider = {
        access_key: "AKIAIOSFODNN7EXAMPLE",
        secret_key: "stub",
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        endpoints: [{ ec2: ec2Endpoint, sts: ec2Endpoint }],
        ...(providerRegion && { region: providerRegion }),
      };
      fs.writeFileSync(path.join(dir, "stub_override.tf.json"), JSON.stringify({ provider: { aws: provider } }));
      const declared = Object.entries<{ type?: string }>(config.variable ?? {});
      fs.writeFileSync(
        path.join(dir, "stub.auto.tfvars.json"),
        JSON.stringify(Object.fromEntries(declared.map(([name, v]) => [name, variableValue(name, v.type)]))),
      );
      if (priorState) fs.writeFileSync(path.join(dir, "terraform.tfstate"), JSON.stringify(stateFile(priorState)));
      await run(referee.terraform, ["init", "-backend=false", "-input=false", "-no-color"], dir, env);
      const plan = await run(
        referee.terraform,
        ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", ...(priorState ? ["-out=plan.bin"] : [])],
        dir,
        env,
      );
      const errors = plan.output
        .split(/^Error: /m)
        .slice(1)
        .map(errorText);
      const changes =
        priorState && plan.status === 0
          ? plannedChanges((await run(referee.terraform, ["show", "-json", "-no-color", "plan.bin"], dir, env)).output)
          : undefined;
      results.push({
        stack,
        ok: plan.status === 0,
        errors: plan.status === 0 ? [] : errors.length ? errors : [plan.output.slice(-2000)],
        ...(changes && { changes }),
      });
    }
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A version-4 state file holding `resources`, each one instance of the AWS provider's. */
function stateFile(resources: readonly PriorResource[]) {
  return {
    version: 4,
    terraform_version: "1.5.0",
    serial: 1,
    lineage: "00000000-0000-0000-0000-000000000000",
    outputs: {},
    resources: resources.map((r) => ({
      mode: "managed",
      type: r.type,
      name: r.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: r.attributes, sensitive_attributes: [] }],
    })),
  };
}

function plannedChanges(showJson: string): PlannedChange[] {
  const plan = JSON.parse(showJson) as { resource_changes?: { address: string; previous_address?: string; change: { actions: string[] } }[] };
  return (plan.resource_changes ?? []).map((c) => ({ address: c.address, previousAddress: c.previous_address, actions: c.change.actions }));
}

/**
 * One "Error:" block of Terraform's output as "<summary> (<address>): <message>": the block holds the summary, where
 * (in resource.…), the configuration line, the values involved, and last, after a blank line, the message.
 */
function errorText(block: string): string {
  const [summary, ...rest] = block.trim().split("\n");
  const address = /\bin ((?:resource|data|module|output)\.[^:\n]+):/.exec(block)?.[1];
  const message = rest
    .join("\n")
    .trim()
    .split(/\n\s*\n/)
    .pop()!
    .replace(/\s+/g, " ")
    .trim();
  return `${summary}${address ? ` (${address})` : ""}: ${message}`;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ readonly status: number; readonly output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (status) => {
      if (args[0] === "init" && status !== 0) reject(new Error(`terraform init failed:\n${output}`));
      else resolve({ status: status ?? 1, output });
    });
  });
}
