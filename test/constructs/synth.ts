import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";

export const NETWORK = { vpcId: "vpc-0abc1234", subnetIds: ["subnet-0aaa1111", "subnet-0bbb2222"] };

/** Synthesizes what `build` adds to a fresh stack (with an AWS provider) and returns the parsed Terraform JSON. */
export function synthStack(build: (stack: TerraformStack, app: App) => void, region = "us-east-1"): SynthesizedStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region });
  build(stack, app);
  return JSON.parse(Testing.synth(stack));
}

export interface SynthesizedStack {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { value: unknown }>;
  readonly [key: string]: unknown;
}

/** The only resource of a type (fails when there are several or none). */
export function only(json: SynthesizedStack, type: string): Record<string, any> {
  const all = Object.values(json.resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export function resourcesOf(json: SynthesizedStack, type: string): Record<string, any>[] {
  return Object.values(json.resource[type] ?? {});
}

export function outputValue(json: SynthesizedStack, name: string): unknown {
  const entry = Object.entries(json.output ?? {}).find(([key]) => key.includes(`_${name}_`));
  return entry?.[1].value;
}

/** The error `run` throws; fails the test when it throws none, so callers assert without conditions. */
export function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, none was thrown");
}
