import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { GpuPlatform, NetworkProps } from "../lib";

/** A team's stack: the AWS provider in the platform's region and the team's VPC from Terraform variables. */
export class TeamStack extends TerraformStack {
  readonly network: NetworkProps;

  constructor(scope: Construct, id: string, platform: GpuPlatform) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: platform.region, defaultTags: [{ tags: { Team: id } }] });
    const vpcId = new TerraformVariable(this, "vpc_id", { type: "string", description: `VPC of team ${id}` });
    const subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: `Private subnets of team ${id} (no public IPs are ever assigned)`,
    });
    this.network = { vpcId: vpcId.stringValue, subnetIds: subnetIds.listValue };
  }
}
