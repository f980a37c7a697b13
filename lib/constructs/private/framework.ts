import * as path from "path";
import { TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { GpuWorkloadsError, InvalidRequirementError } from "../../validation/errors";

/** The package this build of the library is compiled against ("cdktf", or "cdktn" in the CDK Terrain build). */
const OURS = (): string => moduleOf(TerraformStack) ?? "its own framework copy";

/**
 * The stack a construct is in, found by the framework's cross-copy marker (Symbol.for("cdktf/TerraformStack"), shared by
 * cdktf and cdktn), and checked to be of this library's own framework copy: a stack of another copy (cdktn with the cdktf
 * build, or a second cdktf under a `file:` dependency) would not run this library's aspects nor resolve its tokens, and
 * would fail silently (a budget never checked) or late (at synth). That is an error here, naming both copies.
 */
export function stackOf(scope: IConstruct): TerraformStack {
  const stack: IConstruct | undefined = scope.node.scopes.find((s) => TerraformStack.isStack(s));
  if (!stack) throw new InvalidRequirementError("scope", scope.node.path, "create the workload inside a TerraformStack");
  if (!(stack instanceof TerraformStack)) {
    throw new GpuWorkloadsError(
      "FrameworkMismatch",
      `the stack ${stack.node.path} comes from ${moduleOf(stack.constructor) ?? "another copy of the framework"}, but this build of cdktf-gpu-workloads uses ${OURS()}. ` +
        "Two framework copies in one app share neither aspects (a BudgetGuard would never run) nor tokens. Install the build for your framework " +
        "(cdktf-gpu-workloads for cdktf 0.21, cdktn-gpu-workloads for CDK Terrain) and keep one copy of it (npm ls cdktf cdktn).",
    );
  }
  return stack;
}

/** Each stack's default AWS provider once found: the stack's children are copied on every read, one per workload. */
const DEFAULT_AWS_PROVIDERS = new WeakMap<TerraformStack, { region?: string }>();

/** The region of the stack's default AWS provider when literal: found by the framework's provider marker and its type, not by class. */
export function defaultAwsRegion(stack: TerraformStack, isUnresolved: (value: unknown) => boolean): string | undefined {
  let provider = DEFAULT_AWS_PROVIDERS.get(stack);
  if (!provider) {
    provider = stack.node.children.find(
      (c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "aws" && (c as { alias?: string }).alias === undefined,
    ) as { region?: string } | undefined;
    if (provider) DEFAULT_AWS_PROVIDERS.set(stack, provider);
  }
  // Read each time: a provider's region may be set after it was created.
  const region = provider?.region;
  return region && !isUnresolved(region) ? region : undefined;
}

/** Where a framework class was loaded from: the package directory of a loaded module that exports it. */
function moduleOf(ctor: unknown): string | undefined {
  const loaded = Object.values(require.cache).find((m) => m?.exports && typeof m.exports === "object" && Object.values(m.exports as object).includes(ctor));
  return loaded && packageDir(loaded.filename);
}

/** ".../node_modules/cdktf/lib/index.js" → ".../node_modules/cdktf" (scoped packages keep their scope). */
function packageDir(file: string): string {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf("node_modules");
  if (i < 0) return path.dirname(file);
  return parts.slice(0, i + (parts[i + 1]?.startsWith("@") ? 3 : 2)).join(path.sep);
}

/** The stack's child `id`, created by `create` the first time: a read every workload of the stack shares. */
export function sharedInStack<T extends IConstruct>(stack: TerraformStack, id: string, create: (stack: TerraformStack, id: string) => T): T {
  return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack, id);
}
