import { PlacementGroup } from "@cdktf/provider-aws/lib/placement-group";
import { Construct } from "constructs";
import { literalTags } from "./terraform-text";

/** A cluster placement group: all nodes in one Availability Zone, close together, for NCCL over EFA. */
export function createPlacementGroup(scope: Construct, name: string, tags: Record<string, string>): PlacementGroup {
  return new PlacementGroup(scope, "placement-group", { name, strategy: "cluster", tags: literalTags(tags) });
}
