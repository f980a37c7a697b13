import { LaunchTemplateConfig } from "@cdktf/provider-aws/lib/launch-template";
import { Fn, Token } from "cdktf";
import { LaunchTemplateSpec } from "../../specs/launch-template";

/** The launch template's spec as the provider's configuration: the user data encoded. */
export function launchTemplateConfig(spec: LaunchTemplateSpec): LaunchTemplateConfig {
  return { ...spec, userData: spec.userData === undefined ? undefined : base64(spec.userData) };
}

/** Encoded at synth time when literal so the output is plain and deterministic; tokens are left to Terraform. */
export function base64(text: string): string {
  return Token.isUnresolved(text) ? Fn.base64encode(text) : Buffer.from(text, "utf8").toString("base64");
}
