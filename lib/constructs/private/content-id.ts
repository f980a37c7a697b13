import { createHash } from "crypto";
import { DefaultTokenResolver, StringConcat, TerraformResource, Tokenization } from "cdktf";
import { Construct } from "constructs";
import { stackOf } from "./framework";

/**
 * A construct id from what the resource holds, not from when it was added: reordering the rules or grants a user gives
 * keeps every id (and so every Terraform address), where a counter would rename, and so replace, each one after a
 * change. Tokens count as the references they stand for ("${var.port}"), which do not depend on creation order; keys
 * are sorted, so the order properties were written in does not matter either.
 */
export function contentId(scope: Construct, prefix: string, content: unknown): string {
  const resolved = Tokenization.resolve(content, { scope: stackOf(scope), resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
  return `${prefix}-${createHash("sha256").update(canonicalJson(resolved)).digest("hex").slice(0, 10)}`;
}

/**
 * Terraform moves the resource from where a release before content ids put it (`formerId`, a counter's), so upgrading
 * plans no replacement. A moved block whose source is not in the state (a new deployment) does nothing.
 */
export function movedFrom(resource: TerraformResource, formerId: string): void {
  const scope = resource.node.scope!;
  const former = new Construct(scope, formerId);
  const address = `${resource.terraformResourceType}.${stackOf(scope).getLogicalId(former.node)}`;
  scope.node.tryRemoveChild(formerId);
  resource.moveFromId(address);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
