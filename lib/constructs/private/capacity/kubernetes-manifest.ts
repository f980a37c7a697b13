import { ITerraformDependable, TerraformProvider, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { InvalidRequirementError } from "../../../validation/errors";

/** The bindings of hashicorp/kubernetes for cdktf 0.21: an optional peer dependency, loaded only when a workload asks. */
export const KUBERNETES_BINDINGS = "@cdktf/provider-kubernetes@12.1.1";

/** What the library needs of the bindings' `kubernetes_manifest` resource (its own types stay out of ours). */
type ManifestResource = new (
  scope: Construct,
  id: string,
  config: { readonly manifest: Readonly<Record<string, unknown>>; readonly provider?: TerraformProvider; readonly dependsOn?: ITerraformDependable[] },
) => TerraformResource;

/**
 * The `kubernetes_manifest` resource class, or an error naming `property`: the bindings must be installed, and built on
 * this library's framework copy (CDK Terrain publishes no Kubernetes bindings; cdktf's would not resolve in its stacks).
 */
export function kubernetesManifestResource(property: string): ManifestResource {
  let loaded: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: loaded only for this delivery, never at start-up
    loaded = (require("@cdktf/provider-kubernetes/lib/manifest") as { Manifest?: unknown }).Manifest;
  } catch {
    loaded = undefined;
  }
  if (typeof loaded !== "function") {
    throw new InvalidRequirementError(
      property,
      "kubernetes-manifest",
      `install ${KUBERNETES_BINDINGS} beside the library (npm i -E ${KUBERNETES_BINDINGS}), or leave delivery as "files" and apply the YAML`,
    );
  }
  if (!(loaded.prototype instanceof TerraformResource)) {
    throw new InvalidRequirementError(
      property,
      "kubernetes-manifest",
      `the installed Kubernetes bindings are built on another framework copy than this build of the library (CDK Terrain publishes none yet); leave delivery as "files" and apply the YAML`,
    );
  }
  return loaded as ManifestResource;
}
